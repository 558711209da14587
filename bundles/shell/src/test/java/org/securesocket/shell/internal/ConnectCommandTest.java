package org.securesocket.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.securesocket.securesocket.testing.JsseServer;
import org.securesocket.securesocket.testing.PeerProcess;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.securesocket.testing.TestPki.Issued;
import org.securesocket.securesocket.testing.TestPki.KeyKind;
import org.securesocket.securesocket.testing.TestPki.Spec;
import org.securesocket.shell.CommandContext;

/**
 * {@code securesocket connect} end to end, in process: every certificate failure of the issue with its
 * exit status and JSON code, a peer's fatal alert, usage and network failures, and data exchanges
 * with openssl s_server -www and gnutls-serv --echo.
 */
class ConnectCommandTest {
    private static final List<AutoCloseable> SERVERS = new ArrayList<>();
    private static Path dir;
    private static Issued root;
    private static Path rootFile;

    record Run(int status, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("connect"));
        all.addAll(List.of(args));
        int status = Main.table().run(all, new CommandContext(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void pki() throws Exception {
        dir = TestPki.tempDir();
        root = TestPki.selfSigned(Spec.named("CLI Test Root").ca(null));
        rootFile = Files.writeString(dir.resolve("root.crt"), root.certificatePem());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable s : SERVERS) {
            s.close();
        }
    }

    static int serve(Issued leaf, Issued... chain) throws Exception {
        JsseServer server = new JsseServer(leaf, List.of(chain), null, null);
        SERVERS.add(server);
        return server.port();
    }

    static void assertCertificateFailure(String code, String alert, int port) {
        Run r = run("127.0.0.1:" + port, "--servername", "localhost", "--cafile", rootFile.toString(), "--json",
                "--timeout", "10000");
        assertEquals(3, r.status(), r.toString());
        assertEquals("{\"ok\":false,\"error\":{\"code\":\"" + code + "\",\"alert\":\"" + alert
                + "\",\"alertFrom\":\"us\",\"message\":", r.lastLine().substring(0, r.lastLine().indexOf("\"message\":") + 10),
                r.toString());
    }

    @Test
    void selfSignedLeafIsUnknownIssuer() throws Exception {
        Issued self = TestPki.selfSigned(Spec.named("localhost").dns("localhost"));
        assertCertificateFailure("certificate.unknown_issuer", "unknown_ca", serve(self));
    }

    @Test
    void unknownRootIsUnknownIssuer() throws Exception {
        Issued otherRoot = TestPki.selfSigned(Spec.named("Other Root").ca(null));
        assertCertificateFailure("certificate.unknown_issuer", "unknown_ca",
                serve(TestPki.server(KeyKind.P256, otherRoot)));
    }

    @Test
    void missingIntermediateIsUnknownIssuer() throws Exception {
        Issued intermediate = TestPki.issue(Spec.named("Intermediate").ca(null), root);
        assertCertificateFailure("certificate.unknown_issuer", "unknown_ca",
                serve(TestPki.server(KeyKind.P256, intermediate)));
    }

    @Test
    void expired() throws Exception {
        Instant now = Instant.now();
        Issued leaf = TestPki.issue(Spec.named("localhost").dns("localhost")
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))), root);
        assertCertificateFailure("certificate.expired", "certificate_expired", serve(leaf));
    }

    @Test
    void notYetValid() throws Exception {
        Instant now = Instant.now();
        Issued leaf = TestPki.issue(Spec.named("localhost").dns("localhost")
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))), root);
        assertCertificateFailure("certificate.not_yet_valid", "certificate_expired", serve(leaf));
    }

    @Test
    void wrongName() throws Exception {
        Issued leaf = TestPki.issue(Spec.named("other.example").dns("other.example"), root);
        assertCertificateFailure("certificate.hostname_mismatch", "bad_certificate", serve(leaf));
    }

    @Test
    void issuerWithoutCaIsNotACa() throws Exception {
        Issued notCa = TestPki.issue(Spec.named("Not A CA"), root);
        assertCertificateFailure("certificate.not_a_ca", "bad_certificate",
                serve(TestPki.server(KeyKind.P256, notCa), notCa));
    }

    @Test
    void pathLengthExceeded() throws Exception {
        Issued constrainedRoot = TestPki.selfSigned(Spec.named("PathLen Root").ca(0));
        Path anchors = Files.writeString(dir.resolve("pathlen-root.crt"), constrainedRoot.certificatePem());
        Issued intermediate = TestPki.issue(Spec.named("Intermediate Below PathLen 0").ca(null), constrainedRoot);
        int port = serve(TestPki.server(KeyKind.P256, intermediate), intermediate);
        Run r = run("127.0.0.1:" + port, "--servername", "localhost", "--cafile", anchors.toString(), "--json");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.lastLine().contains("\"code\":\"certificate.path_length_exceeded\""), r.toString());
    }

    @Test
    void wrongExtendedKeyUsage() throws Exception {
        Issued leaf = TestPki.issue(Spec.named("localhost").dns("localhost").eku(KeyPurposeId.id_kp_clientAuth), root);
        assertCertificateFailure("certificate.bad_extended_key_usage", "bad_certificate", serve(leaf));
    }

    @Test
    void nameConstraintsViolated() throws Exception {
        Issued intermediate = TestPki.issue(Spec.named("Example Only").ca(null).permittedDns("example.com"), root);
        assertCertificateFailure("certificate.name_constraints", "bad_certificate",
                serve(TestPki.server(KeyKind.P256, intermediate), intermediate));
    }

    @Test
    void weakRsaKey() throws Exception {
        Issued leaf = TestPki.issue(Spec.named("localhost").dns("localhost").kind(KeyKind.RSA_1024), root);
        assertCertificateFailure("certificate.weak_key", "insufficient_security", serve(leaf));
    }

    @Test
    void noVerifyAcceptsAnUnknownIssuerAndSaysSo() throws Exception {
        Issued self = TestPki.selfSigned(Spec.named("localhost").dns("localhost"));
        Run r = run("127.0.0.1:" + serve(self), "--no-verify");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("verification: SKIPPED"), r.out());
    }

    @Test
    void aPeersFatalAlertIsReportedAsFromThePeer() throws Exception {
        JsseServer server = new JsseServer(TestPki.server(KeyKind.P256, root), null,
                new String[] {"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"});
        SERVERS.add(server);
        Run r = run("127.0.0.1:" + server.port(), "--servername", "localhost", "--cafile", rootFile.toString(),
                "--cipher-suites", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "--json");
        assertEquals(4, r.status(), r.toString());
        assertTrue(r.lastLine().startsWith("{\"ok\":false,\"error\":{\"code\":\"handshake.alert_received\","
                + "\"alert\":\"handshake_failure\",\"alertFrom\":\"peer\""), r.toString());
    }

    @Test
    void connectionRefusedIsANetworkFailure() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = run("127.0.0.1:" + port, "--json");
        assertEquals(5, r.status(), r.toString());
        assertTrue(r.lastLine().contains("\"code\":\"io.connection_refused\""), r.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--cert|a.pem|--json|", "--min-version|0.9|--json|", "--max-fragment-length|1000|--json|",
        "--cert|/nonexistent/a.pem|--key|/nonexistent/a.key",
        "--cipher-suites|TLS_RSA_WITH_NULL_MD5|--json|", "--groups|brainpool|--json|", "--timeout|-1|--json|"})
    void laterOrInvalidOptionsAreUsageErrors(String a, String b, String c, String d) {
        List<String> args = new ArrayList<>(List.of("localhost:1", a, b, c));
        if (d != null) {
            args.add(d);
        }
        Run r = run(args.toArray(String[]::new));
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("usage: securesocket connect"), r.err());
    }

    /** --cert/--key against openssl -Verify 1 (required), TLS 1.2 with Ed25519 and TLS 1.3 with RSA. */
    @ParameterizedTest
    @CsvSource({"-tls1_2, ED25519, TLSv1.2", "-tls1_3, RSA_2048, TLSv1.3"})
    void aClientCertificateFromFiles(String versionOption, KeyKind kind, String protocol) throws Exception {
        Path[] server = TestPki.server(KeyKind.P256, root).write(dir, "mtls-server");
        Path[] client = TestPki.issue(Spec.named("cli client").kind(kind).eku(KeyPurposeId.id_kp_clientAuth), root)
                .write(dir, "cli-client-" + kind);
        PeerProcess openssl = PeerProcess.start(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                server[0].toString(), "-key", server[1].toString(), versionOption, "-Verify", "1", "-CAfile",
                rootFile.toString(), "-rev", "-quiet"));
        SERVERS.add(openssl);
        Run r = run("localhost:" + openssl.port(), "--cafile", rootFile.toString(), "--cert", client[0].toString(),
                "--key", client[1].toString(), "--send", "mutual\\n", "--json", "--timeout", "1500");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.lastLine().startsWith("{\"ok\":true,\"protocol\":\"" + protocol + "\""), r.lastLine());
        assertTrue(r.lastLine().endsWith("\"received\":\"lautum\\n\"}"), r.lastLine());
        Run anonymous = run("localhost:" + openssl.port(), "--cafile", rootFile.toString(), "--send", "x\\n",
                "--json", "--timeout", "1500");
        assertEquals(4, anonymous.status(), anonymous.toString());
        assertTrue(anonymous.lastLine().contains("\"code\":\"handshake.alert_received\""), anonymous.lastLine());
        assertTrue(anonymous.lastLine().contains("\"alertFrom\":\"peer\""), anonymous.lastLine());
    }

    @Test
    void aKeyThatIsNotAKeyIsAUsageError() {
        Run r = run("localhost:1", "--cert", rootFile.toString(), "--key", rootFile.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("cannot be used: no PRIVATE KEY"), r.err());
    }

    @Test
    void maxFragmentLengthIsRequestedAndReported() throws Exception {
        Path[] files = TestPki.server(KeyKind.P256, root).write(dir, "mfl");
        PeerProcess openssl = PeerProcess.start(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                files[0].toString(), "-key", files[1].toString(), "-rev", "-quiet"));
        SERVERS.add(openssl);
        Run json = run("localhost:" + openssl.port(), "--cafile", rootFile.toString(), "--max-fragment-length", "512",
                "--json", "--timeout", "10000");
        assertEquals(0, json.status(), json.toString());
        assertTrue(json.lastLine().contains("\"fragmentLimit\":512,\"stapledOcspResponse\":null"), json.lastLine());
        Run text = run("localhost:" + openssl.port(), "--cafile", rootFile.toString(), "--max-fragment-length", "1024",
                "--status-request", "--timeout", "10000");
        assertEquals(0, text.status(), text.toString());
        assertTrue(text.out().contains("record limit: 1024 bytes (max_fragment_length 1024)"), text.out());
        assertTrue(text.out().contains("stapled OCSP: none"), text.out());
    }

    @Test
    void opensslWwwAnswersAnHttpRequest() throws Exception {
        Issued leaf = TestPki.server(KeyKind.RSA_2048, root);
        Path[] files = leaf.write(dir, "www");
        PeerProcess openssl = PeerProcess.start(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                files[0].toString(), "-key", files[1].toString(), "-www", "-quiet"));
        SERVERS.add(openssl);
        Run r = run("localhost:" + openssl.port(), "--cafile", rootFile.toString(), "--send",
                "GET / HTTP/1.0\\r\\n\\r\\n", "--json", "--timeout", "10000");
        assertEquals(0, r.status(), r.toString());
        // TLS 1.3 by default against a TLS 1.3 server
        assertTrue(r.lastLine().startsWith("{\"ok\":true,\"protocol\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_"),
                r.lastLine());
        assertTrue(r.lastLine().contains("\"received\":\"HTTP/1.0 200 ok\\r\\n"), r.lastLine());
        assertTrue(r.lastLine().contains("\"peerCertificates\":[{\"subject\":\"CN=localhost\",\"issuer\":\"CN=CLI Test Root\""),
                r.lastLine());
    }

    @Test
    void gnutlsEchoesUntilTheTimeoutWhichIsStillSuccess() throws Exception {
        Issued leaf = TestPki.server(KeyKind.P384, root);
        Path[] files = leaf.write(dir, "echo");
        PeerProcess gnutls = PeerProcess.start(List.of("gnutls-serv", "--port={port}", "--x509certfile=" + files[0],
                "--x509keyfile=" + files[1], "--echo", "--quiet", "--alpn=http/1.1"));
        SERVERS.add(gnutls);
        Run r = run("localhost:" + gnutls.port(), "--cafile", rootFile.toString(), "--send", "ping\\n",
                "--alpn", "h2,http/1.1", "--groups", "secp384r1", "--json", "--timeout", "1500");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.lastLine().contains("\"group\":\"secp384r1\",\"alpn\":\"http/1.1\""), r.lastLine());
        assertTrue(r.lastLine().endsWith("\"received\":\"ping\\n\"}"), r.lastLine());
    }

    /** Issue #9: --min-version 1.0 reaches a TLS 1.0-only server (with the CBC suites it brings); the default cannot. */
    @Test
    void legacyServerNeedsALowerMinimumVersion() throws Exception {
        Path[] files = TestPki.server(KeyKind.RSA_2048, root).write(dir, "tls10");
        PeerProcess openssl = PeerProcess.start(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                files[0].toString(), "-key", files[1].toString(), "-tls1", "-cipher", "ALL:@SECLEVEL=0", "-rev",
                "-quiet"));
        SERVERS.add(openssl);
        Run legacy = run("localhost:" + openssl.port(), "--cafile", rootFile.toString(), "--min-version", "1.0",
                "--json", "--timeout", "5000");
        assertEquals(0, legacy.status(), legacy.toString());
        assertTrue(legacy.lastLine().contains("\"protocol\":\"TLSv1\",\"cipherSuite\":\"TLS_ECDHE_RSA_WITH_AES_"),
                legacy.lastLine());
        Run refused = run("localhost:" + openssl.port(), "--cafile", rootFile.toString(), "--json", "--timeout", "5000");
        assertTrue(refused.status() != 0, refused.toString());
        assertTrue(refused.lastLine().contains("\"ok\":false"), refused.lastLine());
    }

    @Test
    void textModeWithTraceAndTls12Suites() throws Exception {
        int port = serve(TestPki.server(KeyKind.RSA_2048, root));
        Run r = run("127.0.0.1:" + port, "--servername", "localhost", "--cafile", rootFile.toString(), "--trace",
                "--max-version", "1.3", "--cipher-suites", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "--groups", "secp256r1");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("cipher suite: TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"), r.out());
        assertTrue(r.out().contains("group:        secp256r1"), r.out());
        assertTrue(r.out().contains("protocol:     TLSv1.2"), r.out()); // TLS 1.3 is not offered without a 1.3 suite
        assertTrue(r.err().contains("<- server_key_exchange secp256r1 signed with"), r.err());
        assertTrue(r.err().contains("-> close_notify"), r.err());
    }

    @Test
    void textModeSpeaksTls13ByDefault() throws Exception {
        Path[] files = TestPki.server(KeyKind.P256, root).write(dir, "tls13");
        PeerProcess openssl = PeerProcess.start(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                files[0].toString(), "-key", files[1].toString(), "-rev", "-quiet"));
        SERVERS.add(openssl);
        int port = openssl.port();
        Run r = run("127.0.0.1:" + port, "--servername", "localhost", "--cafile", rootFile.toString(), "--trace");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("protocol:     TLSv1.3"), r.out());
        assertTrue(r.out().contains("resumed:      no"), r.out());
        assertTrue(r.err().contains("<- certificate_verify ECDSA_SECP256R1_SHA256"), r.err());
        Run capped = run("127.0.0.1:" + port, "--servername", "localhost", "--cafile", rootFile.toString(),
                "--max-version", "1.2");
        assertTrue(capped.out().contains("protocol:     TLSv1.2"), capped.out());
        assertEquals(2, run("127.0.0.1:" + port, "--min-version", "1.3", "--max-version", "1.2").status());
    }

    @Test
    void textModeFailureNamesTheCodeOnStderr() throws Exception {
        Issued self = TestPki.selfSigned(Spec.named("localhost").dns("localhost"));
        Run r = run("127.0.0.1:" + serve(self), "--servername", "localhost");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().startsWith("securesocket connect: certificate.unknown_issuer: "), r.err());
        assertTrue(r.err().contains("(alert unknown_ca sent)"), r.err());
        assertEquals("", r.out());
    }
}
