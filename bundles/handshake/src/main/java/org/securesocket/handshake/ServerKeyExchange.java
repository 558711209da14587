package org.securesocket.handshake;

import java.util.Arrays;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * ServerKeyExchange (RFC 5246 section 7.4.3): its structure depends on the suite's key exchange,
 * so the message keeps the body and the state that knows the suite decodes it (e.g.
 * {@link EcdheParameters#read}).
 */
public record ServerKeyExchange(byte[] body) implements HandshakeMessage {
    public ServerKeyExchange {
        body = body.clone();
    }

    public static ServerKeyExchange read(WireReader in) throws TlsException {
        if (!in.hasRemaining()) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "the server's server_key_exchange is empty");
        }
        return new ServerKeyExchange(in.bytes(in.remaining(), "server_key_exchange"));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    @Override
    public void write(WireWriter out) {
        out.bytes(body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerKeyExchange s && Arrays.equals(body, s.body);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body);
    }
}
