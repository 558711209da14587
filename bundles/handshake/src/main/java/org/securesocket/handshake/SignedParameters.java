package org.securesocket.handshake;

/**
 * The body of a ServerKeyExchange (RFC 5246 section 7.4.3): the key exchange's parameters, then
 * their signature ({@link ServerSignature}). The parameters, as signed, are what the two key
 * exchanges differ in; the encoding after them is shared.
 */
public sealed interface SignedParameters permits DheParameters, EcdheParameters {
    /** The parameters as signed, with their lengths. */
    byte[] params();

    /** The SignatureAndHashAlgorithm (TLS 1.2), or -1 when absent (TLS 1.0 and 1.1). */
    int signatureScheme();

    byte[] signature();

    default void write(WireWriter out) {
        out.bytes(params());
        ServerSignature.write(out, signatureScheme(), signature());
    }

    /** The encoded body, for a ServerKeyExchange. */
    default byte[] encode() {
        WireWriter w = new WireWriter();
        write(w);
        return w.toByteArray();
    }
}
