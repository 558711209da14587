package org.securesocket.handshake.internal;

import java.util.Arrays;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.handshake.DheParameters;

/**
 * The finite-field DHE key exchange of TLS 1.0 to 1.2 with server-chosen parameters (RFC 5246 section
 * 7.4.3). The provider checks them: p at least {@code minDhBits} ({@code handshake.insufficient_security}),
 * odd and at most 8192 bits, g and Ys in [2, p-2] ({@code handshake.illegal_parameter}).
 *
 * @param clientKeyExchange the message carrying our dh_Yc
 * @param premasterSecret   the shared secret with its leading zero bytes stripped (RFC 5246 section 8.1.2)
 * @param share             our key pair
 */
record DheKeyExchange(ClientKeyExchange clientKeyExchange, byte[] premasterSecret, KeyShare share) {

    static DheKeyExchange agree(TlsCrypto crypto, DheParameters params, int minDhBits) throws TlsException {
        KeyShare share = crypto.generateDhKeyShare(params.p(), params.g(), minDhBits);
        byte[] z = share.agree(params.ys());
        int zeros = 0;
        while (zeros < z.length && z[zeros] == 0) {
            zeros++;
        }
        byte[] premaster = Arrays.copyOfRange(z, zeros, z.length);
        Arrays.fill(z, (byte) 0);
        return new DheKeyExchange(new ClientKeyExchange(ClientKeyExchange.Form.LENGTH16, share.publicKey()),
                premaster, share);
    }
}
