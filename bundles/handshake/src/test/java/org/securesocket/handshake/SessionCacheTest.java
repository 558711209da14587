package org.securesocket.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static SessionCache.Ticket ticket(int id, Duration lifetime) {
        return new SessionCache.Ticket(new byte[] {(byte) id}, new byte[32], CipherSuite.TLS_AES_128_GCM_SHA256, 7,
                NOW, lifetime, null, List.of());
    }

    private static Clock at(Duration later) {
        return Clock.fixed(NOW.plus(later), ZoneOffset.UTC);
    }

    @Test
    void theLeastRecentlyUsedServerIsForgottenBeyondTheBound() {
        SessionCache cache = new SessionCache(at(Duration.ZERO), 2, 3, Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            cache.put("server" + i, ticket(i, Duration.ofHours(1)));
        }
        assertEquals(3, cache.servers());
        assertTrue(cache.take("server0").isEmpty());
        assertEquals(9, cache.take("server9").orElseThrow().identity()[0]);
    }

    @Test
    void theConfiguredLifetimeCapsTheServersLifetime() {
        SessionCache.Ticket longLived = ticket(1, Duration.ofDays(7));
        SessionCache early = new SessionCache(at(Duration.ofMinutes(59)), 2, 10, Duration.ofHours(1));
        early.put("s", longLived);
        assertTrue(early.take("s").isPresent());
        SessionCache late = new SessionCache(at(Duration.ofMinutes(61)), 2, 10, Duration.ofHours(1));
        late.put("s", longLived);
        assertTrue(late.take("s").isEmpty());
    }

    @Test
    void aZeroLifetimeKeepsNothingAndBoundsMustBePositive() {
        SessionCache off = new SessionCache(at(Duration.ZERO), 2, 10, Duration.ZERO);
        off.put("s", ticket(1, Duration.ofHours(1)));
        assertEquals(0, off.size("s"));
        assertThrows(IllegalArgumentException.class, () -> new SessionCache(Clock.systemUTC(), 2, 0, Duration.ZERO));
    }

    private static SessionCache.Tls12Session tls12(int id, Duration lifetime) {
        return new SessionCache.Tls12Session(new byte[] {(byte) id}, new byte[0], new byte[48],
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, org.securesocket.record.ProtocolVersion.TLS12,
                true, false, List.of(), null, null, NOW, lifetime);
    }

    @Test
    void aTls12SessionIsKeptUntilItExpiresAndServesSeveralConnections() {
        SessionCache early = new SessionCache(at(Duration.ofMinutes(59)), 2, 10, Duration.ofHours(1));
        early.putTls12("s", tls12(1, Duration.ofDays(1)));
        assertTrue(early.tls12("s").isPresent());
        assertTrue(early.tls12("s").isPresent(), "not single use");
        SessionCache late = new SessionCache(at(Duration.ofMinutes(61)), 2, 10, Duration.ofHours(1));
        late.putTls12("s", tls12(1, Duration.ofDays(1)));
        assertTrue(late.tls12("s").isEmpty(), "the cache's lifetime caps the session's");
        late.putTls12("t", tls12(1, Duration.ofMinutes(30)));
        assertTrue(late.tls12("t").isEmpty(), "the server's lifetime is kept too");
    }

    @Test
    void onlyTheSameTls12SessionIsRemovedAndServersShareOneBound() {
        SessionCache cache = new SessionCache(at(Duration.ZERO), 2, 2, Duration.ofHours(1));
        SessionCache.Tls12Session old = tls12(1, Duration.ofHours(1));
        cache.putTls12("s", old);
        SessionCache.Tls12Session replaced = tls12(2, Duration.ofHours(1));
        cache.putTls12("s", replaced);
        cache.removeTls12("s", old);
        assertEquals(2, cache.tls12("s").orElseThrow().sessionId()[0], "a newer session survives the old one's end");
        cache.removeTls12("s", replaced);
        assertTrue(cache.tls12("s").isEmpty());
        cache.put("a", ticket(1, Duration.ofHours(1)));
        cache.putTls12("b", tls12(3, Duration.ofHours(1)));
        cache.putTls12("c", tls12(4, Duration.ofHours(1)));
        assertEquals(2, cache.servers());
        assertEquals(0, cache.size("a"), "TLS 1.2 sessions and TLS 1.3 tickets share the bound on servers");
    }
}
