package org.securesocket.certstore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.PublicKeyInfo;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.X509PathValidator;

/** Index generation (the build's check included) and key-identifier lookups. */
class StoreIndexTest {
    private static final Path BUNDLED = Path.of("src", "main", "resources", "ca");

    static X509PathValidator validator() {
        return new X509PathValidator(new JcaTlsCrypto(), ValidationPolicy.STRICT,
                Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theBuiltIndexListsEveryBundledRootWithItsFingerprintAndKeyIdentifier() throws Exception {
        BundledRoots roots = BundledRoots.load(); // target/classes/ca, as the build generated it
        List<Certificate> files = StoreTool.numberedRoots(BUNDLED);
        assertEquals(142, roots.index().entries().size());
        assertEquals(files, roots.certificates());
        assertEquals("20230311", roots.index().version());
        for (IndexEntry e : roots.index().entries()) {
            byte[] der = Files.readAllBytes(BUNDLED.resolve(e.fileName()));
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(der), e.sha256(), e.name());
            Certificate c = files.get(e.number());
            assertEquals(c.subject().toString(), e.subject());
            assertEquals(c.notAfter(), e.notAfter());
            c.extensions().subjectKeyIdentifier().ifPresent(ski -> assertArrayEquals(ski, e.keyId(), e.name()));
        }
    }

    @Test
    void twoMozillaRootsHaveNoSubjectKeyIdentifierAndAreIndexedByTheSha1OfTheirKey() throws Exception {
        BundledRoots roots = BundledRoots.load();
        List<IndexEntry> withoutSki = roots.index().entries().stream()
                .filter(e -> roots.certificates().get(e.number()).extensions().subjectKeyIdentifier().isEmpty()).toList();
        assertEquals(2, withoutSki.size());
        // One of them (Hongkong Post Root CA 1) has expired: keep expired roots to look both up.
        CertStore store = new CertStore(roots, new Selection(List.of(), List.of(), List.of(), false),
                Instant.parse("2026-11-25T00:00:00Z"));
        for (IndexEntry e : withoutSki) {
            Certificate c = roots.certificates().get(e.number());
            assertEquals(List.of(c), store.findByKeyIdentifier(e.keyId()), e.name());
        }
    }

    @Test
    void aRootWithoutSubjectKeyIdentifierIsFoundByTheAuthorityKeyIdentifierOfItsLeaves() throws Exception {
        TestCa ca = new TestCa("CN=No SKI Root", null);
        byte[] sha1 = ca.sha1OfKey();
        IndexEntry entry = IndexEntry.of(0, ca.root);
        assertArrayEquals(sha1, entry.keyId());
        CertStore store = store(ca.root);
        assertEquals(List.of(ca.root), store.findByKeyIdentifier(sha1));
        Certificate leaf = ca.leaf("noski.example", sha1);
        assertEquals(ca.root, validator().validateCertificates(List.of(leaf), store, "noski.example").anchor());
    }

    @Test
    void aShortSubjectKeyIdentifierIsLeftPaddedToTwentyBytesAndStillMatchesItsAki() throws Exception {
        byte[] ski = HexFormat.of().parseHex("0102030405060708");
        TestCa ca = new TestCa("CN=Short SKI Root", ski);
        IndexEntry entry = IndexEntry.of(0, ca.root);
        assertEquals("0000000000000000000000000102030405060708", HexFormat.of().formatHex(entry.keyId()));
        CertStore store = store(ca.root);
        assertEquals(List.of(ca.root), store.findByKeyIdentifier(ski));
        assertEquals(List.of(ca.root), store.findByKeyIdentifier(entry.keyId()));
        assertEquals(List.of(), store.findByKeyIdentifier(HexFormat.of().parseHex("01020304050607")));
        Certificate leaf = ca.leaf("short.example", ski);
        assertEquals(ca.root, validator().validateCertificates(List.of(leaf), store, "short.example").anchor());
    }

    @Test
    void aSubjectKeyIdentifierLongerThanTwentyBytesIsRefused() {
        TestCa ca = new TestCa("CN=Long SKI Root", new byte[32]);
        Exception e = assertThrows(IOException.class, () -> IndexEntry.of(0, ca.root));
        assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    }

    @Test
    void anIndexLineRoundTripsWithEscapedSubject() throws Exception {
        TestCa ca = new TestCa("CN=Root", null);
        IndexEntry e = IndexEntry.of(7, ca.root);
        IndexEntry odd = new IndexEntry(7, e.keyId(), e.sha256(), e.keyType(), e.keyBits(), e.notBefore(), e.notAfter(),
                "CN=tab\there,O=new\nline\\back");
        IndexEntry back = IndexEntry.read(odd.write());
        assertEquals(odd.subject(), back.subject());
        assertEquals(7, back.number());
        assertArrayEquals(e.sha256(), back.sha256());
        assertEquals(PublicKeyInfo.KeyType.EC, back.keyType());
        assertEquals(256, back.keyBits());
        assertEquals(e.notAfter(), back.notAfter());
        assertEquals(1, odd.write().split("\n", -1).length);
    }

    @Test
    void malformedIndexLinesAndGapsAreRefused() throws Exception {
        TestCa ca = new TestCa("CN=Root", null);
        String line = IndexEntry.of(0, ca.root).write();
        for (String bad : List.of("", line.replace("ca0\t", "ca01\t"), line.replace("\tEC\t", "\tDSA\t"),
                line.substring(0, line.lastIndexOf('\t')), line.replace("2090-01-01T00:00:00Z", "2090-01-01"))) {
            assertThrows(IllegalArgumentException.class, () -> IndexEntry.read(bad), bad);
        }
        String gap = "source=s\nversion=1\n" + line + "\n" + line.replace("ca0\t", "ca2\t") + "\n";
        Exception e = assertThrows(IllegalArgumentException.class, () -> StoreIndex.read(gap));
        assertTrue(e.getMessage().contains("consecutively"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StoreIndex.read(line + "\n"));
    }

    @Test
    void theBuildCheckRefusesAGapAStrayFileAndAnUnparsableRoot(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("ca0.der"), new TestCa("CN=A", null).root.encoded());
        Files.write(dir.resolve("ca2.der"), new TestCa("CN=B", null).root.encoded());
        Exception gap = assertThrows(IOException.class, () -> StoreTool.run("index", dir.toString(),
                dir.resolve("out/ca.index").toString(), "s", "1"));
        assertTrue(gap.getMessage().contains("ca1.der is missing"), gap.getMessage());

        Files.move(dir.resolve("ca2.der"), dir.resolve("ca1.der"));
        Files.writeString(dir.resolve("README"), "x");
        Exception stray = assertThrows(IOException.class, () -> StoreTool.numberedRoots(dir));
        assertTrue(stray.getMessage().contains("README is not named caN.der"), stray.getMessage());

        Files.delete(dir.resolve("README"));
        Files.write(dir.resolve("ca2.der"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
        Exception bad = assertThrows(IOException.class, () -> StoreTool.numberedRoots(dir));
        assertTrue(bad.getMessage().contains("ca2.der: not a DER certificate"), bad.getMessage());

        Files.delete(dir.resolve("ca2.der"));
        Path index = dir.resolve("out/ca.index");
        String summary = StoreTool.run("index", dir.toString(), index.toString(), "test source", "7");
        assertTrue(summary.contains("2 roots (ca0 to ca1)"), summary);
        StoreIndex read = StoreIndex.read(Files.readString(index));
        assertEquals("test source", read.source());
        assertEquals("CN=B", read.entries().get(1).subject());
    }

    @Test
    void aRootFileThatDiffersFromItsIndexIsRefusedAtLoad() throws Exception {
        Certificate a = new TestCa("CN=A", null).root;
        Certificate b = new TestCa("CN=B", null).root;
        String index = StoreIndex.of("s", "1", List.of(a)).write();
        Map<String, byte[]> files = Map.of(StoreIndex.RESOURCE, index.getBytes(StandardCharsets.UTF_8),
                "ca/ca0.der", b.encoded());
        BundledRoots.Resources resources = path -> {
            if (!files.containsKey(path)) {
                throw new FileNotFoundException(path);
            }
            return new ByteArrayInputStream(files.get(path));
        };
        Exception e = assertThrows(IOException.class, () -> BundledRoots.load(resources));
        assertTrue(e.getMessage().startsWith("ca/ca0.der is not the root the index lists"), e.getMessage());
    }

    /** A store trusting exactly these roots. */
    static CertStore store(Certificate... roots) throws IOException {
        return new CertStore(new BundledRoots(StoreIndex.of("test", "1", List.of(roots)), List.of(roots)),
                Selection.DEFAULT, Instant.parse("2026-11-25T00:00:00Z"));
    }
}
