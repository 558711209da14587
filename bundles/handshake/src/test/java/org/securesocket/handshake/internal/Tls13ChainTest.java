package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.securesocket.handshake.internal.Rfc8448.frame;
import static org.securesocket.handshake.internal.Rfc8448.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.KeyUpdate;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.SessionCache;
import org.securesocket.handshake.Tls13Certificate;
import org.securesocket.handshake.Tls13CertificateRequest;
import org.securesocket.handshake.Tls13NewSessionTicket;
import org.securesocket.handshake.WireReader;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.InMemoryTrustStore;

/** The TLS 1.3 chain beyond the known answers: downgrade, post-handshake messages, hostile input, the cache. */
class Tls13ChainTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final Rfc8448.Recorder records = new Rfc8448.Recorder();
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(13));

    private Context context(HandshakePolicy policy, SessionCache cache) throws TlsException {
        byte[] cert = message("simple.certificate");
        byte[] der = Tls13Certificate.read(WireReader.of(Arrays.copyOfRange(cert, 4, cert.length))).certificates()
                .get(0);
        ClientConfig config = new ClientConfig(policy.withMinRsaBits(1024), "server", null, List.of(), true,
                new InMemoryTrustStore(List.of()), Rfc8448.pinned(der), cache, null);
        return new Context(config, crypto, records, (c, l) -> { }, "chain");
    }

    /** The RFC 8448 simple flight up to a connected state. */
    private ClientState connected(Context ctx) throws TlsException {
        ExpectServerHello.offer(ctx);
        byte[] hello = message("simple.client_hello");
        ctx.clientHello = ClientHello.read(WireReader.of(Arrays.copyOfRange(hello, 4, hello.length)));
        ctx.transcript.add(hello);
        ctx.keyShares.put(NamedGroup.X25519, Rfc8448.x25519(
                "49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005",
                "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c"));
        ClientState state = new ExpectServerHello();
        for (String m : List.of("server_hello", "encrypted_extensions", "certificate", "certificate_verify",
                "server_finished")) {
            state = ctx.receive(state, frame("simple." + m));
        }
        assertTrue(state.isConnected());
        return state;
    }

    private static HandshakePolicy tls13() {
        return HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS13, ProtocolVersion.TLS13);
    }

    @Test
    void aKeyUpdateRequestIsAnsweredAndMovesBothDirections() throws TlsException {
        Context ctx = context(tls13(), null);
        ClientState state = connected(ctx);
        byte[] serverSecret = ctx.serverTrafficSecret.clone();
        byte[] clientSecret = ctx.clientTrafficSecret.clone();
        int reads = records.readKeyChanges;
        int writes = records.writeKeyChanges;
        int sent = records.sent.size();
        state = ctx.receive(state, new HandshakeFrame(new KeyUpdate(true).encode()));
        assertEquals(reads + 1, records.readKeyChanges);
        assertEquals(writes + 1, records.writeKeyChanges);
        assertArrayEquals(new KeyUpdate(false).encode(), records.sent.get(sent), "answered with update_not_requested");
        Tls13KeySchedule schedule = ctx.schedule;
        assertArrayEquals(schedule.nextTrafficSecret(serverSecret), ctx.serverTrafficSecret);
        assertArrayEquals(schedule.nextTrafficSecret(clientSecret), ctx.clientTrafficSecret);
        ctx.receive(state, new HandshakeFrame(new KeyUpdate(false).encode()));
        assertEquals(sent + 1, records.sent.size(), "update_not_requested is not answered");
        assertEquals(writes + 1, records.writeKeyChanges);
    }

    @Test
    void aPostHandshakeCertificateRequestIsRefused() throws TlsException {
        Context ctx = context(tls13(), null);
        ClientState state = connected(ctx);
        Tls13CertificateRequest request = new Tls13CertificateRequest(new byte[] {1}, List.of(ExtensionCodecs
                .signatureAlgorithms(ExtensionType.SIGNATURE_ALGORITHMS, List.of(
                        org.securesocket.crypto.SignatureScheme.ECDSA_SECP256R1_SHA256))));
        TlsException e = assertThrows(TlsException.class, () -> ctx.receive(state, new HandshakeFrame(request.encode())));
        assertEquals(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, e.code());
        assertTrue(e.getMessage().contains("post_handshake_auth"), e.getMessage());
    }

    @Test
    void aTicketLongerThanSevenDaysIsRefused() throws TlsException {
        Context ctx = context(tls13(), new SessionCache(Clock.fixed(NOW, ZoneOffset.UTC), 2));
        ClientState state = connected(ctx);
        Tls13NewSessionTicket ticket = new Tls13NewSessionTicket(604801, 1, new byte[0], new byte[] {7}, List.of());
        TlsException e = assertThrows(TlsException.class, () -> ctx.receive(state, new HandshakeFrame(ticket.encode())));
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
    }

    /** RFC 8446 section 4.1.3: TLS 1.3 offered, the server picks 1.2 with the sentinel in its random. */
    @Test
    void theDowngradeSentinelIsDetected() throws TlsException {
        Context ctx = context(HandshakePolicy.DEFAULT, null);
        ClientState state = ExpectServerHello.start(ctx);
        assertTrue(ctx.offersTls13());
        byte[] random = new byte[32];
        System.arraycopy(new byte[] {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01}, 0, random, 24, 8);
        ServerHello hello = new ServerHello(0x0303, random, ctx.clientHello.sessionId(),
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.codepoint(), 0, List.of(
                        ExtensionCodecs.empty(ExtensionType.EXTENDED_MASTER_SECRET),
                        ExtensionCodecs.renegotiationInfo(new byte[0])));
        TlsException e = assertThrows(TlsException.class, () -> ctx.receive(state, new HandshakeFrame(hello.encode())));
        assertEquals(ErrorCode.HANDSHAKE_DOWNGRADE_DETECTED, e.code());
    }

    /** Without a TLS 1.3 suite only TLS 1.2 is offered, and a 1.3 server's sentinel is then no downgrade. */
    @Test
    void theSentinelCountsOnlyWhenTls13WasOffered() throws TlsException {
        Context ctx = context(HandshakePolicy.DEFAULT.withCipherSuites(List.of(
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)), null);
        ClientState state = ExpectServerHello.start(ctx);
        assertEquals(List.of(ProtocolVersion.TLS12), ctx.offeredVersions);
        byte[] random = new byte[32];
        System.arraycopy(new byte[] {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01}, 0, random, 24, 8);
        ServerHello hello = new ServerHello(0x0303, random, new byte[0],
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.codepoint(), 0, List.of(
                        ExtensionCodecs.empty(ExtensionType.EXTENDED_MASTER_SECRET),
                        ExtensionCodecs.renegotiationInfo(new byte[0])));
        assertEquals("certificate", ctx.receive(state, new HandshakeFrame(hello.encode())).expecting());
    }

    @Test
    void ourHelloOffersTls13AndTls12WithOneShare() throws TlsException {
        Context ctx = context(HandshakePolicy.DEFAULT, null);
        ExpectServerHello.start(ctx);
        assertEquals(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12), ctx.offeredVersions);
        assertEquals(List.of(NamedGroup.X25519), List.copyOf(ctx.keyShares.keySet()), "the first preference only");
        assertEquals(32, ctx.clientHello.sessionId().length, "middlebox compatibility mode");
        List<Integer> types = ctx.clientHello.extensions().stream().map(e -> e.type()).toList();
        assertTrue(types.contains(ExtensionType.SUPPORTED_VERSIONS.codepoint()));
        assertTrue(types.contains(ExtensionType.PSK_KEY_EXCHANGE_MODES.codepoint()));
        assertTrue(!types.contains(ExtensionType.PRE_SHARED_KEY.codepoint()), "no ticket, no PSK");
    }

    @Test
    void aCachedTicketIsOfferedOnceWithPreSharedKeyLast() throws TlsException {
        SessionCache cache = new SessionCache(Clock.fixed(NOW, ZoneOffset.UTC), 2);
        cache.put("server", new SessionCache.Ticket(new byte[] {1, 2, 3}, new byte[32],
                CipherSuite.TLS_AES_128_GCM_SHA256, 5, NOW.minusSeconds(2), Duration.ofHours(1), null, List.of()));
        Context ctx = context(HandshakePolicy.DEFAULT, cache);
        ExpectServerHello.start(ctx);
        var extensions = ctx.clientHello.extensions();
        assertEquals(ExtensionType.PRE_SHARED_KEY.codepoint(), extensions.get(extensions.size() - 1).type());
        assertEquals(0, cache.size("server"), "a ticket is used once");
    }

    @Test
    void theCacheDropsExpiredTickets() {
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        SessionCache cache = new SessionCache(clock, 2);
        SessionCache.Ticket t = new SessionCache.Ticket(new byte[] {1}, new byte[32],
                CipherSuite.TLS_AES_128_GCM_SHA256, 0xffffffffL, NOW, Duration.ofSeconds(10), null, List.of());
        cache.put("a", t);
        assertEquals(999, t.obfuscatedAge(NOW.plusSeconds(1)), "age plus age_add, modulo 2^32");
        now[0] = NOW.plusSeconds(11);
        assertTrue(cache.take("a").isEmpty());
        cache.put("a", t);
        cache.put("a", t);
        cache.put("a", t);
        assertEquals(2, cache.size("a"));
    }

    /** Hostile input: seeded corruptions of the RFC 8448 server flight fail with a TlsException, nothing else. */
    @Test
    void corruptedServerMessagesFailOnlyWithTlsException() throws TlsException {
        Random random = new Random(8448);
        List<String> flight = List.of("server_hello", "encrypted_extensions", "certificate", "certificate_verify",
                "server_finished");
        int failures = 0;
        for (int i = 0; i < 300; i++) {
            Context ctx = context(tls13(), null);
            ExpectServerHello.offer(ctx);
            byte[] hello = message("simple.client_hello");
            ctx.clientHello = ClientHello.read(WireReader.of(Arrays.copyOfRange(hello, 4, hello.length)));
            ctx.transcript.add(hello);
            ctx.keyShares.put(NamedGroup.X25519, Rfc8448.x25519(
                    "49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005",
                    "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c"));
            int victim = random.nextInt(flight.size());
            ClientState state = new ExpectServerHello();
            try {
                for (int m = 0; m < flight.size(); m++) {
                    byte[] encoded = message("simple." + flight.get(m));
                    if (m == victim) {
                        encoded = ClientStateChainTest.corrupt(encoded, random);
                    }
                    state = ctx.receive(state, new HandshakeFrame(encoded));
                }
            } catch (TlsException expected) {
                failures++;
            }
        }
        assertTrue(failures > 250, "nearly every corruption is caught: " + failures);
    }
}
