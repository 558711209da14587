package org.securesocket.handshake.internal;

import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HelloRequest;
import org.securesocket.record.AlertMessage;

/**
 * The handshake is complete. Renegotiation is refused: a HelloRequest is answered with a
 * no_renegotiation warning (RFC 5246 section 7.4.1.1, RFC 5746 section 4.2); a server that asks
 * again ends the connection.
 */
final class Connected implements ClientState {
    private final int refusedRenegotiations;

    Connected(int refusedRenegotiations) {
        this.refusedRenegotiations = refusedRenegotiations;
    }

    @Override
    public String expecting() {
        return "application data (the handshake is complete)";
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (!(message instanceof HelloRequest)) {
            throw unexpected(message);
        }
        if (refusedRenegotiations > 0) {
            throw new TlsException(ErrorCode.HANDSHAKE_RENEGOTIATION_REFUSED, Alert.HANDSHAKE_FAILURE,
                    "the server insists on renegotiating, which this client refuses", null);
        }
        ctx.trace("<- hello_request: renegotiation refused with a no_renegotiation warning");
        ctx.records.sendAlert(AlertMessage.toSend(Alert.NO_RENEGOTIATION, ctx.version));
        return new Connected(refusedRenegotiations + 1);
    }
}
