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
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.testing.PeerProcess;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.securesocket.testing.TestPki.KeyKind;
import org.securesocket.x509.Certificate;

/**
 * Client certificates against openssl s_server ({@code -Verify 1 -CAfile}) and gnutls-serv
 * ({@code --require-client-cert --verify-client-cert}): required, with RSA, ECDSA P-256 and Ed25519
 * client keys in TLS 1.2 and TLS 1.3, with RSA and P-256 keys in TLS 1.0 and 1.1 (their CertificateVerify
 * signs MD5||SHA-1 or SHA-1 and names no scheme; an Ed25519 key has no such form); without credentials an empty
 * Certificate, which {@code -verify 1} (asked, not required) accepts and {@code -Verify 1} refuses.
 */
class ClientAuthInteropTest {
    private static final List<PeerProcess> SERVERS = new ArrayList<>();
    private static TestPki.Issued ca;
    private static Certificate anchor;
    private static Path[] caFiles;
    private static Path[] serverFiles;

    @BeforeAll
    static void pki() throws Exception {
        Path dir = TestPki.tempDir();
        ca = TestPki.selfSigned(TestPki.Spec.named("Client Auth Interop CA").ca(null));
        anchor = Certificate.read(ca.certificate().getEncoded());
        caFiles = ca.write(dir, "ca");
        serverFiles = TestPki.server(KeyKind.P256, ca).write(dir, "server");
    }

    @AfterAll
    static void stop() throws Exception {
        for (PeerProcess p : SERVERS) {
            p.close();
        }
    }

    static int opensslServer(ProtocolVersion version, String verifyOption, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                serverFiles[0].toString(), "-key", serverFiles[1].toString(),
                opensslVersion(version), verifyOption, "1", "-CAfile", caFiles[0].toString(), "-rev", "-quiet"));
        if (!version.atLeast(ProtocolVersion.TLS12)) {
            command.addAll(List.of("-cipher", "DEFAULT:@SECLEVEL=0")); // openssl 3 refuses SHA-1 and MD5 otherwise
        }
        command.addAll(List.of(more));
        PeerProcess p = PeerProcess.start(command);
        SERVERS.add(p);
        return p.port();
    }

    private static String opensslVersion(ProtocolVersion version) {
        return switch (version) {
            case TLS10 -> "-tls1";
            case TLS11 -> "-tls1_1";
            case TLS12 -> "-tls1_2";
            case TLS13 -> "-tls1_3";
        };
    }

    /** The gnutls priority allowing exactly {@code version} (with the CBC-SHA suites TLS 1.0/1.1 need). */
    private static String gnutlsPriority(ProtocolVersion version) {
        return "NORMAL:-VERS-ALL:+VERS-" + version.toString().replace(" ", "")
                + (version.atLeast(ProtocolVersion.TLS12) ? "" : ":+AES-128-CBC:+SHA1");
    }

    static SecureSocketOptions.Builder options(int port, ProtocolVersion version, List<String> trace) {
        return SecureSocketOptions.builder().host("127.0.0.1").port(port).serverName("localhost")
                .policy(HandshakePolicy.DEFAULT.withVersions(version, version)).certificates(List.of(anchor))
                .timeout(Duration.ofSeconds(10)).trace((id, line) -> trace.add(line));
    }

    static ClientCredentials client(KeyKind kind) throws Exception {
        TestPki.Issued client = TestPki.issue(TestPki.Spec.named("client " + kind).kind(kind)
                .eku(KeyPurposeId.id_kp_clientAuth), ca);
        return ClientCredentials.forKey(List.of(client.certificate().getEncoded()), client.key().getEncoded());
    }

    static String echo(SecureSocket socket, String line) throws Exception {
        socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return InteropMatrixTest.readLine(socket.getInputStream());
    }

    @ParameterizedTest(name = "{0} {1} client key")
    @CsvSource({"TLS12, RSA_2048, RSA_PSS_RSAE_SHA256", "TLS12, P256, ECDSA_SECP256R1_SHA256", "TLS12, ED25519, ED25519",
        "TLS13, RSA_2048, RSA_PSS_RSAE_SHA256", "TLS13, P256, ECDSA_SECP256R1_SHA256", "TLS13, ED25519, ED25519",
        "TLS10, RSA_2048, RSA_PKCS1_MD5_SHA1", "TLS10, P256, ECDSA_SHA1", "TLS11, RSA_2048, RSA_PKCS1_MD5_SHA1",
        "TLS11, P256, ECDSA_SHA1"})
    void aRequiredCertificateIsSentAndVerified(ProtocolVersion version, KeyKind kind, String scheme) throws Exception {
        int port = opensslServer(version, "-Verify");
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (SecureSocket socket = SecureSocket.connect(options(port, version, trace).clientCredentials(client(kind))
                .build())) {
            assertEquals(version, socket.session().version());
            assertEquals("detacitnehtua", echo(socket, "authenticated"));
        }
        assertTrue(trace.stream().anyMatch(l -> l.equals("-> certificate_verify " + scheme)), trace::toString);
    }

    /** The same against gnutls-serv --require-client-cert --verify-client-cert (it echoes). */
    @ParameterizedTest(name = "gnutls {0} {1} client key")
    @CsvSource({"TLS12, RSA_2048", "TLS12, P256", "TLS12, ED25519", "TLS13, RSA_2048", "TLS13, P256",
        "TLS13, ED25519", "TLS10, RSA_2048", "TLS10, P256", "TLS11, RSA_2048", "TLS11, P256"})
    void gnutlsRequiresAndVerifiesTheCertificate(ProtocolVersion version, KeyKind kind) throws Exception {
        PeerProcess gnutls = PeerProcess.start(List.of("gnutls-serv", "--port={port}", "--x509certfile="
                + serverFiles[0], "--x509keyfile=" + serverFiles[1], "--x509cafile=" + caFiles[0],
                "--require-client-cert", "--verify-client-cert", "--priority=" + gnutlsPriority(version), "--echo",
                "--quiet"));
        SERVERS.add(gnutls);
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (SecureSocket socket = SecureSocket.connect(options(gnutls.port(), version, trace)
                .clientCredentials(client(kind)).build())) {
            assertEquals(version, socket.session().version());
            assertEquals("mutual", echo(socket, "mutual"));
        }
        assertTrue(trace.stream().anyMatch(l -> l.startsWith("-> certificate_verify ")), trace::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TLS12", "TLS13"})
    void withoutCredentialsAnOptionalRequestIsAnsweredWithAnEmptyCertificate(ProtocolVersion version)
            throws Exception {
        int port = opensslServer(version, "-verify");
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (SecureSocket socket = SecureSocket.connect(options(port, version, trace).build())) {
            assertEquals("suomynona", echo(socket, "anonymous"));
        }
        assertTrue(trace.stream().anyMatch(l -> l.contains("no client certificate is configured")), trace::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TLS12", "TLS13"})
    void withoutCredentialsARequiredCertificateIsTheServersAlert(ProtocolVersion version) throws Exception {
        int port = opensslServer(version, "-Verify");
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        TlsException e = assertThrows(TlsException.class, () -> {
            // TLS 1.2: the alert ends the handshake; TLS 1.3: it arrives after our Finished, at the first read
            try (SecureSocket socket = SecureSocket.connect(options(port, version, trace).build())) {
                echo(socket, "anonymous");
            }
        });
        assertEquals(ErrorCode.HANDSHAKE_ALERT_RECEIVED, e.code(), e::toString);
    }

    /** A key the server's request does not name (its signature algorithms exclude Ed25519): an empty Certificate. */
    @Test
    void aKeyTheServerCannotAcceptIsNotSent() throws Exception {
        int port = opensslServer(ProtocolVersion.TLS12, "-verify", "-client_sigalgs", "ECDSA+SHA256:RSA+SHA256");
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (SecureSocket socket = SecureSocket.connect(options(port, ProtocolVersion.TLS12, trace)
                .clientCredentials(client(KeyKind.ED25519)).build())) {
            assertEquals("cba", echo(socket, "abc"));
        }
        assertTrue(trace.stream().anyMatch(l -> l.contains("accepts none of our client key's schemes [ED25519]")),
                trace::toString);
    }

    /** TLS 1.0/1.1 have no Ed25519 CertificateVerify: an empty Certificate, which {@code -verify 1} accepts. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"TLS10", "TLS11"})
    void anEd25519KeyIsNotSentInALegacyVersion(ProtocolVersion version) throws Exception {
        int port = opensslServer(version, "-verify");
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (SecureSocket socket = SecureSocket.connect(options(port, version, trace)
                .clientCredentials(client(KeyKind.ED25519)).build())) {
            assertEquals(version, socket.session().version());
            assertEquals("cba", echo(socket, "abc"));
        }
        assertTrue(trace.stream().anyMatch(l -> l.contains("ED25519 client key cannot sign a " + version)),
                trace::toString);
    }
}
