package org.securesocket.handshake.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.RecordLayer;
import org.securesocket.handshake.SessionCache;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.X509PathValidator;

/**
 * The one client the handshake fuzz target drives and the flight recorder recorded with: the
 * default policy plus TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 (so a DHE flight can be recorded too), a deterministic random stream, a fixed clock and the fuzz root as the only
 * anchor. Its ClientHello is the same byte for byte on every run, so a server flight recorded
 * once (by {@link ServerFlightRecorder}) replays to a completed handshake.
 */
final class FuzzClient {
    /** The server name in SNI and checked in the certificate (the fuzz PKI's server certificates name it). */
    static final String SERVER_NAME = "localhost";
    /** Inside the fuzz PKI's validity (2026-11-25 to 2126-11-01). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final long RANDOM_SEED = 14;
    private static final HandshakePolicy POLICY = HandshakePolicy.DEFAULT.withCipherSuites(Stream.concat(
            HandshakePolicy.DEFAULT.cipherSuites().stream(), Stream.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256))
            .toList());
    private static final InMemoryTrustStore ROOT;

    static {
        try {
            ROOT = InMemoryTrustStore.fromPem(resource("pki/ca.pem"));
        } catch (TlsException e) {
            throw new IllegalStateException(e);
        }
    }

    private FuzzClient() {
    }

    /** A new handshake (not started) over {@code records}, with a fresh session cache. */
    static ClientHandshake handshake(RecordLayer records) {
        JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(RANDOM_SEED));
        ClientConfig config = new ClientConfig(POLICY, SERVER_NAME, SERVER_NAME, List.of("h2",
                "http/1.1"), true, ROOT, new X509PathValidator(crypto, ValidationPolicy.STRICT, CLOCK),
                new SessionCache(CLOCK, 4), null);
        return new ClientHandshake(config, crypto, records, (id, line) -> { }, "fuzz");
    }

    /** A text file of the fuzz test resources. */
    static String resource(String name) {
        try (InputStream in = FuzzClient.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
