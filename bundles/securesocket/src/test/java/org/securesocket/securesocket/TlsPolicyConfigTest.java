package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.KeyExchange;
import org.securesocket.record.ProtocolVersion;

/** The keys of etc/org.securesocket.tls.cfg as a user writes them, typed values, and every refusal. */
class TlsPolicyConfigTest {

    /** A .cfg file as Karaf reads it: every value a string. */
    static Map<String, Object> cfg(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        Map<String, Object> out = new HashMap<>();
        p.forEach((k, v) -> out.put((String) k, v));
        return out;
    }

    @Test
    void emptyConfigurationIsTheDefaultPolicy() {
        TlsPolicyConfig c = TlsPolicyConfig.fromProperties(Map.of("service.pid", "org.securesocket.tls"));
        assertEquals(HandshakePolicy.DEFAULT.cipherSuites(), c.policy().cipherSuites());
        assertEquals(ProtocolVersion.TLS12, c.policy().minVersion());
        assertEquals(HandshakePolicy.DEFAULT.maxVersion(), c.policy().maxVersion());
        assertEquals(TlsPolicyConfig.DEFAULT.toString(), c.toString());
    }

    /** The defaults the securesocket-core feature writes to etc/org.securesocket.tls.cfg are accepted as they are. */
    @Test
    void theFeaturesDefaultConfigurationIsTheDefaultPolicy() throws IOException {
        String xml = Files.readString(Path.of("../../features/src/main/feature/feature.xml"));
        Matcher m = Pattern.compile("<config name=\"org\\.securesocket\\.tls\">(.*?)</config>", Pattern.DOTALL)
                .matcher(xml);
        assertTrue(m.find(), "no <config name=\"org.securesocket.tls\"> in the feature");
        Map<String, Object> shipped = cfg(m.group(1));
        assertEquals(TlsPolicyConfig.keys(), shipped.keySet());
        assertEquals(TlsPolicyConfig.DEFAULT.toString(), TlsPolicyConfig.fromProperties(shipped).toString());
    }

    @Test
    void familyKeysAsWrittenInTheCfgFile() throws IOException {
        TlsPolicyConfig c = TlsPolicyConfig.fromProperties(cfg("""
                ECDHE_RSA = false
                DHE_RSA = true
                RSA = false
                CBC = false
                """));
        assertFalse(c.policy().cipherSuites().isEmpty());
        // The families switch TLS 1.2-and-below suites only; the TLS 1.3 suites stay (issue #9).
        assertTrue(c.policy().cipherSuites().stream().filter(s -> s.keyExchange() != KeyExchange.TLS13_ANY)
                .allMatch(s -> s.isAead() && (s.keyExchange() == KeyExchange.ECDHE_ECDSA
                        || s.keyExchange() == KeyExchange.DHE_RSA)), c.policy().cipherSuites().toString());
        assertTrue(c.policy().cipherSuites().containsAll(List.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384)), c.policy().cipherSuites().toString());
        assertTrue(c.policy().cipherSuites().containsAll(java.util.Arrays.stream(CipherSuite.values())
                .filter(s -> s.keyExchange() == KeyExchange.TLS13_ANY).toList()), c.policy().cipherSuites().toString());
        TlsPolicyConfig noEcdsa = TlsPolicyConfig.fromProperties(cfg("ECDHE_ECDSA=false"));
        assertTrue(noEcdsa.policy().cipherSuites().stream().filter(s -> s.keyExchange() != KeyExchange.TLS13_ANY)
                .allMatch(s -> s.keyExchange() == KeyExchange.ECDHE_RSA));
    }

    /** Issue #9: a minimum below TLS 1.2 turns the CBC family on (ECDHE CBC-SHA), an explicit false keeps it off. */
    @Test
    void legacyMinimumTurnsCbcOnUnlessSetToFalse() throws IOException {
        List<CipherSuite> legacy = TlsPolicyConfig.fromProperties(cfg("protocolVersion.min = TLSv1")).policy()
                .cipherSuites();
        assertTrue(legacy.contains(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA), legacy.toString());
        assertTrue(legacy.contains(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA), legacy.toString());
        assertTrue(legacy.stream().noneMatch(s -> s.keyExchange() == KeyExchange.RSA
                || s.keyExchange() == KeyExchange.DHE_RSA), legacy.toString());
        assertTrue(legacy.stream().anyMatch(s -> s.supports(ProtocolVersion.TLS10)));
        assertEquals(HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS10, ProtocolVersion.TLS13).cipherSuites()
                .stream().filter(s -> s.supports(ProtocolVersion.TLS10)).toList(),
                legacy.stream().filter(s -> s.supports(ProtocolVersion.TLS10)).toList());
        List<CipherSuite> noCbc = TlsPolicyConfig.fromProperties(cfg("protocolVersion.min = TLSv1\nCBC = false"))
                .policy().cipherSuites();
        assertTrue(noCbc.stream().allMatch(CipherSuite::isAead), noCbc.toString());
        List<CipherSuite> withRsa = TlsPolicyConfig.fromProperties(cfg("RSA = true\nCBC = true")).policy()
                .cipherSuites();
        assertTrue(withRsa.containsAll(List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
                CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)));
    }

    /** Naming a suite enables it; only a family set to false filters an explicit list. */
    @Test
    void explicitListEnablesItsSuitesUnlessTheirFamilyIsSetToFalse() throws IOException {
        String list = "cipherSuites = TLS_RSA_WITH_AES_128_CBC_SHA, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,"
                + " TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256\n";
        assertEquals(List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256),
                TlsPolicyConfig.fromProperties(cfg(list)).policy().cipherSuites());
        assertEquals(List.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256),
                TlsPolicyConfig.fromProperties(cfg(list + "CBC = false")).policy().cipherSuites());
        assertEquals(3072, TlsPolicyConfig.fromProperties(cfg("minDhBits = 3072")).policy().minDhBits());
    }

    @Test
    void familiesFilterByTheTableColumns() {
        for (CipherSuite s : CipherSuite.values()) {
            assertTrue(TlsPolicyConfig.inFamily(s, s.keyExchange().name()), s.name());
            assertEquals(s.keyExchange() == KeyExchange.DHE_RSA, TlsPolicyConfig.inFamily(s, "DHE_RSA"), s.name());
            assertEquals(s.keyExchange() == KeyExchange.RSA, TlsPolicyConfig.inFamily(s, "RSA"), s.name());
            assertEquals(s.name().contains("_CBC_"), TlsPolicyConfig.inFamily(s, "CBC"), s.name());
        }
    }

    @Test
    void explicitSuiteListKeepsItsOrderAndVersionsGroupsSchemesAndNumbers() throws IOException {
        TlsPolicyConfig c = TlsPolicyConfig.fromProperties(cfg("""
                protocolVersion.min = TLSv1.2
                protocolVersion.max = 0x303
                cipherSuites = TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
                namedGroups = secp384r1,x25519
                signatureSchemes = ecdsa_secp384r1_sha384, rsa_pss_rsae_sha256
                minRsaBits = 3072
                minDhBits = 3072
                sessionCache.size = 10
                sessionCache.lifetime = 600
                handshakeTimeout = 5000
                trace = true
                """));
        HandshakePolicy p = c.policy();
        assertEquals(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384), p.cipherSuites());
        assertEquals(List.of(NamedGroup.SECP384R1, NamedGroup.X25519), p.groups());
        assertEquals(List.of(SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA256),
                p.signatureSchemes());
        assertEquals(ProtocolVersion.TLS12, p.minVersion());
        assertEquals(ProtocolVersion.TLS12, p.maxVersion());
        assertEquals(3072, p.minRsaBits());
        assertEquals(Duration.ofMillis(5000), p.handshakeTimeout());
        assertEquals(3072, c.minDhBits());
        assertEquals(10, c.sessionCacheSize());
        assertEquals(Duration.ofSeconds(600), c.sessionCacheLifetime());
        assertTrue(c.trace());
    }

    @Test
    void typedValuesAsTheWebConsoleSendsThem() {
        TlsPolicyConfig c = TlsPolicyConfig.fromProperties(Map.of("ECDHE_ECDSA", Boolean.FALSE,
                "cipherSuites", new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"},
                "minRsaBits", 4096, "handshakeTimeout", 1500L, "protocolVersion.min", "1.2"));
        assertEquals(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), c.policy().cipherSuites());
        assertEquals(4096, c.policy().minRsaBits());
        assertEquals(Duration.ofMillis(1500), c.policy().handshakeTimeout());
    }

    @Test
    void everyInvalidValueIsRefusedWithItsReason() throws IOException {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("DHE.RSA = false", "unknown key 'DHE.RSA'"),
                Map.entry("ECDHE_RSA = maybe", "ECDHE_RSA must be true or false"),
                Map.entry("minRsaBits = 512", "minRsaBits must be between 1024"),
                Map.entry("minRsaBits = lots", "minRsaBits must be a number"),
                Map.entry("minDhBits = 512", "minDhBits must be between 1024"),
                Map.entry("cipherSuites = TLS_RSA_WITH_RC4_128_MD5", "cipherSuites: unknown name 'TLS_RSA_WITH_RC4_128_MD5'"),
                Map.entry("cipherSuites = TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                        "is listed twice"),
                Map.entry("ECDHE_RSA = false\nECDHE_ECDSA = false\nprotocolVersion.max = TLSv1.2",
                        "no cipher suite is left to offer"),
                Map.entry("namedGroups = curve448", "namedGroups: unknown name 'curve448'"),
                Map.entry("signatureSchemes = rsa_pkcs1_md5_sha1", "signatureSchemes: unknown name"),
                Map.entry("protocolVersion.min = SSLv3", "protocolVersion.min must be one of"),
                Map.entry("protocolVersion.min = TLSv1.2\nprotocolVersion.max = TLSv1.1", "is above protocolVersion.max"),
                Map.entry("handshakeTimeout = 0", "handshakeTimeout must be between 1"),
                Map.entry("sessionCache.size = -1", "sessionCache.size must be between 0"),
                Map.entry("trace = yes", "trace must be true or false"));
        for (Map.Entry<String, String> e : bad.entrySet()) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> TlsPolicyConfig.fromProperties(cfg(e.getKey())), e.getKey());
            assertTrue(x.getMessage().contains(e.getValue()), e.getKey() + " -> " + x.getMessage());
        }
    }

    @Test
    void versionSpellings() throws IOException {
        for (String s : List.of("TLSv1.2", "1.2", "TLS12", "0x303", "0x0303", "tlsv1.2")) {
            assertEquals(ProtocolVersion.TLS12, TlsPolicyConfig.fromProperties(cfg("protocolVersion.max=" + s))
                    .policy().maxVersion(), s);
        }
        assertEquals(ProtocolVersion.TLS10, TlsPolicyConfig.fromProperties(cfg("protocolVersion.min=TLSv1"))
                .policy().minVersion());
    }

    /** The metatype bnd generated from the annotations names exactly the keys the mapping reads. */
    @Test
    void metatypeKeysAreTheMappingsKeys() throws IOException {
        assertEquals(new TreeSet<>(TlsPolicyConfig.keys()), attributeIds(
                "org.securesocket.securesocket.internal.SecureSocketFactoryComponent$Config.xml"));
        assertEquals(new TreeSet<>(TlsProfile.keys()), attributeIds(
                "org.securesocket.securesocket.internal.TlsProfileComponent$Config.xml"));
    }

    private static Set<String> attributeIds(String file) throws IOException {
        try (InputStream in = TlsPolicyConfigTest.class.getResourceAsStream("/OSGI-INF/metatype/" + file)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> ids = new TreeSet<>();
            Matcher m = Pattern.compile("<AD [^>]*id=\"([^\"]+)\"").matcher(xml);
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        }
    }
}
