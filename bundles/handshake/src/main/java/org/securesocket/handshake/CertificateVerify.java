package org.securesocket.handshake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.securesocket.common.TlsException;
import org.securesocket.record.ProtocolVersion;

/**
 * CertificateVerify (RFC 8446 section 4.4.3, RFC 5246 section 7.4.8): {@code SignatureScheme algorithm;
 * opaque signature<0..2^16-1>}. TLS 1.0 and 1.1 (RFC 4346 section 7.4.8) have no algorithm field: that
 * form carries {@link #NO_SCHEME}, which TLS 1.2 and 1.3 cannot express.
 */
public record CertificateVerify(int scheme, byte[] signature) implements HandshakeMessage {
    /** The scheme of the TLS 1.0/1.1 form, which names none on the wire (the key type implies it). */
    public static final int NO_SCHEME = -1;
    private static final String SERVER_CONTEXT = "TLS 1.3, server CertificateVerify";
    private static final String CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify";

    public CertificateVerify {
        signature = signature.clone();
    }

    /** Decodes a CertificateVerify sent in {@code version}: TLS 1.0/1.1 without the algorithm field. */
    public static CertificateVerify read(WireReader in, ProtocolVersion version) throws TlsException {
        int scheme = version.atLeast(ProtocolVersion.TLS12) ? in.u16("algorithm") : NO_SCHEME;
        return new CertificateVerify(scheme, in.vector16(0, 0xffff, "signature"));
    }

    /**
     * The content that is signed: 64 spaces, the context string, a zero byte, the transcript hash
     * (RFC 8446 section 4.4.3).
     */
    public static byte[] signedContent(boolean server, byte[] transcriptHash) {
        byte[] context = (server ? SERVER_CONTEXT : CLIENT_CONTEXT).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[64 + context.length + 1 + transcriptHash.length];
        Arrays.fill(out, 0, 64, (byte) 0x20);
        System.arraycopy(context, 0, out, 64, context.length);
        System.arraycopy(transcriptHash, 0, out, 65 + context.length, transcriptHash.length);
        return out;
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void write(WireWriter out) {
        if (scheme != NO_SCHEME) {
            out.u16(scheme);
        }
        out.vector16(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateVerify c && c.scheme == scheme && Arrays.equals(c.signature, signature);
    }

    @Override
    public int hashCode() {
        return scheme * 31 + Arrays.hashCode(signature);
    }
}
