package org.securesocket.certstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.Pem;

/** Selection by configuration, additional anchors and the named missing-anchor errors. */
class CertStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static BundledRoots mozilla;

    @BeforeAll
    static void load() throws Exception {
        mozilla = BundledRoots.load();
    }

    private static CertStore mozilla(List<String> include, List<String> exclude) throws IOException {
        return new CertStore(mozilla, new Selection(include, exclude, List.of(), true), NOW);
    }

    private static IndexEntry bySubject(String subject) {
        return mozilla.index().entries().stream().filter(e -> e.subject().equals(subject)).findFirst().orElseThrow();
    }

    private static String colonHex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }

    @Test
    void byDefaultEveryBundledRootButTheExpiredOnesIsTrusted() throws Exception {
        CertStore store = new CertStore(mozilla, Selection.DEFAULT, NOW);
        assertEquals(138, store.anchors().size());
        Set<String> expired = store.omitted().entrySet().stream()
                .peek(o -> assertEquals(CertStore.Omission.EXPIRED, o.getValue()))
                .map(o -> o.getKey().name()).collect(Collectors.toSet());
        assertEquals(Set.of("ca16", "ca47", "ca75", "ca107"), expired);
        CertStore all = new CertStore(mozilla, new Selection(List.of(), List.of(), List.of(), false), NOW);
        assertEquals(142, all.anchors().size());
        assertEquals("20230311", store.version());
        assertTrue(store.source().startsWith("Mozilla CA certificate program"), store.source());
    }

    @Test
    void includeAndExcludeSelectByNumberOrFingerprint() throws Exception {
        IndexEntry isrg = bySubject("CN=ISRG Root X1,O=Internet Security Research Group,C=US");
        Certificate isrgRoot = mozilla.certificates().get(isrg.number());
        String fingerprint = colonHex(MessageDigest.getInstance("SHA-256").digest(isrgRoot.encoded()));
        CertStore only = mozilla(List.of(fingerprint, "ca5", "7"), List.of());
        assertEquals(List.of(mozilla.certificates().get(5), mozilla.certificates().get(7), isrgRoot), only.anchors());
        assertEquals(List.of(isrgRoot), only.findBySubject(isrgRoot.subject()));
        assertEquals(List.of(isrgRoot), only.findByKeyIdentifier(isrg.keyId()));

        CertStore without = mozilla(List.of(), List.of(fingerprint.replace(":", "").toLowerCase()));
        assertEquals(137, without.anchors().size());
        assertEquals(List.of(), without.findBySubject(isrgRoot.subject()));
        assertEquals(List.of(), without.findByKeyIdentifier(isrg.keyId()));

        CertStore both = mozilla(List.of("ca5", "ca7"), List.of("ca7"));
        assertEquals(List.of(mozilla.certificates().get(5)), both.anchors());
    }

    @Test
    void configurationTokensThatNameNoRootAreRefusedWithTheRange() {
        Exception n = assertThrows(IllegalArgumentException.class, () -> mozilla(List.of("ca142"), List.of()));
        assertEquals("org.securesocket.certstore include: 'ca142' names no bundled root (ca0 to ca141)", n.getMessage());
        Exception t = assertThrows(IllegalArgumentException.class, () -> mozilla(List.of(), List.of("ISRG")));
        assertEquals("org.securesocket.certstore exclude: 'ISRG' is neither a root number (ca12) nor a SHA-256"
                + " fingerprint (64 hex digits)", t.getMessage());
        Exception f = assertThrows(IllegalArgumentException.class, () -> mozilla(List.of("00".repeat(32)), List.of()));
        assertTrue(f.getMessage().endsWith("no bundled root has the SHA-256 fingerprint " + "00:".repeat(31) + "00"),
                f.getMessage());
    }

    @Test
    void additionalAnchorsFromPemAndDerFilesAreTrustedNextToTheBundledRoots(@TempDir Path dir) throws Exception {
        TestCa pem = new TestCa("CN=Private PEM CA,O=Example", HexFormat.of().parseHex("0a0b0c"));
        TestCa der = new TestCa("CN=Private DER CA,O=Example", null);
        Path pemFile = dir.resolve("private.pem");
        Files.writeString(pemFile, "comment\n" + Pem.encode(Pem.CERTIFICATE, pem.root.encoded()));
        Path derFile = dir.resolve("private.der");
        Files.write(derFile, der.root.encoded());
        List<Certificate> additional = new ArrayList<>(CertificateFiles.read(pemFile));
        additional.addAll(CertificateFiles.read(derFile));
        CertStore store = new CertStore(mozilla, new Selection(List.of("ca0"), List.of(), additional, true), NOW);

        assertEquals(List.of(mozilla.certificates().get(0), pem.root, der.root), store.anchors());
        assertEquals(List.of(pem.root), store.findByKeyIdentifier(HexFormat.of().parseHex("0a0b0c")));
        assertEquals(List.of(der.root), store.findByKeyIdentifier(der.sha1OfKey()));
        assertTrue(store.source().endsWith("; and 2 additional anchor(s)"), store.source());
        Certificate leaf = der.leaf("device.example", der.sha1OfKey());
        assertEquals(der.root, StoreIndexTest.validator().validateCertificates(List.of(leaf), store, "device.example")
                .anchor());

        Path empty = dir.resolve("key.pem");
        Files.writeString(empty, Pem.encode(Pem.PRIVATE_KEY, new byte[] {1, 2, 3}));
        assertEquals(empty + ": holds no CERTIFICATE block",
                assertThrows(IOException.class, () -> CertificateFiles.read(empty)).getMessage());
        Path junk = dir.resolve("junk.der");
        Files.write(junk, new byte[] {0x30, 0x00});
        assertTrue(assertThrows(IOException.class, () -> CertificateFiles.read(junk)).getMessage()
                .startsWith(junk + ": not a PEM or DER certificate: "));
    }

    @Test
    void aRootLeftOutOfTheIncludeListIsNamedWithNumberSubjectFingerprintAndConfigKey() throws Exception {
        TestCa a = new TestCa("CN=Root A,O=Tests", null);
        TestCa b = new TestCa("CN=Root B,O=Tests", null);
        BundledRoots roots = new BundledRoots(StoreIndex.of("test", "1", List.of(a.root, b.root)), List.of(a.root, b.root));
        CertStore store = new CertStore(roots, new Selection(List.of("ca1"), List.of(), List.of(), true), NOW);
        Certificate leaf = a.leaf("a.example", a.sha1OfKey());
        TlsException e = assertThrows(TlsException.class,
                () -> StoreIndexTest.validator().validateCertificates(List.of(leaf), store, "a.example"));
        assertEquals(ErrorCode.CERTIFICATE_MISSING_TRUST_ANCHOR, e.code());
        assertEquals("certificate 'CN=a.example' is issued by the bundled root ca0 'O=Tests,CN=Root A' (SHA-256 "
                + colonHex(MessageDigest.getInstance("SHA-256").digest(a.root.encoded())) + "), which this deployment"
                + " does not trust: it is not in the include list. To trust it, add ca0 to the include list of the"
                + " configuration org.securesocket.certstore", e.getMessage());
        assertEquals(b.root, StoreIndexTest.validator().validateCertificates(List.of(b.leaf("b.example", b.sha1OfKey())), store,
                "b.example").anchor());
    }

    @Test
    void anExcludedMozillaRootIsNamedWithHowToEnableIt() throws Exception {
        IndexEntry isrg = bySubject("CN=ISRG Root X1,O=Internet Security Research Group,C=US");
        Certificate root = mozilla.certificates().get(isrg.number());
        CertStore store = mozilla(List.of(), List.of(isrg.name()));
        TlsException e = assertThrows(TlsException.class,
                () -> StoreIndexTest.validator().validateCertificates(List.of(root), store, null));
        assertEquals(ErrorCode.CERTIFICATE_MISSING_TRUST_ANCHOR, e.code());
        assertEquals("certificate 'CN=ISRG Root X1,O=Internet Security Research Group,C=US' is issued by the bundled"
                + " root " + isrg.name() + " 'CN=ISRG Root X1,O=Internet Security Research Group,C=US' (SHA-256"
                + " 96:BC:EC:06:26:49:76:F3:74:60:77:9A:CF:28:C5:A7:CF:E8:A3:C0:AA:E1:1A:8F:FC:EE:05:C0:BD:DF:08:C6),"
                + " which this deployment does not trust: it is in the exclude list. To trust it, remove " + isrg.name()
                + " from the exclude list of the configuration org.securesocket.certstore", e.getMessage());
    }

    @Test
    void anExpiredRootIsNamedWithItsEndOfValidity() throws Exception {
        TestCa old = new TestCa("CN=Old Root", null, Instant.parse("2025-05-12T23:59:00Z"));
        BundledRoots roots = new BundledRoots(StoreIndex.of("test", "1", List.of(old.root)), List.of(old.root));
        CertStore store = new CertStore(roots, Selection.DEFAULT, NOW);
        assertEquals(List.of(), store.anchors());
        TlsException e = assertThrows(TlsException.class, () -> StoreIndexTest.validator()
                .validateCertificates(List.of(old.leaf("old.example", old.sha1OfKey())), store, "old.example"));
        assertEquals(ErrorCode.CERTIFICATE_MISSING_TRUST_ANCHOR, e.code());
        assertTrue(e.getMessage().endsWith("which this deployment does not trust: it expired on 2025-05-12T23:59:00Z"
                + " (rejectExpiredAnchors of the configuration org.securesocket.certstore). The server must send a"
                + " chain to a current root"), e.getMessage());
    }

    @Test
    void anIssuerUnknownToTheWholeStoreIsNamedWithItsKeyIdentifier() throws Exception {
        TestCa stranger = new TestCa("CN=Stranger", HexFormat.of().parseHex("0102"));
        Certificate leaf = stranger.leaf("x.example", HexFormat.of().parseHex("0102"));
        CertStore store = new CertStore(mozilla, Selection.DEFAULT, NOW);
        TlsException e = assertThrows(TlsException.class,
                () -> StoreIndexTest.validator().validateCertificates(List.of(leaf), store, "x.example"));
        assertEquals(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, e.code());
        assertEquals("no issuer found for certificate 'CN=x.example': no trust anchor, and no certificate of the peer's"
                + " list outside the path tried, is named 'CN=Stranger' (authorityKeyIdentifier 01:02)", e.getMessage());
    }
}
