package org.securesocket.handshake;

import java.util.Arrays;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * CertificateRequest in its TLS 1.3 form (RFC 8446 section 4.3.2): {@code opaque
 * certificate_request_context<0..2^8-1>; Extension extensions<2..2^16-1>}; signature_algorithms is mandatory.
 */
public record Tls13CertificateRequest(byte[] requestContext, List<Extension> extensions) implements HandshakeMessage {
    public Tls13CertificateRequest {
        requestContext = requestContext.clone();
        extensions = List.copyOf(extensions);
    }

    public static Tls13CertificateRequest read(WireReader in) throws TlsException {
        byte[] context = in.vector8(0, 0xff, "certificate_request_context");
        List<Extension> extensions = Extension.readList(in, "certificate_request");
        if (Extension.find(extensions, ExtensionType.SIGNATURE_ALGORITHMS).isEmpty()) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "a certificate_request lacks signature_algorithms"
                    + " (RFC 8446 section 4.3.2)");
        }
        return new Tls13CertificateRequest(context, extensions);
    }

    @Override
    public byte[] requestContext() {
        return requestContext.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void write(WireWriter out) {
        out.vector8(requestContext);
        Extension.writeList(extensions, out, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tls13CertificateRequest c && Arrays.equals(c.requestContext, requestContext)
                && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return extensions.hashCode();
    }
}
