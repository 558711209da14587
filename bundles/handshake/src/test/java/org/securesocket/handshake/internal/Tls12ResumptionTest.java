package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.NewSessionTicket;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.SessionCache;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.handshake.WireReader;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.ProtocolVersion;

/** TLS 1.2 resumption (RFC 5246 section 7.3, RFC 5077, RFC 7627 section 5.3) against the scripted server. */
class Tls12ResumptionTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final HandshakePolicy TLS12 = HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS12,
            ProtocolVersion.TLS12);
    private static final String KEY = "localhost @ localhost:443 (not validated)";
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(2));
    private final SessionCache cache = new SessionCache(Clock.fixed(NOW, ZoneOffset.UTC), 2, 10, Duration.ofHours(1));

    /** A scripted server that may give a session ID and promise and send a ticket. */
    private static final class Server extends ScriptedServer {
        byte[] sessionId = new byte[0];
        boolean promiseTicket;
        Server(JcaTlsCrypto crypto) throws Exception {
            super(crypto);
        }

        @Override
        public List<Extension> serverHelloExtensions() {
            List<Extension> e = new ArrayList<>(super.serverHelloExtensions());
            if (promiseTicket) {
                e.add(new Extension(ExtensionType.SESSION_TICKET, new byte[0]));
            }
            return e;
        }

        @Override
        public ServerHello serverHello() {
            return new ServerHello(0x0303, serverRandom, sessionId, suite.codepoint(), 0, serverHelloExtensions());
        }

        ClientHello clientHello() throws TlsException {
            return ClientHello.read(WireReader.of(new HandshakeFrame(fromClient.get(0)).body()));
        }
    }

    private ClientHandshake start(Server server, HandshakePolicy policy, SessionCache sessions) throws TlsException {
        ClientConfig config = new ClientConfig(policy, "localhost", null, List.of(), false, null, null, sessions, null,
                "localhost:443");
        ClientHandshake client = new ClientHandshake(config, crypto, server, TraceSink.NONE, "test");
        client.start();
        server.receiveClientHello();
        return client;
    }

    /** A full handshake, with a NewSessionTicket before the server's ChangeCipherSpec when given. */
    private ClientHandshake full(Server server, HandshakePolicy policy, NewSessionTicket ticket) throws Exception {
        ClientHandshake client = start(server, policy, cache);
        for (HandshakeMessage m : server.firstFlight()) {
            client.handle(server.frame(m));
        }
        Finished serverFinished = server.answerClientFinished();
        if (ticket != null) {
            client.handle(server.frame(ticket));
            serverFinished = new Finished(server.keys.verifyData("server finished", server.transcript.currentDigest()));
        }
        client.changeCipherSpec();
        client.handle(server.frame(serverFinished));
        assertTrue(client.isComplete());
        return client;
    }

    /**
     * The abbreviated handshake (RFC 5246 figure 2) for the session of {@code earlier}: ServerHello
     * echoing the session ID, [NewSessionTicket], ChangeCipherSpec, Finished; checks the client's Finished.
     */
    private void abbreviated(ClientHandshake client, Server server, Tls12KeySchedule earlier, NewSessionTicket ticket)
            throws Exception {
        server.sessionId = server.clientHello().sessionId();
        client.handle(server.frame(server.serverHello()));
        if (ticket != null) {
            client.handle(server.frame(ticket));
        }
        Tls12KeySchedule keys = Tls12KeySchedule.resume(crypto, ProtocolVersion.TLS12, server.suite,
                earlier.masterSecret());
        client.changeCipherSpec();
        client.handle(server.frame(new Finished(keys.verifyData("server finished",
                server.transcript.currentDigest()))));
        assertTrue(client.isComplete());
        byte[] clientFinished = server.fromClient.get(server.fromClient.size() - 1);
        assertTrue(keys.checkVerifyData("client finished", server.transcript.currentDigest(),
                Finished.read(WireReader.of(new HandshakeFrame(clientFinished).body())).verifyData()));
        assertEquals(1, server.changeCipherSpecsFromClient);
        assertEquals(2, server.fromClient.size(), "ClientHello and Finished");
    }

    private static Optional<byte[]> ticketExtension(ClientHello hello) {
        return Extension.find(hello.extensions(), ExtensionType.SESSION_TICKET).map(Extension::data);
    }

    private static byte[] id(int b) {
        byte[] id = new byte[32];
        Arrays.fill(id, (byte) b);
        return id;
    }

    @Test
    void aSessionIdResumesTheNextConnection() throws Exception {
        Server first = new Server(crypto);
        first.sessionId = id(7);
        ClientHandshake one = full(first, TLS12, null);
        assertArrayEquals(new byte[0], ticketExtension(first.clientHello()).orElseThrow(), "an empty ticket asks for one");
        assertFalse(one.session().orElseThrow().resumed());
        SessionCache.Tls12Session kept = cache.tls12(KEY).orElseThrow();
        assertArrayEquals(id(7), kept.sessionId());
        assertEquals(Duration.ofHours(1), kept.lifetime());

        Server second = new Server(crypto);
        ClientHandshake two = start(second, TLS12, cache);
        assertArrayEquals(id(7), second.clientHello().sessionId());
        abbreviated(two, second, first.keys, null);
        SessionParameters session = two.session().orElseThrow();
        assertTrue(session.resumed());
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, session.cipherSuite());
        assertEquals(one.session().orElseThrow().peerCertificates(), session.peerCertificates());
        assertTrue(cache.tls12(KEY).isPresent(), "a session ID may resume several connections");
    }

    @Test
    void aTicketResumesTheNextConnectionAndItsRenewalIsKept() throws Exception {
        Server first = new Server(crypto);
        first.promiseTicket = true;
        full(first, TLS12, new NewSessionTicket(300, new byte[] {1, 2, 3}));
        SessionCache.Tls12Session kept = cache.tls12(KEY).orElseThrow();
        assertArrayEquals(new byte[] {1, 2, 3}, kept.ticket());
        assertEquals(0, kept.sessionId().length);
        assertEquals(Duration.ofSeconds(300), kept.lifetime());

        Server second = new Server(crypto);
        second.promiseTicket = true;
        ClientHandshake two = start(second, TLS12, cache);
        ClientHello hello = second.clientHello();
        assertArrayEquals(new byte[] {1, 2, 3}, ticketExtension(hello).orElseThrow());
        assertEquals(32, hello.sessionId().length, "RFC 5077 section 3.4: a session ID to see the ticket accepted");
        abbreviated(two, second, first.keys, new NewSessionTicket(600, new byte[] {4, 5}));
        assertTrue(two.session().orElseThrow().resumed());
        assertArrayEquals(new byte[] {4, 5}, cache.tls12(KEY).orElseThrow().ticket());
        assertEquals(Duration.ofSeconds(600), cache.tls12(KEY).orElseThrow().lifetime());
    }

    @Test
    void aRefusedSessionIsReplacedByTheNewFullHandshake() throws Exception {
        Server first = new Server(crypto);
        first.sessionId = id(7);
        full(first, TLS12, null);
        Server second = new Server(crypto);
        second.sessionId = id(9); // a new session: the server does not resume
        ClientHandshake two = full(second, TLS12, null);
        assertArrayEquals(id(7), second.clientHello().sessionId());
        assertFalse(two.session().orElseThrow().resumed());
        assertArrayEquals(id(9), cache.tls12(KEY).orElseThrow().sessionId());
    }

    @Test
    void withoutExtendedMasterSecretNothingIsKeptNorResumed() throws Exception {
        Server first = new Server(crypto);
        first.sessionId = id(7);
        first.extendedMasterSecret = false;
        ClientHandshake one = full(first, TLS12.withRequireExtendedMasterSecret(false), null);
        assertFalse(one.session().orElseThrow().extendedMasterSecret());
        assertTrue(cache.tls12(KEY).isEmpty(), "RFC 7627 section 5.3: a session without EMS is not resumed");
        cache.putTls12(KEY, session(false, id(7)));
        assertTrue(cache.tls12(KEY).isEmpty());
    }

    private SessionCache.Tls12Session session(boolean ems, byte[] sessionId) {
        return session(ems, false, sessionId);
    }

    private SessionCache.Tls12Session session(boolean ems, boolean encryptThenMac, byte[] sessionId) {
        return new SessionCache.Tls12Session(sessionId, new byte[0], new byte[48],
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12, ems, encryptThenMac,
                List.of(), null, null, NOW, Duration.ofHours(1));
    }

    @Test
    void resumingWithoutTheSessionsEncryptThenMacIsHandshakeFailure() throws Exception {
        cache.putTls12(KEY, session(true, true, id(7)));
        Server server = new Server(crypto);
        ClientHandshake client = start(server, TLS12, cache);
        server.sessionId = server.clientHello().sessionId();
        TlsException e = assertThrows(TlsException.class, () -> client.handle(server.frame(server.serverHello())));
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
        assertEquals(Alert.HANDSHAKE_FAILURE, e.alert().orElseThrow());
        assertTrue(e.getMessage().contains("RFC 7366"), e.getMessage());
    }

    @Test
    void anAbbreviatedServerHelloWithoutExtendedMasterSecretIsHandshakeFailure() throws Exception {
        cache.putTls12(KEY, session(true, id(7)));
        Server server = new Server(crypto);
        server.extendedMasterSecret = false;
        ClientHandshake client = start(server, TLS12.withRequireExtendedMasterSecret(false), cache);
        server.sessionId = server.clientHello().sessionId();
        TlsException e = assertThrows(TlsException.class, () -> client.handle(server.frame(server.serverHello())));
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
        assertEquals(Alert.HANDSHAKE_FAILURE, e.alert().orElseThrow());
        client.forgetSession();
        assertTrue(cache.tls12(KEY).isEmpty(), "a fatal alert ends the session (RFC 5246 section 7.2.2)");
    }

    @Test
    void resumingWithAnotherSuiteIsIllegalParameter() throws Exception {
        cache.putTls12(KEY, session(true, id(7)));
        Server server = new Server(crypto);
        server.suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;
        ClientHandshake client = start(server, TLS12, cache);
        server.sessionId = server.clientHello().sessionId();
        TlsException e = assertThrows(TlsException.class, () -> client.handle(server.frame(server.serverHello())));
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
    }

    @Test
    void aBadFinishedInTheAbbreviatedHandshakeFailsAndForgetsTheSession() throws Exception {
        cache.putTls12(KEY, session(true, id(7)));
        Server server = new Server(crypto);
        ClientHandshake client = start(server, TLS12, cache);
        server.sessionId = id(7);
        client.handle(server.frame(server.serverHello()));
        assertEquals("change_cipher_spec", client.expecting());
        client.changeCipherSpec();
        TlsException e = assertThrows(TlsException.class,
                () -> client.handle(server.frame(new Finished(new byte[12]))));
        assertEquals(ErrorCode.HANDSHAKE_BAD_FINISHED, e.code());
        client.forgetSession();
        assertTrue(cache.tls12(KEY).isEmpty());
    }

    @Test
    void aPromisedTicketMustComeBeforeTheChangeCipherSpec() throws Exception {
        Server server = new Server(crypto);
        server.promiseTicket = true;
        ClientHandshake client = start(server, TLS12, cache);
        for (HandshakeMessage m : server.firstFlight()) {
            client.handle(server.frame(m));
        }
        assertEquals("new_session_ticket", client.expecting());
        TlsException e = assertThrows(TlsException.class, client::changeCipherSpec);
        assertEquals(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, e.code());
    }

    @Test
    void anUnpromisedTicketIsUnexpected() throws Exception {
        Server server = new Server(crypto);
        ClientHandshake client = start(server, TLS12, cache);
        for (HandshakeMessage m : server.firstFlight()) {
            client.handle(server.frame(m));
        }
        TlsException e = assertThrows(TlsException.class,
                () -> client.handle(server.frame(new NewSessionTicket(1, new byte[] {1}))));
        assertEquals(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, e.code());
    }

    @Test
    void withoutACacheNothingIsOfferedOrKept() throws Exception {
        cache.putTls12(KEY, session(true, id(7)));
        Server server = new Server(crypto);
        start(server, TLS12, null);
        ClientHello hello = server.clientHello();
        assertEquals(0, hello.sessionId().length);
        assertTrue(ticketExtension(hello).isEmpty());
    }

    @Test
    void aSessionIsOfferedOnlyToTheSameAddressAndOnlyWithItsSuiteOnOffer() throws Exception {
        cache.putTls12(KEY, session(true, id(7)));
        Server elsewhere = new Server(crypto);
        ClientConfig config = new ClientConfig(TLS12, "localhost", null, List.of(), false, null, null, cache, null,
                "localhost:8443");
        new ClientHandshake(config, crypto, elsewhere, TraceSink.NONE, "test").start();
        elsewhere.receiveClientHello();
        assertEquals(0, elsewhere.clientHello().sessionId().length);

        Server otherSuite = new Server(crypto);
        start(otherSuite, TLS12.withCipherSuites(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)), cache);
        assertEquals(0, otherSuite.clientHello().sessionId().length);
        assertNotNull(cache.tls12(KEY).orElse(null), "still kept for a connection that can use it");
    }

    /** A corrupted resuming ServerHello or NewSessionTicket fails only with a TlsException (or, harmlessly, completes). */
    @Test
    void corruptedAbbreviatedHandshakesFailOnlyWithTlsException() throws Exception {
        java.util.Random random = new java.util.Random(20261126);
        for (int i = 0; i < 200; i++) {
            SessionCache sessions = new SessionCache(Clock.fixed(NOW, ZoneOffset.UTC), 2, 10, Duration.ofHours(1));
            sessions.putTls12(KEY, session(true, id(7)));
            Server server = new Server(crypto);
            server.promiseTicket = true;
            ClientHandshake client = start(server, TLS12, sessions);
            server.sessionId = id(7);
            List<HandshakeMessage> flight = List.of(server.serverHello(), new NewSessionTicket(60, new byte[] {9, 9}));
            int victim = random.nextInt(flight.size());
            try {
                for (int m = 0; m < flight.size(); m++) {
                    byte[] encoded = flight.get(m).encode();
                    if (m == victim) {
                        encoded = ClientStateChainTest.corrupt(encoded, random);
                    }
                    server.transcript.update(encoded);
                    client.handle(new HandshakeFrame(encoded));
                }
                client.changeCipherSpec();
                Tls12KeySchedule keys = Tls12KeySchedule.resume(crypto, ProtocolVersion.TLS12, server.suite,
                        new byte[48]);
                client.handle(server.frame(new Finished(keys.verifyData("server finished",
                        server.transcript.currentDigest()))));
            } catch (TlsException expected) {
                continue;
            }
        }
    }
}
