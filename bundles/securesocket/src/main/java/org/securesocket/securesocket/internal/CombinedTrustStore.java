package org.securesocket.securesocket.internal;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.DistinguishedName;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.TrustStore;

/** The default anchors (a TrustStore service, possibly replaced at runtime) plus a connection's own. */
public final class CombinedTrustStore implements TrustStore {
    private final TrustStore base;
    private final InMemoryTrustStore extra;

    public CombinedTrustStore(TrustStore base, List<Certificate> extra) {
        this.base = base;
        this.extra = new InMemoryTrustStore(extra);
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
