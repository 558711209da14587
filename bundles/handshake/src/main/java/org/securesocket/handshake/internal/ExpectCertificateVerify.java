package org.securesocket.handshake.internal;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.handshake.CertificateVerify;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.Tls13CertificateRequest;
import org.securesocket.x509.PublicKeyInfo;

/**
 * Waits for the server's CertificateVerify (RFC 8446 section 4.4.3): a scheme we offered that may
 * sign TLS 1.3 handshakes and fits the certificate key, over the transcript up to the Certificate.
 */
final class ExpectCertificateVerify implements ClientState {
    private final Tls13CertificateRequest request;

    ExpectCertificateVerify(Tls13CertificateRequest request) {
        this.request = request;
    }

    @Override
    public String expecting() {
        return "certificate_verify";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (!(message instanceof CertificateVerify verify)) {
            throw unexpected(message);
        }
        SignatureScheme scheme = SignatureScheme.fromCodepoint(verify.scheme()).orElse(null);
        if (scheme == null || !ctx.offeredSchemes.contains(scheme) || !Tls13Signatures.allowed(scheme)) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, String.format("the server signed its"
                    + " certificate_verify with the scheme 0x%04x, which we did not offer for TLS 1.3 handshakes",
                    verify.scheme()));
        }
        PublicKeyInfo key = ctx.peerCertificates.get(0).publicKey();
        Tls13Signatures.checkKey(scheme, key);
        byte[] content = CertificateVerify.signedContent(true, ctx.transcript.digest());
        if (!ctx.crypto.verify(scheme, key.encoded(), content, verify.signature())) {
            throw new TlsException(ErrorCode.HANDSHAKE_BAD_SIGNATURE, "the server's certificate_verify (" + scheme
                    + ") does not verify with its certificate's key: it does not hold the private key");
        }
        ctx.transcript.add(verify.encode());
        ctx.trace("<- certificate_verify " + scheme);
        return new ExpectFinished13(request);
    }
}
