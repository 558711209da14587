package org.securesocket.handshake.internal;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.KeyUsage;

/**
 * The static RSA key exchange (RFC 5246 section 7.4.7.1): the premaster secret is the version we
 * offered in ClientHello followed by 46 random bytes, encrypted with RSAES-PKCS1-v1_5 to the
 * server certificate's key (whose size the certificate check already held to the policy).
 */
final class RsaKeyExchange {
    private static final int RANDOM_LENGTH = 46;

    private RsaKeyExchange() {
    }

    /** Prepares the premaster secret and the ClientKeyExchange that carries it, once the certificate is known. */
    static void prepare(Context ctx) throws TlsException {
        Certificate leaf = ctx.peerCertificates.get(0);
        // RFC 5246 section 7.4.2: a key used for key transport must allow keyEncipherment (RFC 5280 4.2.1.3)
        if (leaf.extensions().keyUsage().filter(usage -> !usage.contains(KeyUsage.KEY_ENCIPHERMENT)).isPresent()) {
            throw new TlsException(ErrorCode.CERTIFICATE_BAD_KEY_USAGE, "the server's certificate does not allow"
                    + " keyEncipherment, which the RSA key exchange of " + ctx.suite.ianaName() + " needs");
        }
        int clientVersion = ctx.clientHello.legacyVersion(); // not the negotiated one: a rollback check
        byte[] premaster = new byte[2 + RANDOM_LENGTH];
        premaster[0] = (byte) (clientVersion >>> 8);
        premaster[1] = (byte) clientVersion;
        System.arraycopy(ctx.crypto.random().bytes(RANDOM_LENGTH), 0, premaster, 2, RANDOM_LENGTH);
        byte[] encrypted = ctx.crypto.rsaEncryptPkcs1(leaf.publicKey().encoded(), premaster);
        ctx.premasterSecret = premaster;
        ctx.clientKeyExchange = new ClientKeyExchange(ClientKeyExchange.Form.LENGTH16, encrypted);
        ctx.trace("RSA key exchange: premaster secret encrypted to the certificate's " + leaf.publicKey().bits()
                + "-bit key");
    }
}
