package org.securesocket.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.securesocket.x509.TestPki.NOW;
import static org.securesocket.x509.TestPki.intermediate;
import static org.securesocket.x509.TestPki.leaf;
import static org.securesocket.x509.TestPki.root;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/** What path building reports when no issuer is found: the store's explanation, else the issuer and its AKI. */
class MissingIssuerTest {
    private static final X509PathValidator VALIDATOR = new X509PathValidator(new JcaTlsCrypto(),
            ValidationPolicy.STRICT, Clock.fixed(NOW, ZoneOffset.UTC));

    /** A store trusting nothing, which knows one root it leaves out. */
    private static final class ExplainingStore implements TrustStore {
        final List<Certificate> asked = new ArrayList<>();
        final TlsException explanation = new TlsException(ErrorCode.CERTIFICATE_MISSING_TRUST_ANCHOR, "add root 7");
        final Certificate known;

        ExplainingStore(Certificate known) {
            this.known = known;
        }

        @Override
        public List<Certificate> findBySubject(DistinguishedName subject) {
            return List.of();
        }

        @Override
        public List<Certificate> findByKeyIdentifier(byte[] keyIdentifier) {
            return List.of();
        }

        @Override
        public List<Certificate> anchors() {
            return List.of();
        }

        @Override
        public Optional<TlsException> explainMissingIssuer(Certificate certificate) {
            asked.add(certificate);
            return certificate.issuer().equals(known.subject()) ? Optional.of(explanation) : Optional.empty();
        }
    }

    @Test
    void theStoresExplanationIsReportedForTheTopOfTheLongestPath() throws Exception {
        TestPki.Spec r = root("Left Out Root");
        TestPki.Spec ica = intermediate("ICA", r);
        TestPki.Spec l = leaf("example.com", ica);
        ExplainingStore store = new ExplainingStore(r.issue());
        TlsException e = assertThrows(TlsException.class, () -> VALIDATOR.validateCertificates(
                List.of(l.issue(), ica.issue()), store, "example.com"));
        assertSame(store.explanation, e);
        assertEquals(List.of(ica.issue()), store.asked);
    }

    @Test
    void withoutAnExplanationTheIssuerAndItsKeyIdentifierAreNamed() throws Exception {
        TestPki.Spec r = root("Stranger");
        Certificate l = leaf("example.com", r).issue();
        TlsException e = assertThrows(TlsException.class, () -> VALIDATOR.validateCertificates(List.of(l),
                new InMemoryTrustStore(List.of()), "example.com"));
        assertEquals(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, e.code());
        String aki = HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                l.extensions().authorityKeyIdentifier().orElseThrow().keyIdentifier());
        assertTrue(e.getMessage().endsWith("is named '" + l.issuer() + "' (authorityKeyIdentifier " + aki + ")"),
                e.getMessage());
    }
}
