package org.securesocket.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.securesocket.x509.TestPki.NOW;
import static org.securesocket.x509.TestPki.intermediate;
import static org.securesocket.x509.TestPki.leaf;
import static org.securesocket.x509.TestPki.root;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * The JVM-wide cache of verified certificate signatures: counted through a crypto that counts its
 * {@code verify} calls. Every test makes fresh keys, so no other test's entries can answer for it.
 */
class SignatureCacheTest {
    private final AtomicInteger verifications = new AtomicInteger();
    private final TlsCrypto counting = counting(new JcaTlsCrypto(), verifications);

    private static TlsCrypto counting(TlsCrypto real, AtomicInteger count) {
        return (TlsCrypto) Proxy.newProxyInstance(TlsCrypto.class.getClassLoader(), new Class<?>[] {TlsCrypto.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("verify")) {
                        count.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private X509PathValidator validator(Instant now) {
        return new X509PathValidator(counting, ValidationPolicy.STRICT, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static TrustStore trust(List<TestPki.Spec> anchors) {
        return new InMemoryTrustStore(anchors.stream().map(TestPki.Spec::issue).toList());
    }

    private ValidatedPath validate(List<TestPki.Spec> anchors, byte[]... chain) throws TlsException {
        return validator(NOW).validate(List.of(chain), trust(anchors), null);
    }

    private int verificationsDuring(ThrowingRun run) throws TlsException {
        int before = verifications.get();
        run.run();
        return verifications.get() - before;
    }

    private interface ThrowingRun {
        void run() throws TlsException;
    }

    private void assertBadSignature(List<TestPki.Spec> anchors, byte[]... chain) throws TlsException {
        int count = verificationsDuring(() -> assertEquals(ErrorCode.CERTIFICATE_BAD_SIGNATURE,
                assertThrows(TlsException.class, () -> validate(anchors, chain)).code()));
        assertEquals(1, count, "a changed input must be verified for real");
    }

    @Test
    void theSecondValidationOfAChainVerifiesNoCertificateSignature() throws TlsException {
        TestPki.Spec ca = root("Cache Root");
        TestPki.Spec ica = intermediate("Cache Issuing CA", ca);
        byte[] leaf = leaf("cache.example", ica).der();
        assertEquals(2, verificationsDuring(() -> validate(List.of(ca), leaf, ica.der())));
        assertEquals(0, verificationsDuring(() -> validate(List.of(ca), leaf, ica.der())));
        // Every other check still runs on the cached chain: the host name, and validity at the current time.
        TlsException wrongHost = assertThrows(TlsException.class, () -> validator(NOW)
                .validate(List.of(leaf, ica.der()), trust(List.of(ca)), "other.example"));
        assertEquals(ErrorCode.CERTIFICATE_HOSTNAME_MISMATCH, wrongHost.code());
        TlsException expired = assertThrows(TlsException.class, () -> validator(NOW.plus(61, ChronoUnit.DAYS))
                .validate(List.of(leaf, ica.der()), trust(List.of(ca)), null));
        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, expired.code());
    }

    @Test
    void aChangedSignatureOrSignedPartMissesAndFails() throws TlsException {
        TestPki.Spec ca = root("Tamper Root");
        byte[] leaf = leaf("tamper.example", ca).der();
        validate(List.of(ca), leaf);

        byte[] badSignature = leaf.clone();
        badSignature[badSignature.length - 1] ^= 1; // the last byte of s in the ECDSA signature
        assertBadSignature(List.of(ca), badSignature);

        byte[] badTbs = leaf.clone();
        int at = indexOf(badTbs, "tamper.example".getBytes(StandardCharsets.US_ASCII));
        badTbs[at] = 'T'; // the subject's common name, inside tbsCertificate; the signature is unchanged
        assertBadSignature(List.of(ca), badTbs);
        assertEquals(0, verificationsDuring(() -> validate(List.of(ca), leaf)), "the original still hits");
    }

    @Test
    void anotherIssuerKeyUnderTheSameNameMissesAndARemovedAnchorIsRefused() throws TlsException {
        TestPki.Spec ca = root("Swapped Root");
        TestPki.Spec impostor = root("Swapped Root"); // same name, another key
        byte[] leaf = leaf("swap.example", ca).der();
        validate(List.of(ca), leaf);
        assertBadSignature(List.of(impostor), leaf);
        // The CA removed from the trust store: its verified signature gives no path.
        TlsException e = assertThrows(TlsException.class, () -> validate(List.of(root("Other Root")), leaf));
        assertEquals(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, e.code());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
