package org.securesocket.x509;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.securesocket.common.TlsException;

/** A fixed set of anchors indexed by subject and subjectKeyIdentifier (for tests, {@code --cafile}). */
public final class InMemoryTrustStore implements TrustStore {
    private final List<Certificate> anchors;
    private final Map<DistinguishedName, List<Certificate>> bySubject = new HashMap<>();
    private final Map<ByteBuffer, List<Certificate>> byKeyId = new HashMap<>();

    /** The store of these anchors; duplicates are kept once. */
    public InMemoryTrustStore(Collection<Certificate> certificates) {
        this.anchors = List.copyOf(new LinkedHashSet<>(certificates));
        for (Certificate c : anchors) {
            bySubject.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(c);
            c.extensions().subjectKeyIdentifier()
                    .ifPresent(ski -> byKeyId.computeIfAbsent(ByteBuffer.wrap(ski), k -> new ArrayList<>()).add(c));
        }
        bySubject.replaceAll((k, v) -> List.copyOf(v));
        byKeyId.replaceAll((k, v) -> List.copyOf(v));
    }

    /** The store of every CERTIFICATE block of a PEM text (a CA bundle file). */
    public static InMemoryTrustStore fromPem(String pem) throws TlsException {
        List<Certificate> certs = new ArrayList<>();
        for (Pem.Block block : Pem.decode(pem)) {
            if (block.label().equals(Pem.CERTIFICATE)) {
                certs.add(Certificate.read(block.der()));
            }
        }
        return new InMemoryTrustStore(certs);
    }

    @Override
    public List<Certificate> findBySubject(DistinguishedName subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    @Override
    public List<Certificate> findByKeyIdentifier(byte[] keyIdentifier) {
        return byKeyId.getOrDefault(ByteBuffer.wrap(keyIdentifier.clone()), List.of());
    }

    @Override
    public List<Certificate> anchors() {
        return anchors;
    }
}
