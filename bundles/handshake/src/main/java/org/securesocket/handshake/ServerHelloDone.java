package org.securesocket.handshake;

import org.securesocket.common.TlsException;

/** ServerHelloDone (RFC 5246 section 7.4.5): an empty body. */
public record ServerHelloDone() implements HandshakeMessage {
    public static ServerHelloDone read(WireReader in) throws TlsException {
        in.expectEnd("server_hello_done");
        return new ServerHelloDone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }

    @Override
    public void write(WireWriter out) {
        // empty body
    }
}
