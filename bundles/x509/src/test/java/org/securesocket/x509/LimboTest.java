package org.securesocket.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * Runs every x509-limbo case (C2SP/x509-limbo, Apache-2.0, see x509-limbo/LICENSE and SOURCE):
 * limbo.json and the newer real-site chains of online/ (reported as {@code online-latest::...}).
 * Each case fixes its validation time (injected as a Clock), peer name and maximum depth.
 */
class LimboTest {
    private static final String[] ONLINE = {"akamai.com", "amazon.com", "apple.com", "aws.amazon.com", "bing.com",
        "cloudflare.com", "docs.python.org", "facebook.com", "fastly.com", "google.com", "microsoft.com",
        "s3.amazonaws.com", "stackoverflow.com", "storage.googleapis.com"};

    /** Cases whose expectation contradicts a rule this stack follows on purpose. */
    private static final Map<String, String> SKIPPED = Map.of(
            "webpki::eku::ee-without-eku",
            "pedantic-webpki-eku: issue #4 accepts a leaf without extKeyUsage (EKU is checked when present),"
                    + " as rfc5280::eku::ee-without-eku expects",
            "rfc5280::nc::permitted-dns-match-noncritical",
            "rfc5280-incompatible-with-webpki: the web PKI accepts non-critical nameConstraints,"
                    + " as webpki::nc::permitted-dns-match-noncritical expects",
            "rfc5280::nc::permitted-dn-match",
            "name-constraint-dn: the leaf's only subjectAltName is a directoryName, so it cannot name the case's"
                    + " peer 'example.com' under RFC 9525 (SAN only, no CN); the DN constraint itself is covered by"
                    + " the other name-constraint-dn cases");

    /** Root-profile cases: refused only with {@link ValidationPolicy#withStrictTrustAnchors(boolean)}. */
    private static final Map<String, String> NEED_STRICT_ANCHORS = Map.of(
            "rfc5280::root-non-critical-basic-constraints", "a non-critical basicConstraints",
            "rfc5280::ski::root-missing-ski", "no subjectKeyIdentifier",
            "webpki::aki::root-with-aki-all-fields", "an AKI with authorityCertIssuer and serial");

    /** The failure code asserted for the pathlen, name-constraint and EKU families (and a few more). */
    private static final Map<String, ErrorCode> EXPECTED_CODES = expectedCodes();

    private static Map<String, ErrorCode> expectedCodes() {
        Map<String, ErrorCode> m = new LinkedHashMap<>();
        ErrorCode pathLen = ErrorCode.CERTIFICATE_PATH_LENGTH_EXCEEDED;
        m.put("pathlen::intermediate-violates-pathlen-0", pathLen);
        m.put("pathlen::intermediate-pathlen-too-long", pathLen);
        m.put("pathlen::max-chain-depth-0-exhausted", pathLen);
        m.put("pathlen::max-chain-depth-1-exhausted", pathLen);
        ErrorCode nc = ErrorCode.CERTIFICATE_NAME_CONSTRAINTS;
        for (String id : List.of("permitted-dns-mismatch", "excluded-dns-match", "excluded-dns-match-second",
                "permitted-ip-mismatch", "excluded-ipv4-match", "excluded-ipv6-match", "permitted-dn-mismatch",
                "excluded-dn-match", "permitted-dn-match-subject-san-mismatch", "excluded-dn-match-sub-mismatch",
                "excluded-self-issued-leaf", "excluded-match-permitted-and-excluded", "not-allowed-in-ee-noncritical",
                "not-allowed-in-ee-critical", "intermediate-with-san-rejected-by-intermediate-nc",
                "intermediate-with-san-rejected-by-root-nc", "restrictive-permits-in-intermediates-narrows",
                "restrictive-permits-in-intermediates-widens", "nc-permits-invalid-dns-san", "nc-permits-invalid-ip-san")) {
            m.put("rfc5280::nc::" + id, nc);
        }
        // A constraint that is not a valid domain / CIDR range makes the CA certificate malformed.
        m.put("rfc5280::nc::invalid-dnsname", ErrorCode.CERTIFICATE_MALFORMED);
        m.put("rfc5280::nc::invalid-ipv4-address", ErrorCode.CERTIFICATE_MALFORMED);
        m.put("rfc5280::nc::invalid-ipv6-address", ErrorCode.CERTIFICATE_MALFORMED);
        m.put("webpki::nc::intermediate-permitted-excluded-subtrees-both-null", ErrorCode.CERTIFICATE_MALFORMED);
        m.put("webpki::nc::intermediate-permitted-excluded-subtrees-both-empty-sequences", ErrorCode.CERTIFICATE_MALFORMED);
        ErrorCode eku = ErrorCode.CERTIFICATE_BAD_EXTENDED_KEY_USAGE;
        m.put("rfc5280::eku::ee-wrong-eku", eku);
        m.put("webpki::eku::ee-anyeku", eku);
        m.put("webpki::eku::ee-critical-eku", eku);
        m.put("webpki::eku::root-has-eku", eku);
        m.put("rfc5280::validity::expired-leaf", ErrorCode.CERTIFICATE_EXPIRED);
        m.put("rfc5280::validity::expired-intermediate", ErrorCode.CERTIFICATE_EXPIRED);
        m.put("rfc5280::validity::expired-root", ErrorCode.CERTIFICATE_EXPIRED);
        m.put("rfc5280::chain-untrusted-root", ErrorCode.CERTIFICATE_UNKNOWN_ISSUER);
        m.put("webpki::cryptographydotio-chain-missing-intermediate", ErrorCode.CERTIFICATE_UNKNOWN_ISSUER);
        m.put("rfc5280::intermediate-ca-without-ca-bit", ErrorCode.CERTIFICATE_NOT_A_CA);
        m.put("rfc5280::unknown-critical-extension-ee", ErrorCode.CERTIFICATE_UNSUPPORTED_CRITICAL_EXTENSION);
        m.put("rfc5280::unknown-critical-extension-intermediate", ErrorCode.CERTIFICATE_UNSUPPORTED_CRITICAL_EXTENSION);
        m.put("rfc5280::unknown-critical-extension-root", ErrorCode.CERTIFICATE_UNSUPPORTED_CRITICAL_EXTENSION);
        for (String id : List.of("mismatch-domain-san", "mismatch-subdomain-san", "mismatch-subdomain-apex-san",
                "mismatch-apex-subdomain-san", "public-suffix-wildcard-san", "wildcard-embedded-leftmost-san",
                "wildcard-not-in-leftmost-san", "wildcard-match-across-labels-san", "wildcard-embedded-ulabel-san",
                "no-san")) {
            m.put("webpki::san::" + id, ErrorCode.CERTIFICATE_HOSTNAME_MISMATCH);
        }
        // UTF-8 bytes in an IA5String dNSName: not valid DER.
        m.put("webpki::san::unicode-emoji-san", ErrorCode.CERTIFICATE_MALFORMED);
        return m;
    }

    @Test
    void everyLimboCaseAgreesWithItsExpectedResult() throws IOException {
        List<JsonObject> cases = cases();
        Map<String, String> skips = new LinkedHashMap<>(SKIPPED);
        NEED_STRICT_ANCHORS.forEach((id, what) -> skips.put(id, "the root has " + what + ": refused only with"
                + " strictTrustAnchors, off by default because Mozilla-store roots have it too (run below)"));
        List<String> failures = runAll("limbo", cases, skips, ValidationPolicy.STRICT);
        assertTrue(skips.size() <= 10, "at most 10 skipped");
        assertEquals(List.of(), failures);
    }

    @Test
    void everyLimboCaseAgreesWithStrictTrustAnchors() throws IOException {
        List<String> failures = runAll("limbo (strictTrustAnchors)", cases(), SKIPPED,
                ValidationPolicy.STRICT.withStrictTrustAnchors(true));
        assertEquals(List.of(), failures);
    }

    private static List<JsonObject> cases() throws IOException {
        List<JsonObject> cases = new ArrayList<>();
        for (JsonElement c : load("x509-limbo/limbo.json").getAsJsonObject().getAsJsonArray("testcases")) {
            cases.add(c.getAsJsonObject());
        }
        for (String site : ONLINE) {
            JsonObject c = load("x509-limbo/online/" + site + ".limbo.json").getAsJsonObject();
            c.addProperty("id", c.get("id").getAsString().replace("online::", "online-latest::"));
            cases.add(c);
        }
        assertEquals(135 + ONLINE.length, cases.size());
        return cases;
    }

    /** Runs every case not skipped, prints the summary line, and returns the disagreements. */
    private static List<String> runAll(String name, List<JsonObject> cases, Map<String, String> skips,
            ValidationPolicy policy) {
        int passed = 0;
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonObject c : cases) {
            String id = c.get("id").getAsString();
            if (skips.containsKey(id)) {
                skipped.add(id + ": " + skips.get(id));
                continue;
            }
            String problem = run(c, policy);
            if (problem == null) {
                passed++;
            } else {
                failures.add(id + ": " + problem);
            }
        }
        System.out.println(name + ": passed " + passed + ", failed " + failures.size() + ", skipped " + skipped.size());
        skipped.forEach(s -> System.out.println("  skipped " + s));
        failures.forEach(f -> System.out.println("  FAILED " + f));
        return failures;
    }

    /** Null when the case agrees with its expected result (and code), else what went wrong. */
    private static String run(JsonObject c, ValidationPolicy base) {
        String id = c.get("id").getAsString();
        boolean expectSuccess = c.get("expected_result").getAsString().equals("SUCCESS");
        if (!c.get("validation_kind").getAsString().equals("SERVER")) {
            return "unexpected validation kind " + c.get("validation_kind");
        }
        ValidationPolicy policy = base;
        if (!c.get("max_chain_depth").isJsonNull()) {
            policy = policy.withMaxIntermediates(c.get("max_chain_depth").getAsInt());
        }
        Clock clock = c.get("validation_time").isJsonNull() ? Clock.systemUTC()
                : Clock.fixed(OffsetDateTime.parse(c.get("validation_time").getAsString()).toInstant(), ZoneOffset.UTC);
        String peerName = c.getAsJsonObject("expected_peer_name").get("value").getAsString();
        try {
            List<Certificate> anchors = new ArrayList<>();
            for (JsonElement pem : c.getAsJsonArray("trusted_certs")) {
                anchors.add(certificate(pem));
            }
            List<byte[]> chain = new ArrayList<>();
            chain.add(Transform.pemToDer(c.get("peer_certificate").getAsString()).get(0));
            for (JsonElement pem : c.getAsJsonArray("untrusted_intermediates")) {
                chain.add(Transform.pemToDer(pem.getAsString()).get(0));
            }
            new X509PathValidator(new JcaTlsCrypto(), policy, clock)
                    .validate(chain, new InMemoryTrustStore(anchors), peerName);
            return expectSuccess ? null : "validated, but FAILURE was expected";
        } catch (TlsException e) {
            if (expectSuccess) {
                return "rejected: " + e;
            }
            if (Boolean.getBoolean("limbo.verbose")) {
                System.out.println("  " + id + " -> " + e);
            }
            ErrorCode expected = EXPECTED_CODES.get(id);
            return expected == null || expected == e.code() ? null : "expected " + expected + ", got " + e;
        }
    }

    private static Certificate certificate(JsonElement pem) throws TlsException {
        return Certificate.read(Transform.pemToDer(pem.getAsString()).get(0));
    }

    private static JsonElement load(String resource) throws IOException {
        try (InputStream in = LimboTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

}
