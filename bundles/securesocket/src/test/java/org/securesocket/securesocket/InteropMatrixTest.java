package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.KeyExchange;
import org.securesocket.securesocket.testing.JsseServer;
import org.securesocket.securesocket.testing.PeerProcess;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.securesocket.testing.TestPki.KeyKind;
import org.securesocket.x509.Certificate;

/**
 * Every TLS 1.2 ECDHE AEAD suite x server key (RSA-2048, ECDSA P-256, P-384) x group (x25519, secp256r1,
 * secp384r1) against openssl s_server, gnutls-serv and an in-process JSSE server, with path
 * validation, ALPN and data both ways. One server per peer and key serves all of its cells; the
 * client offers exactly one suite and one group per connection. The cell table is printed at the end.
 */
class InteropMatrixTest {
    private static final List<KeyKind> KEYS = List.of(KeyKind.RSA_2048, KeyKind.P256, KeyKind.P384);
    private static final List<NamedGroup> GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1,
            NamedGroup.SECP384R1);
    private static final Map<String, String> RESULTS = Collections.synchronizedMap(new TreeMap<>());

    private static TestPki.Issued ca;
    private static final List<AutoCloseable> SERVERS = new ArrayList<>();
    private static final Map<String, Integer> PORTS = new TreeMap<>();

    @BeforeAll
    static void startPeers() throws Exception {
        Path dir = TestPki.tempDir();
        ca = TestPki.selfSigned(TestPki.Spec.named("Interop Test CA").ca(null));
        for (KeyKind kind : KEYS) {
            TestPki.Issued leaf = TestPki.server(kind, ca);
            Path[] files = leaf.write(dir, kind.name());
            PeerProcess openssl = PeerProcess.start(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                    files[0].toString(), "-key", files[1].toString(), "-tls1_2", "-groups", "X25519:P-256:P-384",
                    "-alpn", "http/1.1", "-rev", "-quiet"));
            SERVERS.add(openssl);
            PORTS.put("openssl/" + kind, openssl.port());
            PeerProcess gnutls = PeerProcess.start(List.of("gnutls-serv", "--port={port}", "--x509certfile="
                    + files[0], "--x509keyfile=" + files[1], "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.2",
                    "--alpn=http/1.1", "--echo", "--quiet"));
            SERVERS.add(gnutls);
            PORTS.put("gnutls/" + kind, gnutls.port());
            JsseServer jsse = new JsseServer(leaf, new String[] {"http/1.1"}, null);
            SERVERS.add(jsse);
            PORTS.put("jsse/" + kind, jsse.port());
        }
    }

    @AfterAll
    static void stopPeersAndPrintTable() throws Exception {
        for (AutoCloseable s : SERVERS) {
            s.close();
        }
        long passed = RESULTS.values().stream().filter("pass"::equals).count();
        StringBuilder table = new StringBuilder("\nTLS 1.2 interop cells (peer | server key | suite | group | result)\n");
        RESULTS.forEach((cell, result) -> table.append(String.format("  %-100s %s%n", cell, result)));
        table.append(passed).append(" of ").append(RESULTS.size()).append(" cells passed\n");
        System.out.println(table);
    }

    @TestFactory
    Stream<DynamicTest> cells() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String peer : List.of("openssl", "gnutls", "jsse")) {
            for (KeyKind kind : KEYS) {
                KeyExchange kx = kind == KeyKind.RSA_2048 ? KeyExchange.ECDHE_RSA : KeyExchange.ECDHE_ECDSA;
                for (CipherSuite suite : CipherSuite.values()) {
                    if (suite.keyExchange() != kx || !suite.isAead()) { // CBC: LegacyInteropMatrixTest
                        continue;
                    }
                    for (NamedGroup group : GROUPS) {
                        String cell = String.format("%-7s | %-8s | %-45s | %s", peer, kind, suite.ianaName(),
                                group.name().toLowerCase(Locale.ROOT));
                        tests.add(DynamicTest.dynamicTest(cell, () -> runCell(cell, peer, kind, suite, group)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void runCell(String cell, String peer, KeyKind kind, CipherSuite suite, NamedGroup group)
            throws Exception {
        RESULTS.put(cell, "FAIL");
        // RFC 8422 section 5.1.1: in TLS 1.2 supported_groups also names the curves an ECDSA certificate may
        // use, so the certificate's curve is offered after the group under test.
        List<NamedGroup> groups = new ArrayList<>(List.of(group));
        NamedGroup certificateCurve = kind == KeyKind.P256 ? NamedGroup.SECP256R1
                : kind == KeyKind.P384 ? NamedGroup.SECP384R1 : group;
        if (certificateCurve != group) {
            groups.add(certificateCurve);
        }
        HandshakePolicy policy = HandshakePolicy.DEFAULT.withCipherSuites(List.of(suite)).withGroups(groups);
        SecureSocketOptions options = SecureSocketOptions.builder().host("127.0.0.1").port(PORTS.get(peer + "/" + kind))
                .serverName("localhost").policy(policy).alpn(List.of("h2", "http/1.1"))
                .certificates(List.of(Certificate.read(ca.certificate().getEncoded())))
                .timeout(Duration.ofSeconds(10)).build();
        try (SecureSocket socket = SecureSocket.connect(options)) {
            assertEquals("TLSv1.2", socket.protocol());
            assertEquals(suite, socket.session().cipherSuite());
            assertEquals(group, socket.session().group());
            assertEquals("http/1.1", socket.session().alpn());
            assertTrue(socket.session().extendedMasterSecret());
            assertEquals("CN=localhost", socket.peerCertificates().get(0).toString());
            String message = "ping " + suite.codepoint() + " " + group.codepoint();
            socket.getOutputStream().write((message + "\n").getBytes(StandardCharsets.US_ASCII));
            String expected = peer.equals("openssl") ? new StringBuilder(message).reverse().toString() : message;
            assertEquals(expected, readLine(socket.getInputStream()));
        }
        RESULTS.put(cell, "pass");
    }

    static String readLine(InputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).replace("\r", "");
    }
}
