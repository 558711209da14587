package org.securesocket.handshake;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/** KeyUpdate (RFC 8446 section 4.6.3): {@code KeyUpdateRequest request_update}. */
public record KeyUpdate(boolean updateRequested) implements HandshakeMessage {

    public static KeyUpdate read(WireReader in) throws TlsException {
        int value = in.u8("request_update");
        if (value > 1) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "key_update request_update " + value
                    + " is neither update_not_requested (0) nor update_requested (1)");
        }
        return new KeyUpdate(value == 1);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }

    @Override
    public void write(WireWriter out) {
        out.u8(updateRequested ? 1 : 0);
    }
}
