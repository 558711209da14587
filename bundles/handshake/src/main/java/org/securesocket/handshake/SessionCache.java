package org.securesocket.handshake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.securesocket.x509.Certificate;

/**
 * The TLS 1.3 tickets a client keeps for resumption (RFC 8446 sections 4.6.1 and 2.2), per server.
 * Each ticket is used once (appendix C.4: reuse would let connections be linked); expired tickets
 * are dropped. Time comes from the injected clock. Thread-safe: connections share one cache.
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

    private final Clock clock;
    private final int maxTicketsPerServer;
    private final Map<String, Deque<Ticket>> tickets = new HashMap<>();

    public SessionCache(Clock clock, int maxTicketsPerServer) {
        if (maxTicketsPerServer < 1) {
            throw new IllegalArgumentException("maxTicketsPerServer must be at least 1: " + maxTicketsPerServer);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxTicketsPerServer = maxTicketsPerServer;
    }

    public Clock clock() {
        return clock;
    }

    /** Stores a ticket; the oldest of the server's is dropped beyond the limit. A zero lifetime is not stored. */
    public synchronized void put(String server, Ticket ticket) {
        if (ticket.lifetime().isZero()) {
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
            if (now.isBefore(t.issued().plus(t.lifetime())) && !now.isBefore(t.issued())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** How many tickets are kept for a server. */
    public synchronized int size(String server) {
        Deque<Ticket> queue = tickets.get(server);
        return queue == null ? 0 : queue.size();
    }
}
