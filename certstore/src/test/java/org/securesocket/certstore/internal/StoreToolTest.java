package org.securesocket.certstore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securesocket.x509.Pem;

/** The bundle command: a user's own store from a folder of PEM and DER files. */
class StoreToolTest {

    @Test
    void aFolderOfPemAndDerFilesBecomesAStoreBundleWithTheTemplatesCodeAndManifest(@TempDir Path dir) throws Exception {
        TestCa a = new TestCa("CN=A", null);
        TestCa b = new TestCa("CN=B", null);
        TestCa c = new TestCa("CN=C", null);
        Path certs = Files.createDirectory(dir.resolve("certs"));
        Files.writeString(certs.resolve("1-two.pem"), Pem.encode(Pem.CERTIFICATE, a.root.encoded())
                + Pem.encode(Pem.CERTIFICATE, b.root.encoded()));
        Files.write(certs.resolve("2-one.der"), c.root.encoded());
        Files.writeString(certs.resolve("3-again.pem"), Pem.encode(Pem.CERTIFICATE, a.root.encoded()));

        Path template = dir.resolve("template.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.securesocket.certstore");
        byte[] code = {(byte) 0xCA, (byte) 0xFE, 0x00, 0x01};
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(template), manifest)) {
            jar.putNextEntry(new ZipEntry("org/securesocket/certstore/internal/X.class"));
            jar.write(code);
            jar.putNextEntry(new ZipEntry("ca/ca0.der"));
            jar.write(new byte[] {1});
            jar.putNextEntry(new ZipEntry("ca/ca7.der"));
            jar.write(new byte[] {2});
        }

        Path out = dir.resolve("my-store.jar");
        String summary = StoreTool.run("bundle", certs.toString(), out.toString(), "my CAs", "2026.1", template.toString());
        assertTrue(summary.contains("3 roots (ca0 to ca2)"), summary);

        try (JarFile jar = new JarFile(out.toFile())) {
            assertEquals("org.securesocket.certstore", jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
            try (InputStream in = jar.getInputStream(jar.getEntry("org/securesocket/certstore/internal/X.class"))) {
                assertArrayEquals(code, in.readAllBytes());
            }
            assertNull(jar.getEntry("ca/ca7.der"), "the template's roots are replaced, not merged");
            List<String> names = new ArrayList<>();
            jar.stream().forEach(e -> names.add(e.getName()));
            assertEquals(1, names.stream().filter("ca/ca0.der"::equals).count());
            BundledRoots roots = BundledRoots.load(path -> {
                ZipEntry e = jar.getEntry(path);
                if (e == null) {
                    throw new FileNotFoundException(path);
                }
                return jar.getInputStream(e);
            });
            assertEquals(List.of(a.root, b.root, c.root), roots.certificates());
            assertEquals("my CAs", roots.index().source());
            assertEquals("2026.1", roots.index().version());
        }
    }

    @Test
    void aFolderWithoutCertificatesOrATemplateWithoutManifestIsRefused(@TempDir Path dir) throws Exception {
        Path certs = Files.createDirectory(dir.resolve("certs"));
        Path out = dir.resolve("out.jar");
        assertEquals(certs + ": holds no certificate file", assertThrows(IOException.class,
                () -> StoreTool.run("bundle", certs.toString(), out.toString(), "s", "1", "none.jar")).getMessage());
        Files.write(certs.resolve("a.der"), new TestCa("CN=A", null).root.encoded());
        Path notABundle = dir.resolve("plain.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(notABundle))) {
            jar.putNextEntry(new ZipEntry("a.txt"));
            jar.write("x".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(notABundle + " is not a certstore bundle (no manifest)", assertThrows(IOException.class,
                () -> StoreTool.run("bundle", certs.toString(), out.toString(), "s", "1", notABundle.toString()))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> StoreTool.run("bundle", certs.toString()));
    }

    @Test
    void theBundleExportsNoPackageSoUpdatingItNeverRefreshesItsConsumers() throws Exception {
        // bnd wrote the manifest into the classes at process-classes, before the tests run.
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "META-INF", "MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Attributes main = manifest.getMainAttributes();
        assertEquals("org.securesocket.certstore", main.getValue("Bundle-SymbolicName"));
        assertNull(main.getValue("Export-Package"), "the certstore bundle must export no package");
        assertTrue(main.getValue("Service-Component").contains("CertStoreComponent"));
        assertTrue(main.getValue("Provide-Capability").contains("org.securesocket.x509.TrustStore"));
    }
}
