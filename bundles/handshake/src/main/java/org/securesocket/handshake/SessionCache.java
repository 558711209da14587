package org.securesocket.handshake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.securesocket.handshake.internal.PeerCertificates;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;

/**
 * The sessions a client keeps for resumption, per server: TLS 1.3 tickets (RFC 8446 sections 4.6.1
 * and 2.2) and one TLS 1.2 session (RFC 5246 section 7.4.1.2 session ID and/or RFC 5077 ticket).
 * Each TLS 1.3 ticket is used once (appendix C.4: reuse would let connections be linked); a TLS 1.2
 * session may resume several connections until it expires, is replaced, or ends in a fatal alert.
 * Memory is bounded: at most {@code maxServers} servers (the least recently used is forgotten) with
 * {@code maxTicketsPerServer} TLS 1.3 tickets and one TLS 1.2 session each. Nothing is kept longer than
 * its own lifetime nor {@code maxLifetime}. Time comes from the injected clock. Thread-safe:
 * connections share one cache.
 */
public final class SessionCache {
    /** One ticket and what resuming with it needs. */
    public record Ticket(byte[] identity, byte[] psk, CipherSuite suite, long ageAdd, Instant issued, Duration lifetime,
            String alpn, List<Certificate> peerCertificates) {
        public Ticket {
            identity = identity.clone();
            psk = psk.clone();
            peerCertificates = PeerCertificates.of(peerCertificates);
        }

        @Override
        public byte[] identity() {
            return identity.clone();
        }

        @Override
        public byte[] psk() {
            return psk.clone();
        }

        /** The obfuscated_ticket_age (section 4.2.11.1): age in milliseconds plus age_add, modulo 2^32. */
        public long obfuscatedAge(Instant now) {
            return Duration.between(issued, now).toMillis() + ageAdd & 0xffffffffL;
        }
    }

    /**
     * One TLS 1.2 session: what an abbreviated handshake (RFC 5246 section 7.3) needs and what the full
     * one established. Only sessions with the extended master secret are kept (RFC 7627 section 5.3).
     *
     * @param sessionId     the server's session ID, empty when it gave none
     * @param ticket        the server's RFC 5077 ticket, empty when it gave none
     * @param encryptThenMac whether the session's CBC records use encrypt_then_mac: a resumption must agree
     *                      (RFC 7366 section 3.1)
     * @param verifiedName  the name the server's certificate was validated for, or null when it was not
     *                      validated: a connection that validates never resumes an unvalidated session
     * @param lifetime      how long the server lets it be resumed (the cache's maximum when it did not say)
     */
    public record Tls12Session(byte[] sessionId, byte[] ticket, byte[] masterSecret, CipherSuite suite,
            ProtocolVersion version, boolean extendedMasterSecret, boolean encryptThenMac,
            List<Certificate> peerCertificates, String verifiedName, String alpn, Instant issued, Duration lifetime) {
        public Tls12Session {
            sessionId = sessionId.clone();
            ticket = ticket.clone();
            masterSecret = masterSecret.clone();
            peerCertificates = PeerCertificates.of(peerCertificates);
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(issued, "issued");
            Objects.requireNonNull(lifetime, "lifetime");
        }

        @Override
        public byte[] sessionId() {
            return sessionId.clone();
        }

        @Override
        public byte[] ticket() {
            return ticket.clone();
        }

        @Override
        public byte[] masterSecret() {
            return masterSecret.clone();
        }

        /** The same session with a ticket the server issued when resuming it (RFC 5077 section 3.3). */
        public Tls12Session withTicket(byte[] newTicket, Instant newIssued, Duration newLifetime) {
            return new Tls12Session(sessionId, newTicket, masterSecret, suite, version, extendedMasterSecret,
                    encryptThenMac, peerCertificates, verifiedName, alpn, newIssued, newLifetime);
        }
    }

    /** What is kept for one server. */
    private static final class ServerSessions {
        final Deque<Ticket> tickets = new ArrayDeque<>();
        Tls12Session tls12;
    }

    /** The servers remembered by {@link #SessionCache(Clock, int)}. */
    public static final int DEFAULT_MAX_SERVERS = 100;
    /** RFC 8446 section 4.6.1: a ticket lifetime is at most seven days. */
    public static final Duration MAX_TICKET_LIFETIME = Duration.ofDays(7);

    private final Clock clock;
    private final int maxTicketsPerServer;
    private final Duration maxLifetime;
    private final Map<String, ServerSessions> servers;

    /** A cache of {@value #DEFAULT_MAX_SERVERS} servers whose tickets live as long as they say (seven days at most). */
    public SessionCache(Clock clock, int maxTicketsPerServer) {
        this(clock, maxTicketsPerServer, DEFAULT_MAX_SERVERS, MAX_TICKET_LIFETIME);
    }

    /**
     * @param maxServers  how many servers' tickets are kept; beyond it the least recently used server is forgotten
     * @param maxLifetime how long any ticket may be used, whatever lifetime the server gave it
     */
    public SessionCache(Clock clock, int maxTicketsPerServer, int maxServers, Duration maxLifetime) {
        if (maxTicketsPerServer < 1 || maxServers < 1) {
            throw new IllegalArgumentException("maxTicketsPerServer and maxServers must be at least 1: "
                    + maxTicketsPerServer + ", " + maxServers);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxTicketsPerServer = maxTicketsPerServer;
        this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
        this.servers = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ServerSessions> eldest) {
                return size() > maxServers;
            }
        };
    }

    public Clock clock() {
        return clock;
    }

    /** Stores a ticket; the oldest of the server's is dropped beyond the limit. A zero lifetime is not stored. */
    public synchronized void put(String server, Ticket ticket) {
        if (ticket.lifetime().isZero() || maxLifetime.isZero()) {
            return;
        }
        Deque<Ticket> queue = servers.computeIfAbsent(server, k -> new ServerSessions()).tickets;
        queue.addLast(ticket);
        while (queue.size() > maxTicketsPerServer) {
            queue.removeFirst();
        }
    }

    /** Takes the newest unexpired ticket for a server (it is removed: single use). */
    public synchronized Optional<Ticket> take(String server) {
        ServerSessions entry = servers.get(server);
        while (entry != null && !entry.tickets.isEmpty()) {
            Ticket t = entry.tickets.removeLast();
            if (alive(t.issued(), t.lifetime())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps a server's TLS 1.2 session, replacing the one kept before; a session without the extended
     * master secret, without session ID and ticket, or with a zero lifetime is not kept.
     */
    public synchronized void putTls12(String server, Tls12Session session) {
        if (!session.extendedMasterSecret() || session.lifetime().isZero() || maxLifetime.isZero()
                || session.sessionId.length == 0 && session.ticket.length == 0) {
            return;
        }
        servers.computeIfAbsent(server, k -> new ServerSessions()).tls12 = session;
    }

    /** The server's TLS 1.2 session while it lives (it stays kept: a session may resume several connections). */
    public synchronized Optional<Tls12Session> tls12(String server) {
        ServerSessions entry = servers.get(server);
        if (entry == null || entry.tls12 == null) {
            return Optional.empty();
        }
        if (!alive(entry.tls12.issued(), entry.tls12.lifetime())) {
            entry.tls12 = null;
            return Optional.empty();
        }
        return Optional.of(entry.tls12);
    }

    /**
     * Forgets a server's TLS 1.2 session if it is still {@code session} (a connection that used it ended in a
     * fatal alert, RFC 5246 section 7.2.2, or the server refused to resume it); a newer one is kept.
     */
    public synchronized void removeTls12(String server, Tls12Session session) {
        ServerSessions entry = servers.get(server);
        if (entry != null && entry.tls12 == session) {
            entry.tls12 = null;
        }
    }

    private boolean alive(Instant issued, Duration lifetime) {
        Instant now = clock.instant();
        Duration capped = lifetime.compareTo(maxLifetime) < 0 ? lifetime : maxLifetime;
        return now.isBefore(issued.plus(capped)) && !now.isBefore(issued);
    }

    /** The longest any session is kept: a TLS 1.2 session whose server gave no lifetime lives this long. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** How many servers have sessions kept. */
    public synchronized int servers() {
        return servers.size();
    }

    /** How many TLS 1.3 tickets are kept for a server. */
    public synchronized int size(String server) {
        ServerSessions entry = servers.get(server);
        return entry == null ? 0 : entry.tickets.size();
    }
}
