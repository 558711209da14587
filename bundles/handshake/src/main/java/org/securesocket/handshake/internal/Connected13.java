package org.securesocket.handshake.internal;

import java.time.Duration;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.KeyUpdate;
import org.securesocket.handshake.SessionCache;
import org.securesocket.handshake.Tls13CertificateRequest;
import org.securesocket.handshake.Tls13NewSessionTicket;

/**
 * A TLS 1.3 connection after the handshake (RFC 8446 section 4.6): tickets are stored for
 * resumption, a KeyUpdate moves the read keys forward (and ours too when the server asks), and a
 * post-handshake CertificateRequest is refused because post_handshake_auth was never offered.
 */
final class Connected13 implements ClientState {

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
        if (message instanceof Tls13NewSessionTicket ticket) {
            store(ctx, ticket);
        } else if (message instanceof KeyUpdate update) {
            ctx.serverTrafficSecret = ctx.schedule.nextTrafficSecret(ctx.serverTrafficSecret);
            ctx.records.setReadProtection(ctx.schedule.protection(ctx.serverTrafficSecret));
            ctx.trace("<- key_update" + (update.updateRequested() ? " (update_requested)" : "") + ": new read keys");
            if (update.updateRequested()) {
                ctx.updateWriteKeys(false); // section 4.6.3: answer with update_not_requested
            }
        } else if (message instanceof Tls13CertificateRequest) {
            throw new TlsException(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, "the server sent a post-handshake"
                    + " certificate_request, but we did not offer post_handshake_auth (RFC 8446 section 4.6.2)");
        } else {
            throw unexpected(message);
        }
        return this;
    }

    /** Keeps the ticket with the PSK it stands for (section 4.6.1) when a cache and a server name are configured. */
    private static void store(Context ctx, Tls13NewSessionTicket ticket) throws TlsException {
        SessionCache cache = ctx.config.sessions();
        String key = ctx.config.sessionKey();
        if (cache == null || key == null) {
            ctx.trace("<- new_session_ticket (not kept: no session cache)");
            return;
        }
        byte[] psk = Tls13KeySchedule.ticketPsk(ctx.crypto, ctx.suite.prfHash(), ctx.resumptionMasterSecret,
                ticket.nonce());
        cache.put(key, new SessionCache.Ticket(ticket.ticket(), psk, ctx.suite, ticket.ageAdd(),
                cache.clock().instant(), Duration.ofSeconds(ticket.lifetime()), ctx.alpn, ctx.peerCertificates));
        ctx.trace("<- new_session_ticket: kept for " + ticket.lifetime() + " s");
    }
}
