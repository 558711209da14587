package org.securesocket.x509.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.Transform;
import org.securesocket.x509.ValidationPolicy;

/** Long-trusted roots that predate the root profile are anchors by default, refused only when asked. */
class CertificateProfileTest {
    private static final Instant WHEN = Instant.parse("2026-06-01T00:00:00Z");

    private static Certificate root(String file) throws IOException, TlsException {
        try (InputStream in = CertificateProfileTest.class.getResourceAsStream("/mozilla-roots/" + file)) {
            return Certificate.read(Transform.pemToDer(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Certigna.pem", "Go_Daddy_Class_2_CA.pem", "QuoVadis_Root_CA_2.pem", "QuoVadis_Root_CA_3.pem",
        "Starfield_Class_2_CA.pem", "TWCA_Global_Root_CA.pem", "ePKI_Root_Certification_Authority.pem"})
    void mozillaRootsAreAnchorsByDefaultAndRefusedUnderStrictTrustAnchors(String file) throws Exception {
        Certificate root = root(file);
        CertificateProfile.check(root, Role.ANCHOR, WHEN, ValidationPolicy.STRICT);
        TlsException e = assertThrows(TlsException.class, () -> CertificateProfile.check(root, Role.ANCHOR, WHEN,
                ValidationPolicy.STRICT.withStrictTrustAnchors(true)));
        assertEquals(ErrorCode.CERTIFICATE_MALFORMED, e.code());
    }
}
