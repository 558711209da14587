package org.securesocket.certstore.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.DistinguishedName;
import org.securesocket.x509.Extensions;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.TrustStore;

/**
 * The trust store of one configuration: the selected bundled roots plus the additional anchors,
 * looked up by subject and by 20-byte key identifier (so a root without a subjectKeyIdentifier is
 * found by the SHA-1 of its key, as CAs compute their authorityKeyIdentifier). It remembers the
 * bundled roots it leaves out and why, to name the one to enable when a chain ends at one of
 * them. Immutable: a configuration change builds a new one.
 */
final class CertStore implements TrustStore {
    /** The Config Admin PID, also named in error messages. */
    static final String PID = "org.securesocket.certstore";

    /** Why a bundled root is not trusted. */
    enum Omission {
        NOT_INCLUDED, EXCLUDED, EXPIRED
    }

    private final BundledRoots roots;
    private final InMemoryTrustStore trusted;
    private final Map<ByteBuffer, List<Certificate>> byKeyId = new HashMap<>();
    private final Map<IndexEntry, Omission> omitted = new LinkedHashMap<>();
    private final int additional;

    CertStore(BundledRoots roots, Selection selection, Instant now) throws TlsException {
        this.roots = roots;
        List<IndexEntry> entries = roots.index().entries();
        Set<IndexEntry> included = new HashSet<>(selection.include().isEmpty() ? entries : resolve(selection.include(), "include"));
        Set<IndexEntry> excluded = new HashSet<>(resolve(selection.exclude(), "exclude"));
        List<Certificate> anchors = new ArrayList<>();
        for (IndexEntry e : entries) {
            Omission omission = !included.contains(e) ? Omission.NOT_INCLUDED : excluded.contains(e) ? Omission.EXCLUDED
                    : selection.rejectExpiredAnchors() && e.expiredAt(now) ? Omission.EXPIRED : null;
            if (omission == null) {
                anchors.add(roots.certificates().get(e.number()));
                add(e.keyId(), roots.certificates().get(e.number()));
            } else {
                omitted.put(e, omission);
            }
        }
        for (Certificate c : selection.additionalAnchors()) {
            anchors.add(c);
            add(KeyIdentifiers.of(c), c);
        }
        this.additional = selection.additionalAnchors().size();
        this.trusted = new InMemoryTrustStore(anchors);
        byKeyId.replaceAll((k, v) -> List.copyOf(v));
    }

    private List<IndexEntry> resolve(List<String> tokens, String key) {
        List<IndexEntry> out = new ArrayList<>();
        for (String token : tokens) {
            out.add(Selection.resolve(roots.index(), token, key));
        }
        return out;
    }

    private void add(byte[] keyId, Certificate c) {
        List<Certificate> list = byKeyId.computeIfAbsent(ByteBuffer.wrap(keyId), k -> new ArrayList<>());
        if (!list.contains(c)) {
            list.add(c);
        }
    }

    @Override
    public List<Certificate> findBySubject(DistinguishedName subject) {
        return trusted.findBySubject(subject);
    }

    /** Key identifiers of 1 to 20 bytes, compared after left-padding to 20 as the index stores them. */
    @Override
    public List<Certificate> findByKeyIdentifier(byte[] keyIdentifier) {
        byte[] key = KeyIdentifiers.normalize(keyIdentifier);
        return key == null ? List.of() : byKeyId.getOrDefault(ByteBuffer.wrap(key), List.of());
    }

    @Override
    public List<Certificate> anchors() {
        return trusted.anchors();
    }

    @Override
    public String source() {
        return roots.index().source() + (additional == 0 ? "" : "; and " + additional + " additional anchor(s)");
    }

    @Override
    public String version() {
        return roots.index().version();
    }

    /** The bundled roots this configuration leaves out, by number, with the reason. */
    Map<IndexEntry, Omission> omitted() {
        return Map.copyOf(omitted);
    }

    /** The bundled root whose subject is {@code certificate}'s issuer (and whose key its AKI names), if left out. */
    @Override
    public Optional<TlsException> explainMissingIssuer(Certificate certificate) {
        byte[] aki = certificate.extensions().authorityKeyIdentifier()
                .map(Extensions.AuthorityKeyIdentifier::keyIdentifier).orElse(null);
        for (Map.Entry<IndexEntry, Omission> o : omitted.entrySet()) {
            IndexEntry e = o.getKey();
            boolean keyFits = aki == null || KeyIdentifiers.same(KeyIdentifiers.normalize(aki), e.keyId());
            if (keyFits && roots.certificates().get(e.number()).subject().equals(certificate.issuer())) {
                return Optional.of(new TlsException(ErrorCode.CERTIFICATE_MISSING_TRUST_ANCHOR,
                        missingAnchorMessage(certificate, e, o.getValue())));
            }
        }
        return Optional.empty();
    }

    static String missingAnchorMessage(Certificate certificate, IndexEntry root, Omission omission) {
        String head = "certificate '" + certificate + "' is issued by the bundled root " + root.name() + " '"
                + root.subject() + "' (SHA-256 " + KeyIdentifiers.colons(root.sha256())
                + "), which this deployment does not trust: ";
        return head + switch (omission) {
            case NOT_INCLUDED -> "it is not in the include list. To trust it, add " + root.name()
                    + " to the include list of the configuration " + PID;
            case EXCLUDED -> "it is in the exclude list. To trust it, remove " + root.name()
                    + " from the exclude list of the configuration " + PID;
            case EXPIRED -> "it expired on " + root.notAfter() + " (rejectExpiredAnchors of the configuration " + PID
                    + "). The server must send a chain to a current root";
        };
    }
}
