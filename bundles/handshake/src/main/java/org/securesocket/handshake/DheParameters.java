package org.securesocket.handshake;

import java.util.Arrays;
import org.securesocket.common.TlsException;
import org.securesocket.record.ProtocolVersion;

/**
 * The body of a DHE ServerKeyExchange (RFC 5246 section 7.4.3): ServerDHParams ({@code dh_p}, {@code dh_g},
 * {@code dh_Ys}, each {@code <1..2^16-1>}, big-endian unsigned), then the signature: a
 * SignatureAndHashAlgorithm (TLS 1.2 only; -1 when absent) and {@code opaque signature<0..2^16-1>}.
 * The values are only decoded here; the handshake checks them (size, range) before use.
 */
public record DheParameters(byte[] p, byte[] g, byte[] ys, int signatureScheme, byte[] signature)
        implements SignedParameters {
    public DheParameters {
        p = p.clone();
        g = g.clone();
        ys = ys.clone();
        signature = signature.clone();
    }

    /** Decodes the body of a ServerKeyExchange received in {@code version} (TLS 1.0 to 1.2). */
    public static DheParameters read(byte[] body, ProtocolVersion version) throws TlsException {
        WireReader in = WireReader.of(body);
        byte[] p = in.vector16(1, 0xffff, "dh_p");
        byte[] g = in.vector16(1, 0xffff, "dh_g");
        byte[] ys = in.vector16(1, 0xffff, "dh_Ys");
        int scheme = ServerSignature.readScheme(in, version);
        byte[] signature = ServerSignature.readSignature(in);
        in.expectEnd("server_key_exchange");
        return new DheParameters(p, g, ys, scheme, signature);
    }

    @Override
    public byte[] p() {
        return p.clone();
    }

    @Override
    public byte[] g() {
        return g.clone();
    }

    @Override
    public byte[] ys() {
        return ys.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** ServerDHParams as signed: the three values with their lengths. */
    @Override
    public byte[] params() {
        return new WireWriter().vector16(p).vector16(g).vector16(ys).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DheParameters d && Arrays.equals(d.p, p) && Arrays.equals(d.g, g)
                && Arrays.equals(d.ys, ys) && d.signatureScheme == signatureScheme
                && Arrays.equals(d.signature, signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ys);
    }
}
