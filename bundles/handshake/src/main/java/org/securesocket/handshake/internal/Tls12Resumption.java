package org.securesocket.handshake.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.NewSessionTicket;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.SessionCache;
import org.securesocket.handshake.SessionCache.Tls12Session;
import org.securesocket.record.RecordProtection;

/**
 * TLS 1.2 session resumption: the offer in the ClientHello (a session ID, RFC 5246 section 7.4.1.2,
 * and the SessionTicket extension, RFC 5077 section 3.2), the server's answer (RFC 5246 section 7.3:
 * an echoed session ID starts the abbreviated handshake), keeping a completed session, and forgetting
 * it after a fatal alert (section 7.2.2). Only sessions with the extended master secret are resumed
 * (RFC 7627 section 5.3).
 */
final class Tls12Resumption {
    private static final int SESSION_ID_LENGTH = 32;

    private Tls12Resumption() {
    }

    /**
     * Picks the cached session to offer, adds the SessionTicket extension (with its ticket, else empty
     * to ask for one) when sessions are cached, and returns the session_id to send: the session's, a
     * fresh random one with a ticket alone (section 3.4 of RFC 5077: its echo says the ticket was
     * accepted), else empty.
     */
    static byte[] offer(Context ctx, List<Extension> extensions) {
        SessionCache cache = ctx.config.sessions();
        String key = ctx.config.sessionKey();
        if (cache == null || key == null) {
            return new byte[0];
        }
        Tls12Session session = cache.tls12(key).filter(s -> resumable(ctx, s)).orElse(null);
        byte[] ticket = session == null ? new byte[0] : session.ticket();
        extensions.add(new Extension(ExtensionType.SESSION_TICKET, ticket));
        if (session == null) {
            return new byte[0];
        }
        ctx.tls12Session = session;
        ctx.trace("offering a TLS 1.2 session for resumption (" + (ticket.length > 0 ? "ticket" : "session ID")
                + ", " + session.suite().ianaName() + ")");
        return session.sessionId().length > 0 ? session.sessionId() : ctx.crypto.random().bytes(SESSION_ID_LENGTH);
    }

    /** A session is offered only with its version and suite on offer and with the same validation as now. */
    private static boolean resumable(Context ctx, Tls12Session s) {
        return s.extendedMasterSecret() && ctx.offeredVersions.contains(s.version())
                && ctx.offeredSuites.contains(s.suite()) && Objects.equals(s.verifiedName(), verifiedName(ctx.config));
    }

    /** The name a validated certificate was checked for ("" without a name check), null when not validated. */
    private static String verifiedName(ClientConfig config) {
        return !config.verify() ? null : config.peerName() == null ? "" : config.peerName();
    }

    /**
     * The state after a TLS 1.2 ServerHello that resumes the offered session, or null for a full
     * handshake. Call once the version, suite, extensions and server random are recorded.
     */
    static ClientState accept(Context ctx, ServerHello hello) throws TlsException {
        ctx.serverSessionId = hello.sessionId();
        Tls12Session offered = ctx.tls12Session;
        if (offered == null || hello.sessionId().length == 0
                || !Arrays.equals(hello.sessionId(), ctx.clientHello.sessionId())) {
            return null;
        }
        if (!ctx.extendedMasterSecret) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.HANDSHAKE_FAILURE, "the server resumes"
                    + " a session made with the extended master secret without it (RFC 7627 section 5.3)", null);
        }
        if (ctx.version != offered.version() || ctx.suite != offered.suite()) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server resumes the session with "
                    + ctx.version + " " + ctx.suite.ianaName() + " but it was made with " + offered.version() + " "
                    + offered.suite().ianaName() + " (RFC 5246 section 7.4.1.3)");
        }
        if (ctx.encryptThenMac != offered.encryptThenMac()) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.HANDSHAKE_FAILURE, "the server resumes"
                    + " a session " + (offered.encryptThenMac() ? "made with encrypt_then_mac without it"
                    : "made without encrypt_then_mac with it") + " (RFC 7366 section 3.1)", null);
        }
        ctx.resumed = true;
        ctx.peerCertificates = offered.peerCertificates();
        Tls12KeySchedule keys = Tls12KeySchedule.resume(ctx.crypto, ctx.version, ctx.suite, offered.masterSecret());
        keys.log(ctx);
        RecordProtection[] protections = keys.protections(ctx.clientHello.random(), ctx.serverRandom, ctx.encryptThenMac);
        ctx.trace("<- server_hello resumes the session: abbreviated handshake (RFC 5246 section 7.3)");
        return ExpectNewSessionTicket.orChangeCipherSpec(ctx, protections[1], new ExpectFinished(keys, protections[0]));
    }

    /**
     * Keeps the session of a handshake that has just completed: a full one replaces the session the
     * server refused to resume; a resumed one keeps its session, with the new ticket if one came.
     */
    static void store(Context ctx, Tls12KeySchedule keys) {
        SessionCache cache = ctx.config.sessions();
        String key = ctx.config.sessionKey();
        if (cache == null || key == null) {
            return;
        }
        NewSessionTicket ticket = ctx.tls12Ticket;
        Instant now = cache.clock().instant();
        Duration lifetime = ticket != null && ticket.lifetimeHint() > 0 ? Duration.ofSeconds(ticket.lifetimeHint())
                : cache.maxLifetime();
        boolean newTicket = ticket != null && ticket.ticket().length > 0;
        if (ctx.resumed) {
            if (newTicket) {
                ctx.tls12Session = ctx.tls12Session.withTicket(ticket.ticket(), now, lifetime);
                cache.putTls12(key, ctx.tls12Session);
                ctx.trace("the new ticket of the resumed session is kept");
            }
            return;
        }
        if (ctx.tls12Session != null) {
            cache.removeTls12(key, ctx.tls12Session);
            ctx.trace("the server did not resume the session offered: it is forgotten");
        }
        if (!ctx.extendedMasterSecret || ctx.serverSessionId.length == 0 && !newTicket) {
            ctx.tls12Session = null;
            ctx.trace("no TLS 1.2 session kept: " + (ctx.extendedMasterSecret ? "the server gave neither a session ID"
                    + " nor a ticket" : "no extended master secret (RFC 7627 section 5.3)"));
            return;
        }
        ctx.tls12Session = new Tls12Session(ctx.serverSessionId, newTicket ? ticket.ticket() : new byte[0],
                keys.masterSecret(), ctx.suite, ctx.version, true, ctx.encryptThenMac, ctx.peerCertificates, verifiedName(ctx.config),
                ctx.alpn, now, lifetime);
        cache.putTls12(key, ctx.tls12Session);
        ctx.trace("TLS 1.2 session kept for resumption (" + (newTicket ? "ticket, " : "") + (ctx.serverSessionId.length
                > 0 ? "session ID, " : "") + lifetime.toSeconds() + " s)");
    }

    /** A fatal alert ended the connection: its session must not be resumed (RFC 5246 section 7.2.2). */
    static void invalidate(Context ctx) {
        SessionCache cache = ctx.config.sessions();
        String key = ctx.config.sessionKey();
        if (cache != null && key != null && ctx.tls12Session != null) {
            cache.removeTls12(key, ctx.tls12Session);
            ctx.tls12Session = null;
        }
    }
}
