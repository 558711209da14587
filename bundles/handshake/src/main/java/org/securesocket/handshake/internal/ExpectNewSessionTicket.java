package org.securesocket.handshake.internal;

import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.NewSessionTicket;
import org.securesocket.record.RecordProtection;

/**
 * Waits for the NewSessionTicket a server promised with an empty SessionTicket extension in its
 * ServerHello (RFC 5077 section 3.3): it comes right before the server's ChangeCipherSpec, in a full
 * handshake as in an abbreviated one; an empty ticket means the server changed its mind.
 */
final class ExpectNewSessionTicket implements ClientState {
    private final RecordProtection serverProtection;
    private final ClientState afterChangeCipherSpec;

    private ExpectNewSessionTicket(RecordProtection serverProtection, ClientState afterChangeCipherSpec) {
        this.serverProtection = serverProtection;
        this.afterChangeCipherSpec = afterChangeCipherSpec;
    }

    /** What follows our ClientHello's answer: the promised ticket, else the server's ChangeCipherSpec. */
    static ClientState orChangeCipherSpec(Context ctx, RecordProtection serverProtection, ClientState next) {
        return ctx.ticketPromised ? new ExpectNewSessionTicket(serverProtection, next)
                : new ExpectChangeCipherSpec(serverProtection, next);
    }

    @Override
    public String expecting() {
        return "new_session_ticket";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (!(message instanceof NewSessionTicket ticket)) {
            throw unexpected(message);
        }
        ctx.tls12Ticket = ticket;
        ctx.trace("<- new_session_ticket (" + ticket.ticket().length + " bytes, lifetime hint "
                + ticket.lifetimeHint() + " s)");
        return new ExpectChangeCipherSpec(serverProtection, afterChangeCipherSpec);
    }
}
