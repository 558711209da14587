package org.securesocket.handshake;

import org.securesocket.common.TlsException;

/** HelloRequest (RFC 5246 section 7.4.1.1): an empty body; this client refuses the renegotiation it asks for. */
public record HelloRequest() implements HandshakeMessage {
    public static HelloRequest read(WireReader in) throws TlsException {
        in.expectEnd("hello_request");
        return new HelloRequest();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.HELLO_REQUEST;
    }

    @Override
    public void write(WireWriter out) {
        // empty body
    }
}
