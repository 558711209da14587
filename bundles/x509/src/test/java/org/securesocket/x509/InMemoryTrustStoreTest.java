package org.securesocket.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.common.TlsException;

class InMemoryTrustStoreTest {

    @Test
    void findsAnchorsBySubjectAndKeyIdentifier() throws TlsException {
        Certificate a = TestPki.root("A").issue();
        Certificate a2 = TestPki.root("A").issue();
        Certificate b = TestPki.root("B").issue();
        InMemoryTrustStore store = InMemoryTrustStore.fromPem(Pem.encode("CERTIFICATE", a.encoded())
                + Pem.encode("CERTIFICATE", a2.encoded()) + Pem.encode("CERTIFICATE", b.encoded())
                + Pem.encode("CERTIFICATE", b.encoded()));
        assertEquals(List.of(a, a2, b), store.anchors());
        assertEquals(List.of(a, a2), store.findBySubject(a.subject()));
        assertEquals(List.of(b), store.findByKeyIdentifier(b.extensions().subjectKeyIdentifier().orElseThrow()));
        assertEquals(List.of(), store.findByKeyIdentifier(new byte[] {1, 2, 3}));
        assertEquals(List.of(), store.findBySubject(TestPki.leaf("c.example", TestPki.root("C")).issue().subject()));
    }
}
