package org.securesocket.securesocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.securesocket.OptionMaps;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketOptions;
import org.securesocket.securesocket.TlsPolicyConfig;
import org.securesocket.securesocket.TlsProfile;
import org.securesocket.securesocket.testing.JsseServer;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.TrustStore;

/** The factory against an in-process JSSE server: the live policy, profiles by name, a missing trust store. */
class ConfiguredFactoryTest {
    private static TestPki.Issued ca;
    private static JsseServer ecdsaServer;
    private static TrustStore store;

    private final PolicyHolder policy = new PolicyHolder();
    private final Map<String, TlsProfile> profiles = new HashMap<>();
    private final AtomicReference<TrustStore> trustStore = new AtomicReference<>();
    private final ConfiguredFactory factory = new ConfiguredFactory(policy::current, JcaTlsCrypto::new,
            trustStore::get, profiles::get, TraceSink.NONE);

    @BeforeAll
    static void server() throws Exception {
        ca = TestPki.selfSigned(TestPki.Spec.named("Factory Test CA").ca(null));
        ecdsaServer = new JsseServer(TestPki.server(TestPki.KeyKind.P256, ca), new String[] {"h2", "http/1.1"}, null);
        store = new InMemoryTrustStore(OptionMaps.readCertificates(ca.certificatePem()
                .getBytes(StandardCharsets.US_ASCII)));
    }

    @AfterAll
    static void stop() throws Exception {
        ecdsaServer.close();
    }

    @Test
    void theNextConnectionUsesTheNewPolicy() throws Exception {
        trustStore.set(store);
        try (SecureSocket s = factory.connect("localhost", ecdsaServer.port(), Map.of())) {
            assertTrue(s.cipherSuite().startsWith("TLS_ECDHE_ECDSA_"), s.cipherSuite());
            assertEquals(NamedGroup.X25519, s.group());
            assertFalse(s.resumed());
            assertNotNull(s.handshakeTime());
            assertEquals(16384, s.fragmentLimit().contentLimit());
        }
        assertTrue(policy.update(Map.of("cipherSuites", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                "namedGroups", "secp256r1")));
        try (SecureSocket s = factory.connect("localhost", ecdsaServer.port(), Map.of())) {
            assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256.ianaName(), s.cipherSuite());
            assertEquals(NamedGroup.SECP256R1, s.group());
        }
        assertTrue(policy.update(Map.of("ECDHE_ECDSA", "false")));
        TlsException e = assertThrows(TlsException.class,
                () -> factory.connect("localhost", ecdsaServer.port(), Map.of()).close());
        assertEquals(ErrorCode.HANDSHAKE_ALERT_RECEIVED, e.code(), e.getMessage());
    }

    @Test
    void aRefusedConfigurationIsLoggedAndThePreviousPolicyStays() throws Exception {
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jul = Logger.getLogger(PolicyHolder.LOGGER);
        jul.addHandler(capture);
        try {
            assertTrue(policy.update(Map.of("ECDHE_RSA", "false")));
            TlsPolicyConfig before = policy.current();
            assertFalse(policy.update(Map.of("ECDHE_RSA", "true", "minRsaBits", "512")));
            assertEquals(before, policy.current());
            assertTrue(logged.stream().anyMatch(r -> r.getMessage().contains("refused: minRsaBits must be between"
                    + " 1024 and 16384, not 512")), logged.toString());
        } finally {
            jul.removeHandler(capture);
        }
    }

    @Test
    void aProfileIsUsableByName() throws Exception {
        Path ca1 = Files.writeString(TestPki.tempDir().resolve("ca.pem"), ca.certificatePem());
        profiles.put("gateway", TlsProfile.fromProperties(Map.of("name", "gateway", "certificateFiles",
                ca1.toString(), "applicationLayerProtocolNegotiation", "h2,http/1.1", "serverName", "localhost")));
        // no TrustStore: the profile's own anchors are enough
        try (SecureSocket s = factory.connect("127.0.0.1", ecdsaServer.port(), "gateway")) {
            assertEquals("h2", s.applicationProtocol().orElseThrow());
            assertEquals("CN=localhost", s.peerCertificates().get(0).toString());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> factory.connect("127.0.0.1", ecdsaServer.port(), "nope"));
        assertTrue(unknown.getMessage().contains("no TLS profile named 'nope'"), unknown.getMessage());
    }

    @Test
    void profileClientKeyAndFragmentLengthAreReadAndApplied() throws Exception {
        Path dir = TestPki.tempDir();
        Path[] files = TestPki.issue(TestPki.Spec.named("profile client").kind(TestPki.KeyKind.P256), ca)
                .write(dir, "client");
        TlsProfile profile = TlsProfile.fromProperties(Map.of("name", "client", "clientKeyFile", files[1].toString(),
                "clientCertificateFiles", files[0].toString(), "tls_max_fragment_length", "1024", "statusRequest", "true"));
        assertEquals(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256),
                profile.clientCredentials().schemes());
        var options = profile.applyTo(SecureSocketOptions.builder().host("h"),
                HandshakePolicy.DEFAULT).build();
        assertEquals(1024, options.extensions().maxFragmentLength());
        assertTrue(options.extensions().statusRequest());
        assertEquals(profile.clientCredentials(), options.clientCredentials());
    }

    @Test
    void profileClientKeysThatCannotBeUsedAreRefusedUpFront() throws Exception {
        Path dir = TestPki.tempDir();
        Path[] files = TestPki.issue(TestPki.Spec.named("profile client").kind(TestPki.KeyKind.P256), ca)
                .write(dir, "client");
        IllegalArgumentException encrypted = assertThrows(IllegalArgumentException.class, () -> TlsProfile
                .fromProperties(Map.of("name", "client", "clientKeyFile", files[1].toString(), "clientCertificateFiles",
                        files[0].toString(), "clientKeyPassword", "secret")));
        assertTrue(encrypted.getMessage().contains("encrypted client keys are not supported"), encrypted::getMessage);
        assertFalse(encrypted.getMessage().contains("secret"));
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class, () -> TlsProfile.fromProperties(
                Map.of("name", "client", "clientKeyFile", files[1].toString())));
        assertTrue(alone.getMessage().contains("go together"), alone::getMessage);
        assertThrows(IllegalArgumentException.class, () -> TlsProfile.fromProperties(Map.of("name", "client",
                "clientKeyFile", "/nonexistent/key.pem", "clientCertificateFiles", files[0].toString())));
        TlsException notAKey = assertThrows(TlsException.class, () -> TlsProfile.fromProperties(Map.of("name", "c",
                "clientKeyFile", files[0].toString(), "clientCertificateFiles", files[0].toString())));
        assertEquals(ErrorCode.CRYPTO_INVALID_KEY, notAKey.code());
    }

    @Test
    void invalidProfilesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TlsProfile.fromProperties(Map.of("serverName", "x")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsProfile.fromProperties(Map.of("name", "a",
                "tls_max_fragment_length", "1000"))).getMessage().contains("512, 1024, 2048 or 4096"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsProfile.fromProperties(Map.of("name", "a",
                "certificateFiles", "/nonexistent/ca.pem"))).getMessage().contains("cannot read certificateFiles"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsProfile.fromProperties(Map.of("name", "a",
                "protocolVersion.min", "TLSv1.3", "protocolVersion.max", "TLSv1.2"))).getMessage()
                .contains("is above"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsProfile.fromProperties(Map.of("name", "a",
                "alpn", "h2"))).getMessage().contains("unknown key 'alpn'"));
    }

    @Test
    void withoutATrustStoreOrAnchorsTheConnectionSaysWhy() {
        TlsException e = assertThrows(TlsException.class,
                () -> factory.connect("localhost", ecdsaServer.port(), Map.of()));
        assertEquals(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, e.code());
        assertTrue(e.getMessage().contains("no TrustStore service is registered"), e.getMessage());
    }
}
