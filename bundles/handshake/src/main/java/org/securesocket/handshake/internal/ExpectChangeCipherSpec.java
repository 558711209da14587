package org.securesocket.handshake.internal;

import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.record.RecordProtection;

/** Waits for the server's ChangeCipherSpec, then reads under the server's keys. */
final class ExpectChangeCipherSpec implements ClientState {
    private final RecordProtection serverProtection;
    private final ClientState next;

    /** @param next the server's Finished, as expected in a full or an abbreviated handshake */
    ExpectChangeCipherSpec(RecordProtection serverProtection, ClientState next) {
        this.serverProtection = serverProtection;
        this.next = next;
    }

    @Override
    public String expecting() {
        return "change_cipher_spec";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        throw unexpected(message);
    }

    @Override
    public ClientState changeCipherSpec(Context ctx) throws TlsException {
        ctx.records.setReadProtection(serverProtection);
        ctx.trace("<- change_cipher_spec");
        return next;
    }
}
