package org.securesocket.handshake;

import java.util.Arrays;
import org.securesocket.common.TlsException;

/**
 * ClientKeyExchange (RFC 5246 section 7.4.7) in its ECDHE form (RFC 8422 section 5.7): the client's
 * public point, {@code opaque point <1..2^8-1>}. The RSA and DHE forms of later suites carry a
 * 2-byte length; they are added with those suites.
 */
public record ClientKeyExchange(byte[] ecdhPublic) implements HandshakeMessage {
    public ClientKeyExchange {
        ecdhPublic = ecdhPublic.clone();
    }

    public static ClientKeyExchange read(WireReader in) throws TlsException {
        return new ClientKeyExchange(in.vector8(1, 0xff, "ClientECDiffieHellmanPublic"));
    }

    @Override
    public byte[] ecdhPublic() {
        return ecdhPublic.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public void write(WireWriter out) {
        out.vector8(ecdhPublic);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientKeyExchange c && Arrays.equals(ecdhPublic, c.ecdhPublic);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ecdhPublic);
    }
}
