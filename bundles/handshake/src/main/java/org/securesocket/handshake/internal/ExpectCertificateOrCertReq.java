package org.securesocket.handshake.internal;

import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.Tls13CertificateRequest;

/** After EncryptedExtensions of a full handshake: an optional CertificateRequest, then the Certificate. */
final class ExpectCertificateOrCertReq implements ClientState {

    @Override
    public String expecting() {
        return "certificate_request or certificate";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (message instanceof Tls13CertificateRequest request) {
            ctx.trace("<- certificate_request");
            return new ExpectCertificate13(request);
        }
        return new ExpectCertificate13(null).handle(ctx, message);
    }
}
