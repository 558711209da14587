package org.securesocket.securesocket.internal;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.DistinguishedName;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.TrustStore;

/** The default anchors (a TrustStore service, possibly replaced at runtime) plus a connection's own. */
public final class CombinedTrustStore implements TrustStore {
    /**
     * The last list of a connection's own anchors and its index: connections made from the same
     * options give the same list, which was indexed again for every one. The list is a copy, so
     * that a caller changing its own list later gets a new index.
     */
    private static volatile Indexed last;

    private final TrustStore base;
    private final InMemoryTrustStore extra;

    private record Indexed(List<Certificate> certificates, InMemoryTrustStore store) {
    }

    public CombinedTrustStore(TrustStore base, List<Certificate> extra) {
        this.base = base;
        this.extra = index(extra);
    }

    private static InMemoryTrustStore index(List<Certificate> certificates) {
        Indexed recent = last;
        // the identity test first: an immutable list (the options' own) is its own copy
        if (recent != null && (recent.certificates() == certificates || recent.certificates().equals(certificates))) {
            return recent.store();
        }
        List<Certificate> copy = List.copyOf(certificates);
        InMemoryTrustStore store = new InMemoryTrustStore(copy);
        last = new Indexed(copy, store);
        return store;
    }

    @Override
    public List<Certificate> findBySubject(DistinguishedName subject) {
        return join(base == null ? List.of() : base.findBySubject(subject), extra.findBySubject(subject));
    }

    @Override
    public List<Certificate> findByKeyIdentifier(byte[] keyIdentifier) {
        return join(base == null ? List.of() : base.findByKeyIdentifier(keyIdentifier),
                extra.findByKeyIdentifier(keyIdentifier));
    }

    @Override
    public List<Certificate> anchors() {
        return join(base == null ? List.of() : base.anchors(), extra.anchors());
    }

    private static List<Certificate> join(List<Certificate> a, List<Certificate> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<Certificate> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
