package org.securesocket.handshake.internal;

import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.Tls13Certificate;
import org.securesocket.handshake.Tls13CertificateRequest;
import org.securesocket.x509.Certificate;

/** Waits for the server's TLS 1.3 Certificate (RFC 8446 section 4.4.2) and validates the path. */
final class ExpectCertificate13 implements ClientState {
    private final Tls13CertificateRequest request;

    /** @param request the server's CertificateRequest, or null */
    ExpectCertificate13(Tls13CertificateRequest request) {
        this.request = request;
    }

    @Override
    public String expecting() {
        return "certificate";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (!(message instanceof Tls13Certificate certificate)) {
            throw unexpected(message);
        }
        if (certificate.requestContext().length != 0) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's certificate has a non-empty"
                    + " certificate_request_context (RFC 8446 section 4.4.2)");
        }
        List<Certificate> decoded = ExpectCertificate.validate(ctx, certificate.certificates());
        ctx.peerCertificates = List.copyOf(decoded);
        return new ExpectCertificateVerify(request);
    }
}
