package org.securesocket.x509;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            add(bySubject, c.subject(), c);
            Optional<byte[]> ski = c.extensions().subjectKeyIdentifier();
            if (ski.isPresent()) {
                add(byKeyId, ByteBuffer.wrap(ski.get()), c);
            }
        }
        freeze(bySubject);
        freeze(byKeyId);
    }

    private static <K> void add(Map<K, List<Certificate>> index, K key, Certificate c) {
        List<Certificate> list = index.get(key);
        if (list == null) {
            list = new ArrayList<>();
            index.put(key, list);
        }
        list.add(c);
    }

    private static <K> void freeze(Map<K, List<Certificate>> index) {
        for (Map.Entry<K, List<Certificate>> e : index.entrySet()) {
            e.setValue(List.copyOf(e.getValue()));
        }
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
