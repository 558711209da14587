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
import org.securesocket.x509.Certificate;

/**
 * The TLS 1.3 tickets a client keeps for resumption (RFC 8446 sections 4.6.1 and 2.2), per server.
 * Each ticket is used once (appendix C.4: reuse would let connections be linked); expired tickets
 * are dropped. Memory is bounded: at most {@code maxServers} servers (the least recently used is
 * forgotten) with {@code maxTicketsPerServer} tickets each. A ticket is kept no longer than its own
 * lifetime nor {@code maxLifetime}. Time comes from the injected clock. Thread-safe: connections share one cache.
 */
public final class SessionCache {
    /** One ticket and what resuming with it needs. */
    public record Ticket(byte[] identity, byte[] psk, CipherSuite suite, long ageAdd, Instant issued, Duration lifetime,
            String alpn, List<Certificate> peerCertificates) {
        public Ticket {
            identity = identity.clone();
            psk = psk.clone();
            peerCertificates = List.copyOf(peerCertificates);
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

    /** The servers remembered by {@link #SessionCache(Clock, int)}. */
    public static final int DEFAULT_MAX_SERVERS = 100;
    /** RFC 8446 section 4.6.1: a ticket lifetime is at most seven days. */
    public static final Duration MAX_TICKET_LIFETIME = Duration.ofDays(7);

    private final Clock clock;
    private final int maxTicketsPerServer;
    private final Duration maxLifetime;
    private final Map<String, Deque<Ticket>> tickets;

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
        this.tickets = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Ticket>> eldest) {
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
        Deque<Ticket> queue = tickets.computeIfAbsent(server, k -> new ArrayDeque<>());
        queue.addLast(ticket);
        while (queue.size() > maxTicketsPerServer) {
            queue.removeFirst();
        }
    }

    /** Takes the newest unexpired ticket for a server (it is removed: single use). */
    public synchronized Optional<Ticket> take(String server) {
        Deque<Ticket> queue = tickets.get(server);
        Instant now = clock.instant();
        while (queue != null && !queue.isEmpty()) {
            Ticket t = queue.removeLast();
            Duration lifetime = t.lifetime().compareTo(maxLifetime) < 0 ? t.lifetime() : maxLifetime;
            if (now.isBefore(t.issued().plus(lifetime)) && !now.isBefore(t.issued())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** How many servers have tickets kept. */
    public synchronized int servers() {
        return tickets.size();
    }

    /** How many tickets are kept for a server. */
    public synchronized int size(String server) {
        Deque<Ticket> queue = tickets.get(server);
        return queue == null ? 0 : queue.size();
    }
}
