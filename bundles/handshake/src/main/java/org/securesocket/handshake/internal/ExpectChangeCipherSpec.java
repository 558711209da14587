package org.securesocket.handshake.internal;

import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.record.RecordProtection;

/** Waits for the server's ChangeCipherSpec, then reads under the server's keys. */
final class ExpectChangeCipherSpec implements ClientState {
    private final Tls12KeySchedule keys;
    private final RecordProtection serverProtection;

    ExpectChangeCipherSpec(Tls12KeySchedule keys, RecordProtection serverProtection) {
        this.keys = keys;
        this.serverProtection = serverProtection;
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
        return new ExpectFinished(keys);
    }
}
