package org.securesocket.securesocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.securesocket.OptionMaps;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.TrustStore;

/** Connections with the same trust inputs share one trust store and validator; any change builds anew. */
class SharedTrustTest {

    @Test
    void sameInputsShareAndAnyChangeBuildsAnew() throws Exception {
        List<Certificate> anchors = OptionMaps.readCertificates(
                TestPki.selfSigned(TestPki.Spec.named("Shared Trust CA").ca(null)).certificatePem().getBytes(StandardCharsets.US_ASCII));
        List<Certificate> otherAnchors = OptionMaps.readCertificates(
                TestPki.selfSigned(TestPki.Spec.named("Other CA").ca(null)).certificatePem().getBytes(StandardCharsets.US_ASCII));
        TrustStore service = new InMemoryTrustStore(anchors);
        TlsCrypto crypto = SharedTrust.defaultCrypto();
        Clock clock = Clock.systemUTC();

        SharedTrust first = SharedTrust.of(service, List.of(), crypto, 2048, clock);
        assertSame(first, SharedTrust.of(service, List.of(), crypto, 2048, clock), "same inputs: shared");
        assertEquals(anchors, first.trustStore().anchors());

        TrustStore swapped = new InMemoryTrustStore(otherAnchors); // the service replaced at runtime
        SharedTrust afterSwap = SharedTrust.of(swapped, List.of(), crypto, 2048, clock);
        assertNotSame(first, afterSwap);
        assertEquals(otherAnchors, afterSwap.trustStore().anchors(), "new connections see the new service");
        assertEquals(anchors, first.trustStore().anchors(), "established ones keep theirs");

        assertNotSame(afterSwap, SharedTrust.of(swapped, anchors, crypto, 2048, clock), "own anchors differ");
        SharedTrust withOwn = SharedTrust.of(swapped, anchors, crypto, 2048, clock);
        assertSame(withOwn, SharedTrust.of(swapped, List.copyOf(anchors), crypto, 2048, clock),
                "own anchors compare by encoding");
        assertNotSame(withOwn, SharedTrust.of(swapped, anchors, crypto, 3072, clock), "another RSA minimum");
        assertNotSame(SharedTrust.of(null, anchors, crypto, 2048, clock),
                SharedTrust.of(null, anchors, crypto, 2048, Clock.offset(clock, java.time.Duration.ofDays(1))),
                "another clock");
    }
}
