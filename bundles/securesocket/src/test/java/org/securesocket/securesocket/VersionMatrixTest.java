package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.testing.PeerProcess;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.securesocket.testing.TestPki.KeyKind;
import org.securesocket.x509.Certificate;

/**
 * The version negotiation matrix: every client range (min..max within TLS 1.0 to 1.3) against every
 * openssl s_server range. A pair either connects at the highest common version or fails with
 * {@code handshake.protocol_version} (we refused) or {@code handshake.alert_received} carrying
 * protocol_version (the server refused; openssl says handshake_failure instead when our TLS 1.2-only hello meets
 * a server capped at 1.0 or 1.1, whose version has none of our suites). The client uses the default policy
 * with only the version range changed: a minimum below TLS 1.2 brings the ECDHE CBC-SHA suites those
 * versions need (issue #9), so every pair with a common version connects, TLS 1.0 and 1.1 included.
 */
class VersionMatrixTest {
    private static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11,
            ProtocolVersion.TLS12, ProtocolVersion.TLS13);
    private static final Map<String, String> RESULTS = Collections.synchronizedMap(new TreeMap<>());
    private static final Map<String, PeerProcess> SERVERS = new TreeMap<>();
    private static TestPki.Issued ca;
    private static Path[] files;

    @BeforeAll
    static void pki() throws Exception {
        Path dir = TestPki.tempDir();
        ca = TestPki.selfSigned(TestPki.Spec.named("Version Matrix CA").ca(null));
        files = TestPki.server(KeyKind.RSA_2048, ca).write(dir, "server");
    }

    @AfterAll
    static void stopAndPrint() throws Exception {
        for (PeerProcess p : SERVERS.values()) {
            p.close();
        }
        StringBuilder table = new StringBuilder("\nVersion matrix (client min-max | server min-max | result)\n");
        RESULTS.forEach((cell, result) -> table.append(String.format("  %-30s %s%n", cell, result)));
        System.out.println(table);
    }

    private static String openssl(ProtocolVersion v) {
        return switch (v) {
            case TLS10 -> "TLSv1";
            case TLS11 -> "TLSv1.1";
            case TLS12 -> "TLSv1.2";
            case TLS13 -> "TLSv1.3";
        };
    }

    private static synchronized int server(ProtocolVersion min, ProtocolVersion max) throws Exception {
        String key = min + "-" + max;
        PeerProcess p = SERVERS.get(key);
        if (p == null) {
            p = PeerProcess.start(List.of("openssl", "s_server", "-accept", "{port}", "-cert", files[0].toString(),
                    "-key", files[1].toString(), "-min_protocol", openssl(min), "-max_protocol", openssl(max),
                    "-cipher", "DEFAULT:@SECLEVEL=0", "-rev", "-quiet"));
            SERVERS.put(key, p);
        }
        return p.port();
    }

    @TestFactory
    Stream<DynamicTest> pairs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ProtocolVersion cMin : VERSIONS) {
            for (ProtocolVersion cMax : VERSIONS) {
                for (ProtocolVersion sMin : VERSIONS) {
                    for (ProtocolVersion sMax : VERSIONS) {
                        if (cMin.atLeast(cMax) && cMin != cMax || sMin.atLeast(sMax) && sMin != sMax) {
                            continue;
                        }
                        String cell = "client " + cMin + "-" + cMax + " | server " + sMin + "-" + sMax;
                        tests.add(DynamicTest.dynamicTest(cell, () -> pair(cell, cMin, cMax, sMin, sMax)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void pair(String cell, ProtocolVersion cMin, ProtocolVersion cMax, ProtocolVersion sMin,
            ProtocolVersion sMax) throws Exception {
        RESULTS.put(cell, "FAIL");
        ProtocolVersion common = null;
        for (ProtocolVersion v : VERSIONS) {
            if (v.atLeast(cMin) && cMax.atLeast(v) && v.atLeast(sMin) && sMax.atLeast(v)) {
                common = v;
            }
        }
        HandshakePolicy policy = HandshakePolicy.DEFAULT.withVersions(cMin, cMax);
        SecureSocketOptions options = SecureSocketOptions.builder().host("127.0.0.1").port(server(sMin, sMax))
                .serverName("localhost").policy(policy).certificates(List.of(Certificate.read(
                        ca.certificate().getEncoded()))).timeout(Duration.ofSeconds(10)).build();
        if (common != null) {
            try (SecureSocket socket = SecureSocket.connect(options)) {
                assertEquals(common, socket.session().version());
                socket.getOutputStream().write("abc\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("cba", InteropMatrixTest.readLine(socket.getInputStream()));
            }
            RESULTS.put(cell, "connected " + common);
            return;
        }
        TlsException e = org.junit.jupiter.api.Assertions.assertThrows(TlsException.class,
                () -> SecureSocket.connect(options).close());
        boolean weRefused = e.code() == ErrorCode.HANDSHAKE_PROTOCOL_VERSION;
        boolean serverRefused = e.code() == ErrorCode.HANDSHAKE_ALERT_RECEIVED
                && e.alert().orElse(null) == Alert.PROTOCOL_VERSION && e.alertSource() == AlertSource.PEER;
        // Without supported_versions (client max TLS 1.2) a server whose max is 1.0 or 1.1 settles on its version
        // first and then finds none of our suites (TLS 1.2 AEAD only) usable there: openssl says handshake_failure.
        boolean noSuiteForServersVersion = !cMax.atLeast(ProtocolVersion.TLS13) && !sMax.atLeast(ProtocolVersion.TLS12)
                && e.code() == ErrorCode.HANDSHAKE_ALERT_RECEIVED && e.alert().orElse(null) == Alert.HANDSHAKE_FAILURE;
        assertTrue(weRefused || serverRefused || noSuiteForServersVersion, cell + ": " + e);
        RESULTS.put(cell, "no common version: " + e.code().code() + (weRefused ? "" : "(" + e.alert().orElseThrow()
                + ")"));
    }
}
