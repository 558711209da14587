package org.securesocket.handshake.internal;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CertificateMessage;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.KeyExchange;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.PublicKeyInfo;

/** Waits for the server's Certificate and validates the path (unless verification is off). */
final class ExpectCertificate implements ClientState {

    @Override
    public String expecting() {
        return "certificate";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (!(message instanceof CertificateMessage certificate)) {
            throw unexpected(message);
        }
        List<Certificate> decoded = validate(ctx, certificate.certificates());
        PublicKeyInfo key = decoded.get(0).publicKey();
        String required = ctx.suite.keyExchange().certificateKey().name();
        if (!key.type().name().equals(required)) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_CERTIFICATE,
                    "the server's certificate has a " + key.type() + " key but " + ctx.suite.ianaName()
                    + " needs " + required, null);
        }
        ctx.peerCertificates = List.copyOf(decoded);
        ClientState next;
        if (ctx.suite.keyExchange() == KeyExchange.RSA) {
            RsaKeyExchange.prepare(ctx);
            next = new ExpectServerHelloDone(null);
        } else {
            next = new ExpectServerKeyExchange();
        }
        return ctx.statusRequestAnswered ? new ExpectCertificateStatus(next) : next;
    }

    /**
     * Decodes the server's list and validates the path (unless verification is off); an RSA key
     * must have the policy's minimum size. Shared by both versions' Certificate states.
     */
    static List<Certificate> validate(Context ctx, List<byte[]> chain) throws TlsException {
        if (chain.isEmpty()) {
            throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED, "the server sent an empty certificate list");
        }
        List<Certificate> decoded = new ArrayList<>();
        for (byte[] der : chain) {
            decoded.add(Certificate.read(der));
        }
        if (ctx.config.verify()) {
            ctx.config.pathValidator().validate(chain, ctx.config.trustStore(), ctx.config.peerName());
            ctx.trace("<- certificate: " + decoded.get(0) + " validated" + (ctx.config.peerName() != null
                    ? " for " + ctx.config.peerName() : ""));
        } else {
            ctx.trace("<- certificate: " + decoded.get(0) + " NOT validated (verification is off)");
        }
        PublicKeyInfo key = decoded.get(0).publicKey();
        if ((key.type() == PublicKeyInfo.KeyType.RSA || key.type() == PublicKeyInfo.KeyType.RSA_PSS)
                && key.bits() < ctx.config.policy().minRsaBits()) {
            throw new TlsException(ErrorCode.CERTIFICATE_WEAK_KEY, "the server's RSA key has " + key.bits()
                    + " bits; the policy requires " + ctx.config.policy().minRsaBits());
        }
        return decoded;
    }
}
