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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.testing.PeerProcess;
import org.securesocket.securesocket.testing.RecordSizeProxy;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.securesocket.testing.TestPki.KeyKind;
import org.securesocket.x509.Certificate;

/**
 * max_fragment_length 512 against openssl s_server and gnutls-serv, through a proxy that reads the
 * record headers on the wire: every record each way stays within 512 bytes of content plus the AEAD
 * overhead (TLS 1.2 GCM: 8-byte explicit nonce and 16-byte tag; TLS 1.3: type byte and tag).
 */
class MaxFragmentLengthInteropTest {
    /**
     * 512 bytes of content plus the largest AEAD expansion of the suites offered (TLS 1.2 GCM: 24), plus
     * one: a server answering record_size_limit instead may send our 513 (RFC 8449 section 4).
     */
    private static final int MAX_WIRE_RECORD = 513 + 24;
    private static final List<AutoCloseable> CLOSE = new ArrayList<>();
    private static Certificate anchor;
    private static Path[] serverFiles;

    @BeforeAll
    static void pki() throws Exception {
        Path dir = TestPki.tempDir();
        TestPki.Issued ca = TestPki.selfSigned(TestPki.Spec.named("MFL Interop CA").ca(null));
        anchor = Certificate.read(ca.certificate().getEncoded());
        serverFiles = TestPki.server(KeyKind.P256, ca).write(dir, "server");
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : CLOSE) {
            c.close();
        }
    }

    static <T extends AutoCloseable> T closeLater(T c) {
        CLOSE.add(c);
        return c;
    }

    static int server(String peer, ProtocolVersion version) throws Exception {
        List<String> command = peer.equals("openssl")
                ? List.of("openssl", "s_server", "-accept", "{port}", "-cert", serverFiles[0].toString(), "-key",
                        serverFiles[1].toString(), version == ProtocolVersion.TLS13 ? "-tls1_3" : "-tls1_2", "-rev",
                        "-quiet")
                : List.of("gnutls-serv", "--port={port}", "--x509certfile=" + serverFiles[0], "--x509keyfile="
                        + serverFiles[1], "--priority=NORMAL:-VERS-ALL:+VERS-" + (version == ProtocolVersion.TLS13
                                ? "TLS1.3" : "TLS1.2"), "--echo", "--quiet");
        return closeLater(PeerProcess.start(command)).port();
    }

    static SecureSocketOptions.Builder options(int port, HandshakePolicy policy, List<String> trace) {
        return SecureSocketOptions.builder().host("127.0.0.1").port(port).serverName("localhost").policy(policy)
                .certificates(List.of(anchor)).timeout(Duration.ofSeconds(10)).maxFragmentLength(512)
                .trace((id, line) -> trace.add(line));
    }

    /**
     * @param offered the versions offered: "1.2" alone sends no record_size_limit (it comes with TLS 1.3
     *                here), so the server can only answer max_fragment_length
     */
    @ParameterizedTest(name = "{0} {1} offering {2}")
    @CsvSource({"openssl, TLS12, 1.2", "openssl, TLS12, 1.2+1.3", "openssl, TLS13, 1.2+1.3", "gnutls, TLS13, 1.2+1.3",
        "gnutls, TLS12, 1.2+1.3"})
    void recordsStayWithin512BytesBothWays(String peer, ProtocolVersion version, String offered) throws Exception {
        HandshakePolicy policy = HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS12,
                offered.equals("1.2") ? ProtocolVersion.TLS12 : ProtocolVersion.TLS13);
        RecordSizeProxy proxy = closeLater(new RecordSizeProxy(server(peer, version)));
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        String line = "x".repeat(1500) + "y".repeat(1500);
        try (SecureSocket socket = SecureSocket.connect(options(proxy.port(), policy, trace).build())) {
            assertEquals(version, socket.session().version());
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String expected = peer.equals("openssl") ? new StringBuilder(line).reverse().toString() : line;
            assertEquals(expected, InteropMatrixTest.readLine(socket.getInputStream()));
            assertEquals(512, socket.fragmentLimit().contentLimit(), socket.fragmentLimit().toString());
        }
        assertTrue(RecordSizeProxy.largest(proxy.fromServer) <= MAX_WIRE_RECORD, "from the server: "
                + proxy.fromServer + "\n" + trace);
        assertTrue(RecordSizeProxy.largest(proxy.fromClient) <= MAX_WIRE_RECORD, "from us: " + proxy.fromClient);
        assertTrue(proxy.fromServer.size() >= 6 && proxy.fromClient.size() >= 6, "3000 bytes took several records");
    }

    /**
     * gnutls 3.7 in TLS 1.2 acknowledges max_fragment_length 512 (offered alone: no record_size_limit
     * without TLS 1.3) and still sends larger records: record.overflow, with a record_overflow alert and
     * a message that names the broken agreement, never a hang.
     */
    @Test
    void gnutlsBreakingTheAcknowledgedLimitIsARecordOverflow() throws Exception {
        RecordSizeProxy proxy = closeLater(new RecordSizeProxy(server("gnutls", ProtocolVersion.TLS12)));
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        HandshakePolicy tls12 = HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS12, ProtocolVersion.TLS12);
        TlsException e = assertThrows(TlsException.class, () -> {
            try (SecureSocket socket = SecureSocket.connect(options(proxy.port(), tls12, trace).build())) {
                socket.getOutputStream().write(("z".repeat(3000) + "\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                InteropMatrixTest.readLine(socket.getInputStream());
            }
        });
        assertEquals(ErrorCode.RECORD_OVERFLOW, e.code(), e::toString);
        assertEquals(java.util.Optional.of(Alert.RECORD_OVERFLOW), e.alert());
        System.out.println("gnutls 3.7 with max_fragment_length 512: " + e.getMessage());
        assertTrue(e.getMessage().contains("max_fragment_length 512") && e.getMessage().contains("agreed to at most 512 bytes"),
                e::getMessage);
        assertTrue(trace.stream().anyMatch(l -> l.startsWith("max_fragment_length accepted")), trace::toString);
        assertTrue(RecordSizeProxy.largest(proxy.fromServer) > MAX_WIRE_RECORD, "the server's records: "
                + proxy.fromServer);
    }
}
