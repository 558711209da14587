package org.securesocket.securesocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.InMemoryTrustStore;

/** A connection's own anchors next to the TrustStore service's, and a changed list gives its new anchors. */
class CombinedTrustStoreTest {

    private static Certificate ca(String name) throws Exception {
        return Certificate.read(TestPki.selfSigned(TestPki.Spec.named(name).ca(null)).certificate().getEncoded());
    }

    @Test
    void aListChangedAfterUseGivesItsNewAnchors() throws Exception {
        Certificate first = ca("Combined First CA");
        Certificate second = ca("Combined Second CA");
        List<Certificate> mine = new ArrayList<>(List.of(first));
        CombinedTrustStore before = new CombinedTrustStore(null, mine);
        assertEquals(List.of(first), before.anchors());
        assertEquals(List.of(first), before.findBySubject(first.subject()));

        mine.add(second); // the caller's own list, changed after the first connection
        CombinedTrustStore after = new CombinedTrustStore(null, mine);
        assertEquals(List.of(first, second), after.anchors());
        assertEquals(List.of(second), after.findBySubject(second.subject()));
        assertEquals(List.of(first), before.anchors(), "an earlier connection keeps what it was given");

        mine.clear();
        assertTrue(new CombinedTrustStore(null, mine).anchors().isEmpty());
    }

    @Test
    void baseAnchorsComeFirst() throws Exception {
        Certificate base = ca("Combined Base CA");
        Certificate own = ca("Combined Own CA");
        List<Certificate> options = List.of(own);
        for (int i = 0; i < 2; i++) { // the same list twice
            CombinedTrustStore store = new CombinedTrustStore(new InMemoryTrustStore(List.of(base)), options);
            assertEquals(List.of(base, own), store.anchors());
            assertEquals(List.of(own), store.findBySubject(own.subject()));
        }
    }
}
