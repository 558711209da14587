package org.securesocket.handshake.internal;

import org.securesocket.common.TlsException;
import org.securesocket.handshake.CertificateStatus;
import org.securesocket.handshake.HandshakeMessage;

/**
 * After the Certificate of a TLS 1.2 server that echoed status_request: an optional CertificateStatus
 * (RFC 6066 section 8 lets the server send none), then whatever {@code next} expects. The stapled
 * OCSP response is kept for the session, not validated.
 */
final class ExpectCertificateStatus implements ClientState {
    private final ClientState next;

    ExpectCertificateStatus(ClientState next) {
        this.next = next;
    }

    @Override
    public String expecting() {
        return "certificate_status or " + next.expecting();
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (message instanceof CertificateStatus status) {
            ctx.ocspResponse = status.ocspResponse();
            ctx.trace("<- certificate_status: a stapled OCSP response of " + ctx.ocspResponse.length
                    + " bytes (not validated)");
            return next;
        }
        ctx.trace("the server sent no certificate_status although it echoed status_request");
        return next.handle(ctx, message);
    }
}
