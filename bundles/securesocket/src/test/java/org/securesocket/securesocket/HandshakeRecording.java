package org.securesocket.securesocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.securesocket.common.RandomSource;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.SessionCache;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.record.ProtocolVersion;

/**
 * A handshake recorded against openssl s_server, replayed offline byte for byte (Go's crypto/tls
 * recorded tests). The client is deterministic: its random source is a fixed stream and its clock
 * fixed inside the committed test certificates' validity ({@code src/test/resources/replay}); so
 * given the server's recorded bytes, it must send exactly the bytes it sent when recording.
 *
 * <p>A recording is text: {@code connection N} starts a connection, {@code c HEX} is what the client
 * sent in one go, {@code s HEX} what one read from the server returned, {@code outcome ...} what the
 * connection negotiated; {@code #} lines are comments. Each connection handshakes, sends
 * {@value #PING_TEXT} and reads it back reversed (s_server {@code -rev}), then sends close_notify.
 */
final class HandshakeRecording {
    static final String PING_TEXT = "replay ping";
    /** The clock of every recorded client: inside the validity of the test certificates (2026-11-25 to 2035). */
    static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");
    static final long SEED = 20261125L;

    private static final HandshakePolicy TLS12 = HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS12,
            ProtocolVersion.TLS12).withGroups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1));
    private static final HandshakePolicy TLS13 = HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS13,
            ProtocolVersion.TLS13).withCipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
                    CipherSuite.TLS_CHACHA20_POLY1305_SHA256)).withGroups(List.of(NamedGroup.X25519,
                    NamedGroup.SECP256R1, NamedGroup.SECP384R1));

    private static final HandshakePolicy TLS10 = HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS10,
            ProtocolVersion.TLS10).withGroups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1));

    /**
     * The recorded handshakes: the server's options ({@code {keys}} is the directory of the test keys), the
     * client's policy, whether it has the test client certificate, what each connection must negotiate.
     */
    enum Scenario {
        TLS12_ECDHE_ECDSA_AES128GCM("ecdsa", List.of("-tls1_2"), TLS12.withCipherSuites(List.of(
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)), false, "<- server_key_exchange x25519",
                "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 full"),
        TLS12_ECDHE_RSA_CHACHA20("rsa", List.of("-tls1_2"), TLS12.withCipherSuites(List.of(
                CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256)), false, "<- server_key_exchange x25519",
                "TLSv1.2 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 full"),
        TLS12_TICKET_RESUMPTION("ecdsa", List.of("-tls1_2"), TLS12.withCipherSuites(List.of(
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)), true,
                "offering a TLS 1.2 session for resumption (ticket",
                "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 full",
                "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 resumed"),
        TLS12_SESSION_ID_RESUMPTION("ecdsa", List.of("-tls1_2", "-no_ticket"), TLS12.withCipherSuites(List.of(
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)), true,
                "offering a TLS 1.2 session for resumption (session ID",
                "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 full",
                "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 resumed"),
        TLS13_FULL("ecdsa", List.of("-tls1_3", "-num_tickets", "0"), TLS13, false, "<- server_hello TLSv1.3",
                "TLSv1.3 TLS_AES_128_GCM_SHA256 full"),
        TLS13_HELLO_RETRY_REQUEST("rsa", List.of("-tls1_3", "-num_tickets", "0", "-groups", "P-384"), TLS13, false,
                "<- hello_retry_request",
                "TLSv1.3 TLS_AES_128_GCM_SHA256 full"),
        /** TLS 1.0 CBC: the IV of each record is the last ciphertext block of the previous one (RFC 2246 6.2.3.2). */
        TLS10_ECDHE_RSA_AES128_CBC_SHA("rsa", List.of("-tls1", "-cipher", "ECDHE-RSA-AES128-SHA:@SECLEVEL=0"),
                TLS10.withCipherSuites(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA)), false,
                "<- server_hello TLS 1.0 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                "TLSv1 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA full"),
        TLS12_DHE_RSA_AES128GCM("rsa", List.of("-tls1_2", "-dhparam", "{keys}/ffdhe2048.pem"), TLS12.withCipherSuites(
                List.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256)), false, "<- server_key_exchange DHE 2048-bit p",
                "TLSv1.2 TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 full"),
        TLS12_RSA_AES128_CBC_SHA256_ETM("rsa", List.of("-tls1_2"), TLS12.withCipherSuites(List.of(
                CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256)), false,
                "<- server_hello TLS 1.2 TLS_RSA_WITH_AES_128_CBC_SHA256 EMS EtM",
                "TLSv1.2 TLS_RSA_WITH_AES_128_CBC_SHA256 full"),
        /** The server requires a certificate ({@code -Verify 1}); the client sends replay/client.pem (P-256). */
        TLS12_MUTUAL_AUTH("ecdsa", List.of("-tls1_2", "-Verify", "1", "-CAfile", "{keys}/ca.pem"), TLS12.withCipherSuites(
                List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)), false, true,
                "-> certificate_verify ECDSA_SECP256R1_SHA256",
                "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 full");

        final String serverKey;
        final List<String> serverOptions;
        final HandshakePolicy policy;
        final boolean sessionCache;
        final boolean clientCertificate;
        /** The start of a trace line that shows the scenario's point (the retry, the session offered). */
        final String traceMarker;
        final List<String> outcomes;

        Scenario(String serverKey, List<String> serverOptions, HandshakePolicy policy, boolean sessionCache,
                String traceMarker, String... outcomes) {
            this(serverKey, serverOptions, policy, sessionCache, false, traceMarker, outcomes);
        }

        Scenario(String serverKey, List<String> serverOptions, HandshakePolicy policy, boolean sessionCache,
                boolean clientCertificate, String traceMarker, String... outcomes) {
            this.clientCertificate = clientCertificate;
            this.traceMarker = traceMarker;
            this.serverKey = serverKey;
            this.serverOptions = serverOptions;
            this.policy = policy;
            this.sessionCache = sessionCache;
            this.outcomes = List.of(outcomes);
        }

        /** The recording's resource name. */
        String resource() {
            return "/replay/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".txt";
        }

        /**
         * The client's options: deterministic random and clock, the test CA as the only anchor; the
         * address is only the session cache's key (the recorder connects its own socket).
         */
        SecureSocketOptions options(SessionCache cache, List<String> trace) throws Exception {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            return SecureSocketOptions.builder().host("127.0.0.1").port(4433).serverName("localhost").policy(policy)
                    .certificates(OptionMaps.readCertificates(resource("ca.pem"))).clock(clock).sessions(cache)
                    .crypto(new JcaTlsCrypto(RandomSource.deterministic(SEED))).trace((id, line) -> trace.add(line))
                    .clientCredentials(clientCertificate ? OptionMaps.clientCredentials(resource("client.key"),
                            resource("client.pem")) : null)
                    .build();
        }

        private static byte[] resource(String name) throws IOException {
            try (InputStream in = HandshakeRecording.class.getResourceAsStream("/replay/" + name)) {
                return in.readAllBytes();
            }
        }

        SessionCache cache() {
            return sessionCache ? new SessionCache(Clock.fixed(NOW, ZoneOffset.UTC), 2) : null;
        }
    }

    /** Where the client's bytes go and the server's come from: a socket when recording, a recording when replaying. */
    interface Wire {
        void send(byte[] bytes) throws IOException;

        /** The next bytes from the server (never empty). */
        byte[] receive() throws IOException;
    }

    private HandshakeRecording() {
    }

    /**
     * One connection's script: handshake, ping both ways, close_notify. Returns the outcome line:
     * {@code TLSv1.2 <suite> full|resumed}.
     */
    static String run(TlsConnection connection, Wire wire) throws IOException {
        connection.start();
        flush(connection, wire);
        while (!connection.isHandshakeComplete()) {
            connection.receive(ByteBuffer.wrap(wire.receive()));
            flush(connection, wire);
        }
        byte[] ping = (PING_TEXT + "\n").getBytes(StandardCharsets.US_ASCII);
        connection.writePlaintext(ping, 0, ping.length);
        flush(connection, wire);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        while (answer.size() < ping.length) {
            if (connection.plaintextAvailable() == 0) {
                connection.receive(ByteBuffer.wrap(wire.receive()));
                flush(connection, wire);
            }
            byte[] chunk = new byte[connection.plaintextAvailable()];
            answer.write(chunk, 0, connection.readPlaintext(chunk, 0, chunk.length));
        }
        String expected = new StringBuilder(PING_TEXT).reverse() + "\n";
        if (!answer.toString(StandardCharsets.US_ASCII).equals(expected)) {
            throw new IOException("the server answered '" + answer + "', not '" + expected + "'");
        }
        connection.close();
        flush(connection, wire);
        SessionParameters s = connection.session().orElseThrow();
        return s.jdkProtocolName() + " " + s.cipherSuite().ianaName() + (s.resumed() ? " resumed" : " full");
    }

    private static void flush(TlsConnection connection, Wire wire) throws IOException {
        if (connection.hasOutbound()) {
            wire.send(connection.takeOutbound());
        }
    }

    /** One recorded event: {@code c} (client sent) or {@code s} (server sent), or a connection's outcome. */
    record Event(char kind, byte[] bytes, String text) {
        static Event client(byte[] b) {
            return new Event('c', b, null);
        }

        static Event server(byte[] b) {
            return new Event('s', b, null);
        }

        String line() {
            return kind == 'o' ? "outcome " + text : kind == 'n' ? "connection " + text
                    : kind + " " + HexFormat.of().formatHex(bytes);
        }
    }

    /** The events of a recording, in order, without comments. */
    static List<Event> parse(List<String> lines) {
        List<Event> events = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("connection ")) {
                events.add(new Event('n', null, line.substring("connection ".length())));
            } else if (line.startsWith("outcome ")) {
                events.add(new Event('o', null, line.substring("outcome ".length())));
            } else if (line.startsWith("c ") || line.startsWith("s ")) {
                events.add(new Event(line.charAt(0), HexFormat.of().parseHex(line.substring(2)), null));
            } else {
                throw new IllegalArgumentException("not a recording line: " + line);
            }
        }
        return events;
    }
}
