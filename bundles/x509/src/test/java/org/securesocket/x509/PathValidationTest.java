package org.securesocket.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.securesocket.x509.TestPki.NOW;
import static org.securesocket.x509.TestPki.intermediate;
import static org.securesocket.x509.TestPki.leaf;
import static org.securesocket.x509.TestPki.root;

import java.security.KeyPair;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/** Generated chains: one valid shape per supported algorithm, and one failing chain per error code. */
class PathValidationTest {
    private static final JcaTlsCrypto CRYPTO = new JcaTlsCrypto();

    private static ValidatedPath validate(ValidationPolicy policy, List<TestPki.Spec> anchors, String host,
            TestPki.Spec... chain) throws TlsException {
        List<byte[]> der = new ArrayList<>();
        for (TestPki.Spec s : chain) {
            der.add(s.der());
        }
        List<Certificate> trusted = new ArrayList<>();
        for (TestPki.Spec a : anchors) {
            trusted.add(a.issue());
        }
        return new X509PathValidator(CRYPTO, policy, Clock.fixed(NOW, ZoneOffset.UTC))
                .validate(der, new InMemoryTrustStore(trusted), host);
    }

    private static ValidatedPath validate(TestPki.Spec anchor, String host, TestPki.Spec... chain) throws TlsException {
        return validate(ValidationPolicy.STRICT, List.of(anchor), host, chain);
    }

    private static TlsException rejected(ErrorCode code, TestPki.Spec anchor, String host, TestPki.Spec... chain) {
        return rejected(code, ValidationPolicy.STRICT, anchor, host, chain);
    }

    private static TlsException rejected(ErrorCode code, ValidationPolicy policy, TestPki.Spec anchor, String host,
            TestPki.Spec... chain) {
        TlsException e = assertThrows(TlsException.class, () -> validate(policy, List.of(anchor), host, chain));
        assertEquals(code, e.code(), e.toString());
        assertEquals(code.defaultAlert().orElseThrow(), e.alert().orElseThrow());
        return e;
    }

    @Test
    void validChainsWithEveryKeyTypeAndSignatureScheme() throws TlsException {
        TestPki.Spec ecRoot = root("EC Root");
        TestPki.Spec ica = intermediate("EC Issuing CA", ecRoot);
        ValidatedPath path = validate(ecRoot, "example.com", leaf("example.com", ica), ica);
        assertEquals(3, path.certificates().size());
        assertEquals("CN=EC Root", path.anchor().subject().toString());

        KeyPair rsa = TestPki.rsa(2048);
        TestPki.Spec rsaRoot = root("RSA Root", rsa);
        validate(rsaRoot, "a.example", leaf("a.example", rsaRoot).signedWith("SHA384withRSA"));
        validate(rsaRoot, "b.example", leaf("b.example", rsaRoot).signedWith("SHA256withRSAandMGF1"));
        validate(rsaRoot, "c.example", leaf("c.example", rsaRoot).signedWith("SHA512withRSAandMGF1"));
        TestPki.Spec edRoot = root("Ed25519 Root", TestPki.ed25519());
        validate(edRoot, "d.example", leaf("d.example", edRoot));
        validate(ecRoot, "e.example", leaf("e.example", ecRoot).signedWith("SHA384withECDSA"));
    }

    @Test
    void outOfOrderExtraAndCrossSignedCertificatesStillBuildAPath() throws TlsException {
        TestPki.Spec oldRoot = root("Old Root");
        TestPki.Spec newRoot = root("New Root");
        TestPki.Spec ica = intermediate("Issuing CA", oldRoot);
        // The same CA (subject and key) cross-signed by the new root.
        TestPki.Spec icaCross = TestPki.intermediate("Issuing CA", newRoot, ica.keys());
        TestPki.Spec stranger = leaf("unrelated.example", root("Unrelated Root"));
        TestPki.Spec leaf = leaf("example.com", ica);
        ValidatedPath path = validate(ValidationPolicy.STRICT, List.of(newRoot), "example.com",
                leaf, stranger, ica, newRoot, icaCross);
        assertEquals("CN=New Root", path.anchor().subject().toString());
        assertEquals(3, path.certificates().size());
    }

    @Test
    void expiredAndNotYetValid() {
        TestPki.Spec r = root("Root");
        rejected(ErrorCode.CERTIFICATE_EXPIRED, r, "example.com",
                leaf("example.com", r).validity(NOW.minus(60, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS)));
        rejected(ErrorCode.CERTIFICATE_NOT_YET_VALID, r, "example.com",
                leaf("example.com", r).validity(NOW.plus(1, ChronoUnit.DAYS), NOW.plus(60, ChronoUnit.DAYS)));
    }

    @Test
    void hostnameMismatchNamesTheCertificate() {
        TestPki.Spec r = root("Root");
        TlsException e = rejected(ErrorCode.CERTIFICATE_HOSTNAME_MISMATCH, r, "other.example", leaf("example.com", r));
        assertTrue(e.getMessage().contains("CN=example.com") && e.getMessage().contains("DNS:example.com"), e.getMessage());
    }

    @Test
    void unknownIssuerOnlyWhenNoCandidateExists() {
        TestPki.Spec trusted = root("Trusted Root");
        TestPki.Spec other = root("Other Root");
        rejected(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, trusted, "example.com", leaf("example.com", other));
        // Missing intermediate
        TestPki.Spec ica = intermediate("Issuing CA", trusted);
        rejected(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, trusted, "example.com", leaf("example.com", ica));
        // A candidate exists but is not a CA: that failure is reported, not unknown_issuer.
        TestPki.Spec notCa = leaf("not-a-ca.example", trusted).ca(false, -1)
                .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature);
        TestPki.Spec below = leaf("example.com", notCa);
        rejected(ErrorCode.CERTIFICATE_NOT_A_CA, trusted, "example.com", below, notCa);
        TestPki.Spec noBasicConstraints = intermediate("No BC", trusted).ca(null, -1);
        rejected(ErrorCode.CERTIFICATE_NOT_A_CA, trusted, "example.com", leaf("example.com", noBasicConstraints),
                noBasicConstraints);
    }

    @Test
    void aDirectlyTrustedSelfSignedLeafIsAcceptedOnlyWhenInTheStore() throws TlsException {
        TestPki.Spec device = TestPki.root("device.local").ca(false, -1)
                .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature).dns("device.local");
        ValidatedPath path = validate(ValidationPolicy.STRICT, List.of(device), "device.local", device);
        assertEquals(1, path.certificates().size());
        assertEquals(path.leaf(), path.anchor());
        rejected(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, root("Other"), "device.local", device);
        rejected(ErrorCode.CERTIFICATE_HOSTNAME_MISMATCH, device, "other.local", device);
    }

    @Test
    void badSignatureFromAnImpostorWithTheIssuersName() {
        TestPki.Spec real = root("Root");
        TestPki.Spec impostor = root("Root");
        rejected(ErrorCode.CERTIFICATE_BAD_SIGNATURE, real, "example.com", leaf("example.com", impostor));
    }

    @Test
    void pathLengthAndMaximumDepth() throws TlsException {
        TestPki.Spec r = root("Root");
        TestPki.Spec i1 = intermediate("ICA 1", r).ca(true, 0);
        TestPki.Spec i2 = intermediate("ICA 2", i1);
        rejected(ErrorCode.CERTIFICATE_PATH_LENGTH_EXCEEDED, r, "example.com", leaf("example.com", i2), i2, i1);
        TestPki.Spec j1 = intermediate("ICA 1", r);
        TestPki.Spec j2 = intermediate("ICA 2", j1);
        TestPki.Spec leaf = leaf("example.com", j2);
        validate(r, "example.com", leaf, j2, j1);
        rejected(ErrorCode.CERTIFICATE_PATH_LENGTH_EXCEEDED, ValidationPolicy.STRICT.withMaxIntermediates(1), r,
                "example.com", leaf, j2, j1);
    }

    @Test
    void nameConstraintsOnDnsAndIp() throws TlsException {
        TestPki.Spec r = root("Root").permitted(new GeneralName(GeneralName.dNSName, "example.com"),
                new GeneralName(GeneralName.iPAddress, "192.0.2.0/24"));
        validate(r, "www.example.com", leaf("www.example.com", r));
        rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, r, "example.org", leaf("example.org", r));
        rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, r, "www.example.com", leaf("www.example.com", r).ip("198.51.100.1"));
        TestPki.Spec ex = root("Root").excluded(new GeneralName(GeneralName.dNSName, "internal.example.com"));
        TestPki.Spec ica = intermediate("ICA", ex);
        rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, ex, "a.internal.example.com",
                leaf("a.internal.example.com", ica), ica);
    }

    @Test
    void nameConstraintsOnEmailUriDirectoryNamesAndWildcards() throws TlsException {
        TestPki.Spec mail = root("Mail Root").permitted(new GeneralName(GeneralName.rfc822Name, ".example.com"),
                new GeneralName(GeneralName.rfc822Name, "boss@example.org"));
        validate(mail, "a.example.com", leaf("a.example.com", mail).dns("a.example.com").email("x@mx.example.com"));
        validate(mail, "a.example.com", leaf("a.example.com", mail).email("boss@example.org"));
        rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, mail, "a.example.com",
                leaf("a.example.com", mail).email("x@example.com"));
        rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, mail, "a.example.com",
                leaf("a.example.com", mail).email("clerk@example.org"));

        TestPki.Spec web = root("Web Root").permitted(new GeneralName(GeneralName.uniformResourceIdentifier, "api.example.com"));
        validate(web, "a.example", leaf("a.example", web).uri("https://api.example.com:8443/v1"));
        rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, web, "a.example", leaf("a.example", web).uri("https://evil.example/"));
        rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, web, "a.example", leaf("a.example", web).uri("urn:isbn:123"));

        TestPki.Spec dir = root("Dir Root").permitted(new GeneralName(new org.bouncycastle.asn1.x500.X500Name("CN=allowed")));
        rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, dir, "allowed.example", leaf("allowed.example", dir));

        // A wildcard that could stand for an excluded name is refused.
        TestPki.Spec ex = root("Root").excluded(new GeneralName(GeneralName.dNSName, "secret.example.com"));
        rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, ex, "www.example.com",
                leaf("www.example.com", ex).dns("*.example.com"));
        validate(ex, "www.example.com", leaf("www.example.com", ex).dns("*.public.example.com"));
    }

    @Test
    void nameConstraintWorkIsBounded() {
        GeneralName[] bases = new GeneralName[600];
        for (int i = 0; i < bases.length; i++) {
            bases[i] = new GeneralName(GeneralName.dNSName, "d" + i + ".example");
        }
        TestPki.Spec r = root("Root").permitted(bases);
        TestPki.Spec leaf = leaf("d0.example", r);
        for (int i = 1; i < 500; i++) {
            leaf.dns("h" + i + ".d" + i + ".example");
        }
        TlsException e = rejected(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, r, "d0.example", leaf);
        assertTrue(e.getMessage().contains("more comparisons than"), e.getMessage());
    }

    @Test
    void keyUsageAndExtendedKeyUsage() {
        TestPki.Spec r = root("Root");
        TestPki.Spec noCertSign = intermediate("ICA", r).keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature);
        rejected(ErrorCode.CERTIFICATE_BAD_KEY_USAGE, r, "example.com", leaf("example.com", noCertSign), noCertSign);
        rejected(ErrorCode.CERTIFICATE_BAD_EXTENDED_KEY_USAGE, r, "example.com",
                leaf("example.com", r).eku(KeyPurposeId.id_kp_clientAuth));
        TestPki.Spec clientOnlyCa = intermediate("Client CA", r).eku(KeyPurposeId.id_kp_clientAuth);
        rejected(ErrorCode.CERTIFICATE_BAD_EXTENDED_KEY_USAGE, r, "example.com", leaf("example.com", clientOnlyCa),
                clientOnlyCa);
    }

    @Test
    void unsupportedCriticalExtension() {
        TestPki.Spec r = root("Root");
        rejected(ErrorCode.CERTIFICATE_UNSUPPORTED_CRITICAL_EXTENSION, r, "example.com",
                leaf("example.com", r).unknownCriticalExtension());
    }

    @Test
    void weakKeysAndSignatureAlgorithmsFollowThePolicy() throws TlsException {
        TestPki.Spec r = root("Root");
        rejected(ErrorCode.CERTIFICATE_WEAK_KEY, r, "example.com", leaf("example.com", r, TestPki.rsa(1024)));
        validate(ValidationPolicy.STRICT.withMinRsaBits(1024), List.of(r), "example.com",
                leaf("example.com", r, TestPki.rsa(1024)));
        TestPki.Spec sha1 = leaf("example.com", r).signedWith("SHA1withECDSA");
        rejected(ErrorCode.CERTIFICATE_WEAK_SIGNATURE_ALGORITHM, r, "example.com", sha1);
        validate(ValidationPolicy.STRICT.withAllowSha1Signatures(true), List.of(r), "example.com", sha1);
        TestPki.Spec rsaRoot = root("RSA Root", TestPki.rsa(2048));
        rejected(ErrorCode.CERTIFICATE_WEAK_SIGNATURE_ALGORITHM, ValidationPolicy.STRICT.withAllowSha1Signatures(true),
                rsaRoot, "example.com", leaf("example.com", rsaRoot).signedWith("MD5withRSA"));
    }

    @Test
    void rsaPssParametersMustBeTheTlsForms() throws TlsException {
        TestPki.Spec rsaRoot = root("RSA Root", TestPki.rsa(2048));
        validate(rsaRoot, "a.example", leaf("a.example", rsaRoot).signedWithPss(
                new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1)));
        rejected(ErrorCode.CERTIFICATE_WEAK_SIGNATURE_ALGORITHM, rsaRoot, "b.example", leaf("b.example", rsaRoot)
                .signedWithPss(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1)));
        rejected(ErrorCode.CERTIFICATE_WEAK_SIGNATURE_ALGORITHM, rsaRoot, "d.example", leaf("d.example", rsaRoot)
                .signedWithPss(new PSSParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, 20, 1)));
    }

    @Test
    void malformedCertificatesAreRejectedWithTheirPosition() {
        TestPki.Spec r = root("Root");
        byte[] good = leaf("example.com", r).der();
        byte[] bad = java.util.Arrays.copyOf(good, good.length - 1);
        TlsException e = assertThrows(TlsException.class, () -> new X509PathValidator(CRYPTO, ValidationPolicy.STRICT,
                Clock.fixed(NOW, ZoneOffset.UTC)).validate(List.of(bad), new InMemoryTrustStore(List.of(r.issue())), null));
        assertEquals(ErrorCode.CERTIFICATE_MALFORMED, e.code());
        assertEquals(Alert.BAD_CERTIFICATE, e.alert().orElseThrow());
        assertTrue(e.getMessage().startsWith("certificate 0 of the peer's list"), e.getMessage());
    }

    @Test
    void emptyAndOversizedPeerListsAreRefused() {
        X509PathValidator validator = new X509PathValidator(CRYPTO, ValidationPolicy.STRICT, Clock.fixed(NOW, ZoneOffset.UTC));
        InMemoryTrustStore none = new InMemoryTrustStore(List.of());
        assertEquals(ErrorCode.CERTIFICATE_MALFORMED,
                assertThrows(TlsException.class, () -> validator.validate(List.of(), none, null)).code());
        byte[] one = leaf("example.com", root("Root")).der();
        List<byte[]> many = java.util.Collections.nCopies(X509PathValidator.MAX_PEER_CERTIFICATES + 1, one);
        assertEquals(ErrorCode.CERTIFICATE_MALFORMED,
                assertThrows(TlsException.class, () -> validator.validate(many, none, null)).code());
    }

    @Test
    void pathBuildingEffortIsBounded() {
        // Twelve self-issued certificates of one CA under one key: each can sign every other, so an
        // unbounded depth-first search would try every ordering (12! paths).
        KeyPair loopKey = TestPki.ec();
        List<TestPki.Spec> chain = new ArrayList<>();
        TestPki.Spec first = TestPki.root("Loop CA", loopKey);
        chain.add(leaf("example.com", first));
        for (int i = 0; i < 12; i++) {
            chain.add(TestPki.root("Loop CA", loopKey));
        }
        TestPki.Spec trusted = root("Trusted Root");
        TlsException e = rejected(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, trusted, "example.com",
                chain.toArray(new TestPki.Spec[0]));
        assertTrue(e.getMessage().contains("stopped after " + ValidationPolicy.DEFAULT_MAX_PATH_BUILDING_STEPS), e.getMessage());
        // A budget spent on the way down, before anything failed, is still reported.
        TlsException tiny = rejected(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER,
                ValidationPolicy.STRICT.withMaxPathBuildingSteps(1), trusted, "example.com",
                chain.toArray(new TestPki.Spec[0]));
        assertTrue(tiny.getMessage().contains("stopped after 1 candidate"), tiny.getMessage());
    }
}
