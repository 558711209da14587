package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.KeyExchange;
import org.securesocket.handshake.KeyLogSink;
import org.securesocket.handshake.SessionCache;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.testing.TestPki;

/** The original's option dictionary maps onto the typed options, and refuses what it cannot honour. */
class OptionMapsTest {
    private static final KeyLogSink KEY_LOG = (label, random, secret) -> { };

    @Test
    void theSecureDictionaryAndItsDefaults() throws Exception {
        String pem = TestPki.selfSigned(TestPki.Spec.named("Map CA").ca(null)).certificatePem();
        SecureSocketOptions o = OptionMaps.fromMap(Map.of("address", "gateway.local", "port", 8883, "noDelay", false,
                "keepalive", true, "timeout", 1500, "secure", Map.of("protocolVersion", 0x303, "certificate", pem,
                        "verify", true, "serverName", "broker.example", "applicationLayerProtocolNegotiation",
                        List.of("mqtt"), "cache", true, "keyLog", KEY_LOG)));
        assertEquals("gateway.local", o.host());
        assertEquals(8883, o.port());
        assertFalse(o.noDelay());
        assertTrue(o.keepAlive());
        assertEquals(Duration.ofMillis(1500), o.timeout());
        assertEquals(Duration.ofMillis(1500), o.policy().handshakeTimeout());
        assertEquals(ProtocolVersion.TLS12, o.policy().minVersion());
        assertEquals("CN=Map CA", o.certificates().get(0).toString());
        assertEquals("broker.example", o.effectiveServerName());
        assertEquals(List.of("mqtt"), o.alpn());
        assertTrue(o.verify());
        assertEquals(KEY_LOG, o.keyLog());

        SecureSocketOptions defaults = OptionMaps.fromMap(Map.of("host", "example.com", "secure", true));
        assertEquals(443, defaults.port());
        assertTrue(defaults.verify());
        assertEquals(ProtocolVersion.TLS12, defaults.policy().minVersion());
        assertEquals("example.com", defaults.effectiveServerName());
        assertEquals(KeyLogSink.NONE, defaults.keyLog());
    }

    /** The original's protocolVersion 0x301 is a minimum: TLS 1.0 and the ECDHE CBC-SHA suites it needs (issue #9). */
    @Test
    void aLegacyProtocolVersionBringsTheCbcSuitesItNeeds() throws Exception {
        SecureSocketOptions o = OptionMaps.fromMap(Map.of("host", "h", "secure", Map.of("protocolVersion", 0x301)));
        assertEquals(ProtocolVersion.TLS10, o.policy().minVersion());
        assertEquals(ProtocolVersion.TLS13, o.policy().maxVersion());
        assertTrue(o.policy().cipherSuites().contains(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA));
        assertTrue(o.policy().cipherSuites().stream().noneMatch(s -> s.keyExchange() == KeyExchange.RSA));
        assertFalse(OptionMaps.fromMap(Map.of("host", "h", "secure", Map.of("protocolVersion", 0x303))).policy()
                .cipherSuites().stream().anyMatch(s -> !s.isAead()));
    }

    @Test
    void cacheFalseDropsTheSessionCacheOfTheBase() throws Exception {
        SessionCache cache = new SessionCache(Clock.systemUTC(), 2);
        SecureSocketOptions.Builder base = SecureSocketOptions.builder().sessions(cache);
        assertSame(cache, OptionMaps.fromMap(Map.of("host", "h", "secure", Map.of("cache", true)), base).sessions());
        base = SecureSocketOptions.builder().sessions(cache);
        assertNull(OptionMaps.fromMap(Map.of("host", "h", "secure", Map.of("cache", false)), base).sessions());
    }

    @Test
    void maxFragmentLengthFollowsTheOriginalsRoundingAndStatusRequestIsOptIn() throws Exception {
        assertEquals(0, OptionMaps.fromMap(Map.of("host", "h")).extensions().maxFragmentLength());
        assertFalse(OptionMaps.fromMap(Map.of("host", "h")).extensions().statusRequest());
        assertEquals(512, OptionMaps.fromMap(Map.of("host", "h", "secure", Map.of("tls_max_fragment_length", 100)))
                .extensions().maxFragmentLength());
        assertEquals(2048, OptionMaps.fromMap(Map.of("host", "h", "tls_max_fragment_length", "3000"))
                .extensions().maxFragmentLength());
        assertEquals(4096, OptionMaps.fromMap(Map.of("host", "h", "tls_max_fragment_length", 65536))
                .extensions().maxFragmentLength());
        assertTrue(OptionMaps.fromMap(Map.of("host", "h", "secure", Map.of("statusRequest", true))).extensions()
                .statusRequest());
    }

    /** The original's clientKey (DER, here PKCS#8, PKCS#1 and SEC1) and clientCertificates (DER array), or PEM. */
    @Test
    void clientKeyAndCertificatesMakeCredentials() throws Exception {
        TestPki.Issued ca = TestPki
                .selfSigned(TestPki.Spec.named("Options CA").ca(null));
        for (var kind : List.of(TestPki.KeyKind.RSA_2048,
                TestPki.KeyKind.P256,
                TestPki.KeyKind.ED25519)) {
            var client = TestPki.issue(
                    TestPki.Spec.named("options client").kind(kind), ca);
            byte[] leaf = client.certificate().getEncoded();
            var fromDer = OptionMaps.fromMap(Map.of("host", "h", "secure", Map.of("clientKey",
                    client.key().getEncoded(), "clientCertificates", List.of(leaf, ca.certificate().getEncoded()))))
                    .clientCredentials();
            assertEquals(2, fromDer.certificateChain().size());
            assertArrayEquals(leaf, fromDer.certificateChain().get(0));
            assertArrayEquals(client.key().getEncoded(), fromDer.pkcs8PrivateKey());
            // the key file as OpenSSL writes it (PKCS#8 or SEC1 PEM), the chain as PEM text
            var fromPem = OptionMaps.fromMap(Map.of("host", "h", "clientKey", client.keyPem(),
                    "clientCertificates", client.certificatePem())).clientCredentials();
            assertEquals(fromDer.schemes(), fromPem.schemes());
            assertArrayEquals(leaf, fromPem.certificateChain().get(0));
        }
        assertThrows(IllegalArgumentException.class, () -> OptionMaps.fromMap(Map.of("host", "h",
                "clientCertificates", ca.certificatePem())));
        // the CA's certificate with another key of the same type: refused before any handshake
        var other = TestPki.issue(TestPki.Spec.named("other").kind(TestPki.KeyKind.P256), ca);
        TlsException mismatch = assertThrows(TlsException.class, () -> OptionMaps.clientCredentials(
                other.key().getEncoded(), ca.certificate().getEncoded()));
        assertEquals(ErrorCode.CRYPTO_INVALID_KEY, mismatch.code());
        assertTrue(mismatch.getMessage().contains("does not belong to the certificate 'CN=Options CA'"),
                mismatch::getMessage);
        var rsa = TestPki.issue(TestPki.Spec.named("rsa").kind(TestPki.KeyKind.RSA_2048), ca);
        assertEquals(ErrorCode.CRYPTO_INVALID_KEY, assertThrows(TlsException.class, () -> OptionMaps.clientCredentials(
                rsa.key().getEncoded(), ca.certificate().getEncoded())).code());
    }

    @Test
    void unknownKeysWrongTypesAndLaterOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OptionMaps.fromMap(Map.of("host", "h", "colour", "red")));
        assertThrows(IllegalArgumentException.class, () -> OptionMaps.fromMap(Map.of("host", "h", "verify", "yes")));
        assertThrows(IllegalArgumentException.class, () -> OptionMaps.fromMap(Map.of("host", "h", "secure", false)));
        assertThrows(IllegalArgumentException.class, () -> OptionMaps.fromMap(Map.of("host", "h",
                "secure", Map.of("clientKey", new byte[] {0x30, 0}))));
        assertThrows(IllegalArgumentException.class, () -> OptionMaps.fromMap(Map.of("host", "h",
                "secure", Map.of("statusRequest", "yes"))));
        assertThrows(IllegalArgumentException.class, () -> OptionMaps.fromMap(Map.of("host", "h",
                "protocolVersion", 0x300)));
        assertThrows(IllegalArgumentException.class, () -> OptionMaps.fromMap(Map.of("port", 443)));
        assertThrows(IllegalArgumentException.class, () -> OptionMaps.fromMap(Map.of("host", "h",
                "secure", Map.of("keyLog", "/tmp/keys.log"))));
    }
}
