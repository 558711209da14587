package org.securesocket.handshake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.securesocket.common.TlsException;

/** CertificateVerify (RFC 8446 section 4.4.3): {@code SignatureScheme algorithm; opaque signature<0..2^16-1>}. */
public record CertificateVerify(int scheme, byte[] signature) implements HandshakeMessage {
    private static final String SERVER_CONTEXT = "TLS 1.3, server CertificateVerify";
    private static final String CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify";

    public CertificateVerify {
        signature = signature.clone();
    }

    public static CertificateVerify read(WireReader in) throws TlsException {
        int scheme = in.u16("algorithm");
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
        out.u16(scheme).vector16(signature);
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
