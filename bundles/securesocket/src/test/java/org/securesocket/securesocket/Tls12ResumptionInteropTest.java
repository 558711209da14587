package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.SessionCache;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.testing.JsseServer;
import org.securesocket.securesocket.testing.PeerProcess;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.securesocket.testing.TestPki.KeyKind;
import org.securesocket.x509.Certificate;

/**
 * TLS 1.2 resumption against openssl s_server, gnutls-serv and the JDK: by session ID and by ticket, the
 * second connection with the same options and cache resumes; {@code cache: false} never does; a
 * session the server does not know gives a full handshake that replaces it; a server without the
 * extended master secret is never resumed (RFC 7627 section 5.3). TLS 1.0 and 1.1 openssl servers with a
 * CBC-SHA suite and encrypt_then_mac resume too, and the resumed connection keeps EtM (RFC 7366 section 3.1).
 */
class Tls12ResumptionInteropTest {
    private static final HandshakePolicy TLS12 = HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS12,
            ProtocolVersion.TLS12);
    private static final List<PeerProcess> SERVERS = new ArrayList<>();
    private static Certificate anchor;
    private static Path[] files;
    private static TestPki.Issued leaf;

    @BeforeAll
    static void pki() throws Exception {
        Path dir = TestPki.tempDir();
        TestPki.Issued ca = TestPki.selfSigned(TestPki.Spec.named("TLS 1.2 Resumption CA").ca(null));
        anchor = Certificate.read(ca.certificate().getEncoded());
        leaf = TestPki.server(KeyKind.P256, ca);
        files = leaf.write(dir, "server");
    }

    @AfterAll
    static void stop() throws Exception {
        for (PeerProcess p : SERVERS) {
            p.close();
        }
    }

    private static int openssl(String... extra) throws Exception {
        List<String> options = new ArrayList<>(List.of("-tls1_2"));
        options.addAll(List.of(extra));
        return start(opensslCommand(options));
    }

    private static List<String> opensslCommand(List<String> options) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                files[0].toString(), "-key", files[1].toString(), "-rev", "-quiet"));
        command.addAll(options);
        return command;
    }

    private static int gnutls(String priority, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("gnutls-serv", "--port={port}", "--x509certfile=" + files[0],
                "--x509keyfile=" + files[1], "--priority=" + priority, "--echo", "--quiet"));
        command.addAll(List.of(extra));
        return start(command);
    }

    private static int start(List<String> command) throws Exception {
        PeerProcess p = PeerProcess.start(command);
        SERVERS.add(p);
        return p.port();
    }

    private static SecureSocketOptions.Builder options(int port, SessionCache cache, List<String> trace) {
        return SecureSocketOptions.builder().host("127.0.0.1").port(port).serverName("localhost").policy(TLS12)
                .certificates(List.of(anchor)).sessions(cache).timeout(Duration.ofSeconds(10))
                .trace((id, line) -> trace.add(line));
    }

    private static String key(int port) {
        return "localhost @ 127.0.0.1:" + port;
    }

    private static boolean connect(SecureSocketOptions options) throws Exception {
        return connect(options, ProtocolVersion.TLS12);
    }

    /** Connects, checks the version and the data path (openssl -rev answers reversed, gnutls --echo as sent), returns resumed. */
    private static boolean connect(SecureSocketOptions options, ProtocolVersion version) throws Exception {
        try (SecureSocket socket = SecureSocket.connect(options)) {
            assertEquals(version, socket.session().version());
            assertEquals("CN=localhost", socket.peerCertificates().get(0).toString());
            socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
            String line = InteropMatrixTest.readLine(socket.getInputStream());
            assertTrue(line.equals("olleh") || line.equals("hello"), line);
            return socket.resumed();
        }
    }

    private static void firstFullThenResumed(int port, boolean byTicket) throws Exception {
        firstFullThenResumed(port, byTicket, ProtocolVersion.TLS12, TLS12);
    }

    /** Returns the session kept; the trace of the last connection is left in {@code trace}. */
    private static SessionCache.Tls12Session firstFullThenResumed(int port, boolean byTicket, ProtocolVersion version,
            HandshakePolicy policy, List<String> trace) throws Exception {
        SessionCache cache = new SessionCache(Clock.systemUTC(), 2);
        SecureSocketOptions options = options(port, cache, trace).policy(policy).build();
        assertFalse(connect(options, version), "the first connection is a full handshake");
        SessionCache.Tls12Session kept = cache.tls12(key(port)).orElseThrow(() -> new AssertionError(
                "no session kept: " + trace));
        assertEquals(byTicket, kept.ticket().length > 0, "ticket: " + trace);
        if (!byTicket) {
            assertEquals(32, kept.sessionId().length);
        }
        for (int i = 0; i < 2; i++) {
            trace.clear();
            assertTrue(connect(options, version), "resumed: " + trace);
            assertTrue(trace.stream().anyMatch(l -> l.startsWith("FINISHED: ") && l.endsWith(" resumed")),
                    trace.toString());
        }
        return cache.tls12(key(port)).orElseThrow();
    }

    private static void firstFullThenResumed(int port, boolean byTicket, ProtocolVersion version,
            HandshakePolicy policy) throws Exception {
        firstFullThenResumed(port, byTicket, version, policy, Collections.synchronizedList(new ArrayList<>()));
    }

    @Test
    void bySessionIdAgainstOpenssl() throws Exception {
        firstFullThenResumed(openssl("-no_ticket"), false);
    }

    @Test
    void byTicketAgainstOpenssl() throws Exception {
        firstFullThenResumed(openssl(), true);
    }

    /**
     * TLS 1.0 and 1.1 with TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA and encrypt_then_mac (openssl's default),
     * by session ID and by ticket: the session is kept with EtM and the abbreviated handshake uses it
     * again (RFC 7366 section 3.1 forbids a resumption that changes it).
     */
    @ParameterizedTest(name = "{0} by ticket: {1}")
    @CsvSource({"TLS10, false", "TLS10, true", "TLS11, false", "TLS11, true"})
    void aLegacyCbcSessionWithEncryptThenMacResumes(ProtocolVersion version, boolean byTicket) throws Exception {
        List<String> command = new ArrayList<>(List.of(version == ProtocolVersion.TLS10 ? "-tls1" : "-tls1_1", "-cipher",
                "DEFAULT:@SECLEVEL=0"));
        if (!byTicket) {
            command.add("-no_ticket");
        }
        int port = start(opensslCommand(command));
        HandshakePolicy policy = HandshakePolicy.DEFAULT.withVersions(version, version)
                .withCipherSuites(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA));
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        SessionCache.Tls12Session kept = firstFullThenResumed(port, byTicket, version, policy, trace);
        assertEquals(version, kept.version());
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, kept.suite());
        assertTrue(kept.encryptThenMac(), "the session was made with encrypt_then_mac");
        assertTrue(trace.stream().anyMatch(l -> l.startsWith("<- server_hello " + version + " ") && l.contains(" EtM")),
                "the resumed connection uses encrypt_then_mac: " + trace);
    }

    @Test
    void bySessionIdAgainstGnutls() throws Exception {
        firstFullThenResumed(gnutls("NORMAL:-VERS-ALL:+VERS-TLS1.2", "--noticket"), false);
    }

    @Test
    void byTicketAgainstGnutls() throws Exception {
        firstFullThenResumed(gnutls("NORMAL:-VERS-ALL:+VERS-TLS1.2"), true);
    }

    /**
     * A client that also offers TLS 1.3 resumes a TLS 1.2 server: the session ID goes in
     * legacy_session_id (RFC 8446 section 4.1.2), the ticket next to the TLS 1.3 extensions.
     */
    @Test
    void aClientOfferingTls13ResumesATls12Server() throws Exception {
        for (int port : List.of(openssl("-no_ticket"), openssl())) {
            SessionCache cache = new SessionCache(Clock.systemUTC(), 2);
            List<String> trace = Collections.synchronizedList(new ArrayList<>());
            SecureSocketOptions options = options(port, cache, trace).policy(HandshakePolicy.DEFAULT)
                    .timeout(Duration.ofSeconds(10)).build();
            assertFalse(connect(options));
            assertTrue(connect(options), "resumed: " + trace);
        }
    }

    /** A session made without validating the server is never resumed by a connection that validates. */
    @Test
    void anUnvalidatedSessionIsNotResumedByAValidatingConnection() throws Exception {
        int port = openssl();
        SessionCache cache = new SessionCache(Clock.systemUTC(), 2);
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        SecureSocketOptions unvalidated = options(port, cache, trace).verify(false).build();
        assertFalse(connect(unvalidated));
        assertTrue(connect(unvalidated), "resumed without validation, as before: " + trace);
        SecureSocketOptions validated = options(port, cache, trace).build();
        assertFalse(connect(validated), "a full handshake validates the server");
        assertTrue(connect(validated));
    }

    /** The JDK's server resumes too (by ticket or session ID, as it chooses). */
    @Test
    void againstJsse() throws Exception {
        try (JsseServer jsse = new JsseServer(leaf, null, null)) {
            List<String> trace = Collections.synchronizedList(new ArrayList<>());
            SecureSocketOptions options = options(jsse.port(), new SessionCache(Clock.systemUTC(), 2), trace).build();
            assertFalse(connect(options));
            assertTrue(connect(options), "resumed: " + trace);
        }
    }

    /** A fatal alert ends the session offered (RFC 5246 section 7.2.2): it is not offered again. */
    @Test
    void aFatalAlertForgetsTheSession() throws Exception {
        SessionCache cache = new SessionCache(Clock.systemUTC(), 2);
        cache.putTls12(key(4433), new SessionCache.Tls12Session(new byte[32], new byte[0], new byte[48],
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12, true, false,
                List.of(), "localhost", null, Instant.now(), Duration.ofHours(1)));
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        TlsConnection connection = SecureSocket.newConnection(options(4433, cache, trace).build());
        connection.start();
        assertTrue(trace.stream().anyMatch(l -> l.startsWith("offering a TLS 1.2 session")), trace.toString());
        byte[] handshakeFailure = {0x15, 3, 3, 0, 2, 2, 40};
        TlsException e = assertThrows(TlsException.class,
                () -> connection.receive(java.nio.ByteBuffer.wrap(handshakeFailure)));
        assertEquals(ErrorCode.HANDSHAKE_ALERT_RECEIVED, e.code());
        assertTrue(cache.tls12(key(4433)).isEmpty());
    }

    /** The original's {@code cache: false}: no session is offered or kept, every handshake is full. */
    @Test
    void cacheFalseNeverResumes() throws Exception {
        int port = openssl();
        SessionCache cache = new SessionCache(Clock.systemUTC(), 2);
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        SecureSocketOptions options = OptionMaps.fromMap(Map.of("host", "127.0.0.1", "port", port,
                "secure", Map.of("serverName", "localhost", "cache", false)), options(port, cache, trace));
        assertFalse(connect(options));
        assertFalse(connect(options));
        assertEquals(0, cache.servers());
    }

    /** A session the server does not know (it forgot it, or never made it): a full handshake that replaces it. */
    @Test
    void aSessionTheServerRefusesIsReplaced() throws Exception {
        for (int port : List.of(openssl("-no_ticket"), openssl())) {
            SessionCache cache = new SessionCache(Clock.systemUTC(), 2);
            byte[] unknownId = new byte[32];
            java.util.Arrays.fill(unknownId, (byte) 0x5a);
            SessionCache.Tls12Session unknown = new SessionCache.Tls12Session(unknownId, new byte[] {1, 2, 3},
                    new byte[48], CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12, true, false,
                    List.of(), "localhost", null, Instant.now(), Duration.ofHours(1));
            cache.putTls12(key(port), unknown);
            List<String> trace = Collections.synchronizedList(new ArrayList<>());
            SecureSocketOptions options = options(port, cache, trace).build();
            assertFalse(connect(options), trace.toString());
            assertTrue(trace.stream().anyMatch(l -> l.startsWith("offering a TLS 1.2 session")), trace.toString());
            SessionCache.Tls12Session replaced = cache.tls12(key(port)).orElseThrow();
            assertFalse(java.util.Arrays.equals(unknownId, replaced.sessionId()));
            assertTrue(connect(options), "the new session resumes: " + trace);
        }
    }

    /** gnutls with %NO_SESSION_HASH: a policy that allows it connects, but the session is not resumed. */
    @Test
    void withoutExtendedMasterSecretNothingIsResumed() throws Exception {
        int port = gnutls("NORMAL:-VERS-ALL:+VERS-TLS1.2:%NO_SESSION_HASH");
        SessionCache cache = new SessionCache(Clock.systemUTC(), 2);
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        SecureSocketOptions options = options(port, cache, trace)
                .policy(TLS12.withRequireExtendedMasterSecret(false)).timeout(Duration.ofSeconds(10)).build();
        assertFalse(connect(options));
        assertTrue(cache.tls12(key(port)).isEmpty(), trace.toString());
        assertFalse(connect(options));
        assertArrayEquals(new byte[0], cache.tls12(key(port)).map(SessionCache.Tls12Session::sessionId)
                .orElse(new byte[0]));
    }
}
