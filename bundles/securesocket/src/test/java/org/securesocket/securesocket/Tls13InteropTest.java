package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.SessionCache;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.testing.PeerProcess;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.securesocket.testing.TestPki.KeyKind;
import org.securesocket.x509.Certificate;

/**
 * TLS 1.3 against openssl s_server -tls1_3 and gnutls-serv on loopback: every TLS 1.3 suite x group
 * (x25519, P-256, P-384, ffdhe2048) x server key (RSA-2048, ECDSA P-256, Ed25519), HelloRetryRequest
 * forced by the server's groups, client authentication, resumption with tickets, a KeyUpdate forced
 * by the server mid-stream, a megabyte both ways. The cell table is printed at the end.
 */
class Tls13InteropTest {
    private static final List<KeyKind> KEYS = List.of(KeyKind.RSA_2048, KeyKind.P256, KeyKind.ED25519);
    private static final List<NamedGroup> GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1,
            NamedGroup.SECP384R1, NamedGroup.FFDHE2048);
    private static final List<CipherSuite> SUITES = List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
    private static final HandshakePolicy TLS13 = HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS13,
            ProtocolVersion.TLS13);
    private static final Map<String, String> RESULTS = Collections.synchronizedMap(new TreeMap<>());
    private static final List<AutoCloseable> SERVERS = new ArrayList<>();
    private static final Map<String, Integer> PORTS = new TreeMap<>();

    private static TestPki.Issued ca;
    private static Certificate anchor;
    private static Path dir;
    private static Path[] caFiles;
    private static Path[] p256Files;

    @BeforeAll
    static void startPeers() throws Exception {
        dir = TestPki.tempDir();
        ca = TestPki.selfSigned(TestPki.Spec.named("TLS 1.3 Interop CA").ca(null));
        anchor = Certificate.read(ca.certificate().getEncoded());
        caFiles = ca.write(dir, "ca");
        for (KeyKind kind : KEYS) {
            Path[] files = TestPki.server(kind, ca).write(dir, kind.name());
            if (kind == KeyKind.P256) {
                p256Files = files;
            }
            PORTS.put("openssl/" + kind, start(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                    files[0].toString(), "-key", files[1].toString(), "-tls1_3", "-groups",
                    "X25519:P-256:P-384:ffdhe2048", "-rev", "-quiet")).port());
            PORTS.put("gnutls/" + kind, start(List.of("gnutls-serv", "--port={port}", "--x509certfile=" + files[0],
                    "--x509keyfile=" + files[1], "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.3:+GROUP-FFDHE2048",
                    "--echo", "--quiet")).port());
        }
    }

    private static PeerProcess start(List<String> command) throws Exception {
        PeerProcess p = PeerProcess.start(command);
        SERVERS.add(p);
        return p;
    }

    @AfterAll
    static void stopPeersAndPrintTable() throws Exception {
        for (AutoCloseable s : SERVERS) {
            s.close();
        }
        long passed = RESULTS.values().stream().filter(r -> r.startsWith("pass")).count();
        StringBuilder table = new StringBuilder("\nTLS 1.3 interop cells (peer | server key | suite | group | result)\n");
        RESULTS.forEach((cell, result) -> table.append(String.format("  %-80s %s%n", cell, result)));
        table.append(passed).append(" of ").append(RESULTS.size()).append(" cells passed\n");
        System.out.println(table);
    }

    @TestFactory
    Stream<DynamicTest> suitesGroupsAndKeys() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String peer : List.of("openssl", "gnutls")) {
            for (KeyKind kind : KEYS) {
                for (CipherSuite suite : SUITES) {
                    for (NamedGroup group : GROUPS) {
                        String cell = String.format("%-7s | %-8s | %-28s | %s", peer, kind, suite.ianaName(),
                                group.name().toLowerCase(Locale.ROOT));
                        tests.add(DynamicTest.dynamicTest(cell, () -> cell(cell, peer, kind, suite, group)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void cell(String cell, String peer, KeyKind kind, CipherSuite suite, NamedGroup group)
            throws Exception {
        RESULTS.put(cell, "FAIL");
        HandshakePolicy policy = TLS13.withCipherSuites(List.of(suite)).withGroups(List.of(group));
        try (SecureSocket socket = SecureSocket.connect(options(PORTS.get(peer + "/" + kind), policy).build())) {
            assertEquals("TLSv1.3", socket.protocol());
            assertEquals(suite, socket.session().cipherSuite());
            assertEquals(group, socket.session().group());
            assertEquals("CN=localhost", socket.peerCertificates().get(0).toString());
            String message = "ping " + suite.codepoint() + " " + group.codepoint();
            socket.getOutputStream().write((message + "\n").getBytes(StandardCharsets.US_ASCII));
            String expected = peer.equals("openssl") ? new StringBuilder(message).reverse().toString() : message;
            assertEquals(expected, InteropMatrixTest.readLine(socket.getInputStream()));
        }
        RESULTS.put(cell, "pass");
    }

    private static SecureSocketOptions.Builder options(int port, HandshakePolicy policy) throws Exception {
        return SecureSocketOptions.builder().host("127.0.0.1").port(port).serverName("localhost").policy(policy)
                .certificates(List.of(anchor)).timeout(Duration.ofSeconds(10));
    }

    /** The default policy shares x25519 only; a server that takes only P-384 asks again (RFC 8446 4.1.4). */
    @Test
    void helloRetryRequestForcedByTheServersGroups() throws Exception {
        int openssl = start(List.of("openssl", "s_server", "-accept", "{port}", "-cert", p256Files[0].toString(),
                "-key", p256Files[1].toString(), "-tls1_3", "-groups", "P-384", "-rev", "-quiet")).port();
        int gnutls = start(List.of("gnutls-serv", "--port={port}", "--x509certfile=" + p256Files[0],
                "--x509keyfile=" + p256Files[1], "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.3:-GROUP-ALL:+GROUP-SECP384R1",
                "--echo", "--quiet")).port();
        for (int port : List.of(openssl, gnutls)) {
            List<String> trace = Collections.synchronizedList(new ArrayList<>());
            try (SecureSocket socket = SecureSocket.connect(options(port, HandshakePolicy.DEFAULT)
                    .trace((id, line) -> trace.add(line)).build())) {
                assertEquals("TLSv1.3", socket.protocol(), "TLS 1.3 is the default");
                assertEquals(NamedGroup.SECP384R1, socket.session().group());
                assertTrue(trace.stream().anyMatch(l -> l.startsWith("<- hello_retry_request")), trace.toString());
                socket.getOutputStream().write("after retry\n".getBytes(StandardCharsets.US_ASCII));
                assertFalse(InteropMatrixTest.readLine(socket.getInputStream()).isEmpty());
            }
        }
    }

    /** openssl -Verify: our certificate and CertificateVerify are accepted; without one the server refuses. */
    @Test
    void clientAuthentication() throws Exception {
        int port = start(List.of("openssl", "s_server", "-accept", "{port}", "-cert", p256Files[0].toString(), "-key",
                p256Files[1].toString(), "-tls1_3", "-Verify", "1", "-CAfile", caFiles[0].toString(), "-rev",
                "-quiet")).port();
        TestPki.Issued client = TestPki.issue(TestPki.Spec.named("interop client").kind(KeyKind.P256)
                .eku(KeyPurposeId.id_kp_clientAuth), ca);
        ClientCredentials credentials = new ClientCredentials(List.of(client.certificate().getEncoded()),
                client.key().getEncoded(), List.of(SignatureScheme.ECDSA_SECP256R1_SHA256));
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (Tls13Peer peer = new Tls13Peer(port, TLS13, anchor, null, credentials, trace)) {
            peer.writeLine("authenticated");
            assertEquals("detacitnehtua", peer.readLine());
            assertTrue(trace.stream().anyMatch(l -> l.contains("certificate_verify ECDSA_SECP256R1_SHA256")), trace
                    .toString());
        }
        try (Tls13Peer peer = new Tls13Peer(port, TLS13, anchor, null, null, trace)) {
            TlsException e = assertThrows(TlsException.class, () -> {
                peer.writeLine("anonymous");
                peer.readLine();
            });
            assertEquals(org.securesocket.common.ErrorCode.HANDSHAKE_ALERT_RECEIVED, e.code(), e.toString());
        }
    }

    /** Tickets from the first connection resume the second (psk_dhe_ke), against both servers. */
    @Test
    void resumption() throws Exception {
        int openssl = start(List.of("openssl", "s_server", "-accept", "{port}", "-cert", p256Files[0].toString(),
                "-key", p256Files[1].toString(), "-tls1_3", "-num_tickets", "2", "-rev", "-quiet")).port();
        int gnutls = PORTS.get("gnutls/" + KeyKind.P256);
        for (int port : List.of(openssl, gnutls)) {
            SessionCache cache = new SessionCache(Clock.systemUTC(), 4);
            List<String> trace = Collections.synchronizedList(new ArrayList<>());
            try (Tls13Peer first = new Tls13Peer(port, TLS13, anchor, cache, null, trace)) {
                assertFalse(first.connection().session().orElseThrow().resumed());
                first.writeLine("first");
                first.readLine(); // the tickets come before the answer
            }
            assertTrue(cache.size("localhost") >= 1, "a ticket was kept: " + trace);
            try (Tls13Peer second = new Tls13Peer(port, TLS13, anchor, cache, null, trace)) {
                assertTrue(second.connection().session().orElseThrow().resumed(), "resumed: " + trace);
                assertEquals(1, second.connection().session().orElseThrow().peerCertificates().size());
                second.writeLine("second");
                assertFalse(second.readLine().isEmpty());
            }
        }
    }

    /** The same through the socket API: options sharing a SessionCache resume, the client certificate is sent. */
    @Test
    void resumptionAndClientAuthenticationThroughTheSocketOptions() throws Exception {
        int port = start(List.of("openssl", "s_server", "-accept", "{port}", "-cert", p256Files[0].toString(), "-key",
                p256Files[1].toString(), "-tls1_3", "-Verify", "1", "-CAfile", caFiles[0].toString(), "-rev",
                "-quiet")).port();
        TestPki.Issued client = TestPki.issue(TestPki.Spec.named("socket client").kind(KeyKind.RSA_2048)
                .eku(KeyPurposeId.id_kp_clientAuth), ca);
        SecureSocketOptions options = options(port, HandshakePolicy.DEFAULT)
                .sessions(new SessionCache(Clock.systemUTC(), 4))
                .clientCredentials(new ClientCredentials(List.of(client.certificate().getEncoded()),
                        client.key().getEncoded(), List.of(SignatureScheme.RSA_PSS_RSAE_SHA256))).build();
        for (boolean resumed : List.of(false, true)) {
            try (SecureSocket socket = SecureSocket.connect(options)) {
                assertEquals(resumed, socket.session().resumed());
                socket.getOutputStream().write("abc\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("cba", InteropMatrixTest.readLine(socket.getInputStream()));
            }
        }
    }

    /** openssl s_server's "K" command: a KeyUpdate with update_requested mid-stream; we answer and go on. */
    @Test
    void keyUpdateForcedByTheServer() throws Exception {
        PeerProcess server = start(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                p256Files[0].toString(), "-key", p256Files[1].toString(), "-tls1_3"));
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (Tls13Peer peer = new Tls13Peer(server.port(), TLS13, anchor, null, null, trace)) {
            peer.writeLine("before");
            awaitOutput(server, "before");
            server.type("K");
            Thread.sleep(200); // s_server reads a command only when it is the whole of one read from stdin
            server.type("from the server");
            try {
                assertEquals("from the server", peer.readLine());
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no data after the KeyUpdate; trace " + trace + "; server " + server.output(), e);
            }
            assertTrue(trace.contains("<- key_update (update_requested): new read keys"), trace.toString());
            assertTrue(trace.contains("-> key_update: new write keys"), trace.toString());
            peer.writeLine("after the update");
            awaitOutput(server, "after the update");
        }
    }

    private static void awaitOutput(PeerProcess server, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.output().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(server.output().contains(text), "the server received '" + text + "': " + server.output());
    }

    /**
     * A megabyte each way: 1024 lines of 1 KiB, 64 lines a round, through openssl s_server -rev (answered
     * reversed) and gnutls-serv --echo (answered as sent; its echo is not binary-safe, hence text).
     */
    @Test
    void largeTransfersBothWays() throws Exception {
        for (String peerName : List.of("openssl", "gnutls")) {
            Random random = new Random(8446);
            try (Tls13Peer peer = new Tls13Peer(PORTS.get(peerName + "/" + KeyKind.RSA_2048), TLS13, anchor, null,
                    null, new ArrayList<>())) {
                for (int round = 0; round < 16; round++) {
                    List<String> lines = new ArrayList<>();
                    StringBuilder chunk = new StringBuilder();
                    for (int i = 0; i < 64; i++) {
                        char[] line = new char[1023];
                        for (int j = 0; j < line.length; j++) {
                            line[j] = (char) ('a' + random.nextInt(26));
                        }
                        lines.add(new String(line));
                        chunk.append(line).append('\n');
                    }
                    peer.write(chunk.toString().getBytes(StandardCharsets.US_ASCII)); // 64 KiB in one call: 4 records
                    for (String line : lines) {
                        String expected = peerName.equals("openssl") ? new StringBuilder(line).reverse().toString()
                                : line;
                        assertEquals(expected, peer.readLine(), peerName);
                    }
                }
            }
        }
    }
}
