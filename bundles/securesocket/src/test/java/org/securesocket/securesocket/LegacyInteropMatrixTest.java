package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.securesocket.common.Alert;
import org.securesocket.common.AlertSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.KeyExchange;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.testing.PeerProcess;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.securesocket.testing.TestPki.KeyKind;
import org.securesocket.x509.Certificate;

/**
 * The legacy part of issue #9 against openssl s_server and gnutls-serv: every CBC, DHE_RSA and
 * static-RSA suite x every version it supports (TLS 1.0, 1.1, 1.2) x encrypt_then_mac offered by a
 * server that supports it or not, with RSA-2048 and ECDSA P-256 server certificates and 2048-bit DHE
 * parameters (ffdhe2048). One server per peer, key and EtM setting serves all of its cells (each
 * server allows TLS 1.0 to 1.2; the client offers exactly one version and one suite). A cell checks the
 * negotiated version and suite, the extended master secret, whether EtM was used (RFC 7366: only with
 * a CBC suite and only when the server agrees) and data both ways. Last, a legacy version is refused
 * by default: a TLS 1.0-only server either finds nothing to agree on or is refused by us with
 * {@code handshake.protocol_version}. The cell table is printed at the end.
 */
class LegacyInteropMatrixTest {
    private static final List<KeyKind> KEYS = List.of(KeyKind.RSA_2048, KeyKind.P256);
    private static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11,
            ProtocolVersion.TLS12);
    private static final String GNUTLS_PRIORITY = "NORMAL:-VERS-ALL:+VERS-TLS1.2:+VERS-TLS1.1:+VERS-TLS1.0"
            + ":+SHA256:+SHA384:+DHE-RSA:+RSA:+AES-256-CBC:+AES-128-CBC";
    private static final Map<String, String> RESULTS = Collections.synchronizedMap(new TreeMap<>());
    private static final List<AutoCloseable> SERVERS = new ArrayList<>();
    private static final Map<String, Integer> PORTS = new TreeMap<>();
    private static TestPki.Issued ca;

    @BeforeAll
    static void startPeers() throws Exception {
        Path dir = TestPki.tempDir();
        Path dh = dir.resolve("ffdhe2048.pem");
        Process gen = new ProcessBuilder("openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt",
                "group:ffdhe2048", "-out", dh.toString()).redirectErrorStream(true).start();
        assertEquals(0, gen.waitFor(), () -> "openssl genpkey failed");
        ca = TestPki.selfSigned(TestPki.Spec.named("Legacy Interop CA").ca(null));
        for (KeyKind kind : KEYS) {
            Path[] files = TestPki.server(kind, ca).write(dir, kind.name());
            for (boolean etm : List.of(true, false)) {
                List<String> openssl = new ArrayList<>(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                        files[0].toString(), "-key", files[1].toString(), "-min_protocol", "TLSv1", "-max_protocol",
                        "TLSv1.2", "-cipher", "ALL:@SECLEVEL=0", "-dhparam", dh.toString(), "-rev", "-quiet"));
                if (!etm) {
                    openssl.add("-no_etm");
                }
                start("openssl/" + kind + "/" + etm, openssl);
                start("gnutls/" + kind + "/" + etm, List.of("gnutls-serv", "--port={port}", "--x509certfile="
                        + files[0], "--x509keyfile=" + files[1], "--dhparams=" + dh, "--priority=" + GNUTLS_PRIORITY
                        + (etm ? "" : ":%NO_ETM"), "--echo", "--quiet"));
            }
            if (kind == KeyKind.RSA_2048) {
                start("openssl/tls1-only", List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                        files[0].toString(), "-key", files[1].toString(), "-tls1", "-cipher", "ALL:@SECLEVEL=0",
                        "-rev", "-quiet"));
                start("gnutls/tls1-only", List.of("gnutls-serv", "--port={port}", "--x509certfile=" + files[0],
                        "--x509keyfile=" + files[1], "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.0", "--echo", "--quiet"));
            }
        }
    }

    private static void start(String key, List<String> command) throws Exception {
        PeerProcess p = PeerProcess.start(command);
        SERVERS.add(p);
        PORTS.put(key, p.port());
    }

    @AfterAll
    static void stopPeersAndPrintTable() throws Exception {
        for (AutoCloseable s : SERVERS) {
            s.close();
        }
        long passed = RESULTS.values().stream().filter(r -> r.startsWith("pass")).count();
        StringBuilder table = new StringBuilder("\nLegacy interop cells (peer | server key | suite | version | server"
                + " EtM | result)\n");
        RESULTS.forEach((cell, result) -> table.append(String.format("  %-90s %s%n", cell, result)));
        table.append(passed).append(" of ").append(RESULTS.size()).append(" cells passed\n");
        System.out.println(table);
    }

    /** The suites of this part: every TLS 1.2-and-below row that is CBC, DHE_RSA or static RSA. */
    static List<CipherSuite> legacySuites() {
        return java.util.Arrays.stream(CipherSuite.values()).filter(s -> s.keyExchange() != KeyExchange.TLS13_ANY
                && (!s.isAead() || s.keyExchange() == KeyExchange.DHE_RSA || s.keyExchange() == KeyExchange.RSA))
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> cells() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String peer : List.of("openssl", "gnutls")) {
            for (KeyKind kind : KEYS) {
                for (CipherSuite suite : legacySuites()) {
                    if ((kind == KeyKind.RSA_2048) != (suite.keyExchange().certificateKey()
                            == org.securesocket.crypto.SignatureScheme.KeyType.RSA)) {
                        continue;
                    }
                    for (ProtocolVersion version : VERSIONS) {
                        if (!suite.supports(version)) {
                            continue;
                        }
                        for (boolean etm : List.of(true, false)) {
                            String cell = String.format("%-7s | %-8s | %-40s | %s | EtM %-5s", peer, kind,
                                    suite.ianaName(), version, etm);
                            tests.add(DynamicTest.dynamicTest(cell,
                                    () -> runCell(cell, peer + "/" + kind + "/" + etm, suite, version, etm)));
                        }
                    }
                }
            }
        }
        for (String peer : List.of("openssl", "gnutls")) {
            String cell = String.format("%-7s | %-8s | default policy vs a TLS 1.0-only server", peer, "RSA_2048");
            tests.add(DynamicTest.dynamicTest(cell, () -> refusedByDefault(cell, peer)));
        }
        return tests.stream();
    }

    private static SecureSocketOptions options(String server, HandshakePolicy policy, List<String> trace) {
        return SecureSocketOptions.builder().host("127.0.0.1").port(PORTS.get(server)).serverName("localhost")
                .policy(policy).certificates(List.of(readCertificate())).timeout(Duration.ofSeconds(10))
                .trace((connection, line) -> trace.add(line)).build();
    }

    private static Certificate readCertificate() {
        try {
            return Certificate.read(ca.certificate().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void runCell(String cell, String server, CipherSuite suite, ProtocolVersion version,
            boolean serverEtm) throws Exception {
        RESULTS.put(cell, "FAIL");
        HandshakePolicy policy = HandshakePolicy.DEFAULT.withVersions(version, version)
                .withCipherSuites(List.of(suite));
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (SecureSocket socket = SecureSocket.connect(options(server, policy, trace))) {
            assertEquals(version, socket.session().version());
            assertEquals(suite, socket.session().cipherSuite());
            assertTrue(socket.session().extendedMasterSecret());
            String hello = trace.stream().filter(l -> l.startsWith("<- server_hello")).findFirst().orElseThrow();
            // RFC 7366: offered with every CBC suite, used when the server agrees; never with an AEAD suite
            assertEquals(serverEtm && !suite.isAead(), hello.contains(" EtM"), hello);
            String message = "ping " + suite.codepoint() + " " + version;
            socket.getOutputStream().write((message + "\n").getBytes(StandardCharsets.US_ASCII));
            String expected = server.startsWith("openssl") ? new StringBuilder(message).reverse().toString()
                    : message;
            assertEquals(expected, InteropMatrixTest.readLine(socket.getInputStream()));
        }
        RESULTS.put(cell, "pass");
    }

    /**
     * The default policy (TLS 1.2 and 1.3, AEAD suites) meets a TLS 1.0-only server: nothing in common, the
     * server says so. With TLS 1.0-capable suites named but the minimum version still the default, the server
     * answers TLS 1.0 and we refuse it: {@code handshake.protocol_version}, alert protocol_version sent.
     */
    private static void refusedByDefault(String cell, String peer) throws Exception {
        RESULTS.put(cell, "FAIL");
        String server = peer + "/tls1-only";
        List<String> trace = new ArrayList<>();
        TlsException none = assertThrows(TlsException.class,
                () -> SecureSocket.connect(options(server, HandshakePolicy.DEFAULT, trace)).close());
        assertEquals(ErrorCode.HANDSHAKE_ALERT_RECEIVED, none.code(), none::toString);
        assertEquals(AlertSource.PEER, none.alertSource());
        assertTrue(List.of(Alert.HANDSHAKE_FAILURE, Alert.PROTOCOL_VERSION, Alert.INSUFFICIENT_SECURITY)
                .contains(none.alert().orElseThrow()), none::toString);
        HandshakePolicy cbcNamed = HandshakePolicy.DEFAULT.withCipherSuites(List.of(
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
                CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA));
        TlsException refused = assertThrows(TlsException.class,
                () -> SecureSocket.connect(options(server, cbcNamed, trace)).close());
        assertEquals(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, refused.code(), refused::toString);
        assertEquals(Alert.PROTOCOL_VERSION, refused.alert().orElseThrow());
        assertEquals(AlertSource.US, refused.alertSource());
        RESULTS.put(cell, "pass (" + none.alert().orElseThrow() + " from the server; then "
                + refused.code().code() + " from us)");
    }
}
