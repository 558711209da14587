package org.securesocket.handshake;

import java.util.Arrays;
import org.securesocket.common.TlsException;

/**
 * ClientKeyExchange (RFC 5246 section 7.4.7): the ECDHE form carries the client's public point,
 * {@code opaque point <1..2^8-1>} (RFC 8422 section 5.7); the DHE form the client's {@code dh_Yc}
 * and the RSA form the encrypted premaster secret, both {@code <1..2^16-1>} (RFC 5246 sections
 * 7.4.7.1 and 7.4.7.2; TLS 1.0 already encodes public-key-encrypted data with its length, RFC 2246
 * section 4.7: only SSL 3.0 left it out).
 */
public record ClientKeyExchange(Form form, byte[] exchangeKeys) implements HandshakeMessage {
    /** The encoding, which the suite's key exchange fixes. */
    public enum Form {
        ECDH_POINT, LENGTH16;

        /** The form of a suite's key exchange (never TLS 1.3, which has no ClientKeyExchange). */
        public static Form of(KeyExchange keyExchange) {
            return keyExchange == KeyExchange.ECDHE_ECDSA || keyExchange == KeyExchange.ECDHE_RSA ? ECDH_POINT
                    : LENGTH16;
        }
    }

    public ClientKeyExchange {
        exchangeKeys = exchangeKeys.clone();
    }

    public static ClientKeyExchange read(WireReader in, Form form) throws TlsException {
        return new ClientKeyExchange(form, form == Form.ECDH_POINT
                ? in.vector8(1, 0xff, "ClientECDiffieHellmanPublic")
                : in.vector16(1, 0xffff, "exchange_keys"));
    }

    @Override
    public byte[] exchangeKeys() {
        return exchangeKeys.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public void write(WireWriter out) {
        if (form == Form.ECDH_POINT) {
            out.vector8(exchangeKeys);
        } else {
            out.vector16(exchangeKeys);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientKeyExchange c && c.form == form && Arrays.equals(exchangeKeys, c.exchangeKeys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(exchangeKeys);
    }
}
