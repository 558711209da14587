package org.securesocket.certstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securesocket.x509.Pem;

/** The DS shell, driven as SCR drives it: activate, then modified with a new configuration. */
class CertStoreComponentTest {

    /** A configuration as Config Admin delivers it. */
    private record Values(String[] include, String[] exclude, String[] additionalAnchors, boolean rejectExpiredAnchors)
            implements CertStoreComponent.Config {
        @Override
        public Class<? extends Annotation> annotationType() {
            return CertStoreComponent.Config.class;
        }
    }

    private static final Values DEFAULTS = new Values(new String[0], new String[0], new String[0], true);

    @Test
    void aConfigurationChangeSwapsTheAnchorsOfTheSameService(@TempDir Path dir) throws Exception {
        CertStoreComponent component = new CertStoreComponent();
        component.activate(DEFAULTS);
        BundledRoots roots = BundledRoots.load();
        Instant now = Instant.now();
        long current = roots.index().entries().stream().filter(e -> !e.expiredAt(now)).count();
        assertEquals(current, component.anchors().size());
        assertEquals("20230311", component.version());

        // Karaf .cfg files write a list as one comma-separated value.
        component.configure(new Values(new String[] {"ca5, ca7"}, new String[0], new String[0], true));
        assertEquals(List.of(roots.certificates().get(5), roots.certificates().get(7)), component.anchors());
        assertEquals(List.of(), component.findBySubject(roots.certificates().get(9).subject()));

        TestCa ca = new TestCa("CN=Private,O=Example", null);
        Path file = dir.resolve("private.pem");
        Files.writeString(file, Pem.encode(Pem.CERTIFICATE, ca.root.encoded()));
        component.configure(new Values(new String[0], new String[] {"ca5", "ca7"}, new String[] {file.toString()}, false));
        assertEquals(roots.certificates().size() - 2 + 1, component.anchors().size());
        assertEquals(List.of(ca.root), component.findBySubject(ca.root.subject()));
        assertTrue(component.source().endsWith("; and 1 additional anchor(s)"), component.source());

        assertThrows(IllegalArgumentException.class,
                () -> component.configure(new Values(new String[] {"ca9999"}, new String[0], new String[0], true)));
    }

    @Test
    void listValuesAreSplitOnCommasAndTrimmed() {
        assertEquals(List.of("ca1", "ca2", "ab:cd"), CertStoreComponent.items(new String[] {" ca1 ,ca2", "", "ab:cd,"}));
    }
}
