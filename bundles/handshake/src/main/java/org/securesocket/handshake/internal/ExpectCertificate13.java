package org.securesocket.handshake.internal;

import java.util.List;
import java.util.Set;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CertificateStatus;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionType;
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
        readEntryExtensions(ctx, certificate);
        return new ExpectCertificateVerify(request);
    }

    /**
     * The entries' extensions must answer ones we offered (RFC 8446 section 4.4.2); the leaf's
     * status_request carries the stapled OCSP response (section 4.4.2.1), kept, not validated.
     */
    private static void readEntryExtensions(Context ctx, Tls13Certificate certificate) throws TlsException {
        Set<Integer> offered = Extension.types(ctx.clientHello.extensions());
        for (Tls13Certificate.Entry entry : certificate.entries()) {
            for (Extension e : entry.extensions()) {
                if (!offered.contains(e.type())) {
                    throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION,
                            "the server's certificate entry holds " + e.name() + ", which we did not offer"
                            + " (RFC 8446 section 4.4.2)", null);
                }
            }
        }
        var status = Extension.find(certificate.entries().get(0).extensions(), ExtensionType.STATUS_REQUEST);
        if (status.isPresent()) {
            ctx.ocspResponse = CertificateStatus.read(status.get().data()).ocspResponse();
            ctx.trace("<- certificate status_request: a stapled OCSP response of " + ctx.ocspResponse.length
                    + " bytes (not validated)");
        }
    }
}
