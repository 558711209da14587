package org.securesocket.certstore.internal;

import java.util.List;
import java.util.Objects;
import org.securesocket.x509.Certificate;

/**
 * What the configuration selects: bundled roots to include (all when empty) and to exclude, each
 * by number ({@code ca12} or {@code 12}) or SHA-256 fingerprint; extra anchors; and whether
 * expired bundled roots are left out.
 */
record Selection(List<String> include, List<String> exclude, List<Certificate> additionalAnchors,
        boolean rejectExpiredAnchors) {
    /** Every bundled root that has not expired, nothing else. */
    static final Selection DEFAULT = new Selection(List.of(), List.of(), List.of(), true);

    Selection {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        additionalAnchors = List.copyOf(additionalAnchors);
    }

    /** The root a configuration token names in {@code index}. */
    static IndexEntry resolve(StoreIndex index, String token, String key) {
        Objects.requireNonNull(token, key);
        String t = token.trim();
        String digits = t.startsWith("ca") ? t.substring(2) : t;
        if (digits.matches("(0|[1-9][0-9]{0,5})")) {
            int n = Integer.parseInt(digits);
            if (n < index.entries().size()) {
                return index.entries().get(n);
            }
            throw new IllegalArgumentException(CertStore.PID + " " + key + ": '" + token + "' names no bundled root (ca0 to ca"
                    + (index.entries().size() - 1) + ")");
        }
        byte[] fingerprint = KeyIdentifiers.parseFingerprint(t);
        if (fingerprint == null) {
            throw new IllegalArgumentException(CertStore.PID + " " + key + ": '" + token
                    + "' is neither a root number (ca12) nor a SHA-256 fingerprint (64 hex digits)");
        }
        for (IndexEntry e : index.entries()) {
            if (KeyIdentifiers.same(e.sha256(), fingerprint)) {
                return e;
            }
        }
        throw new IllegalArgumentException(CertStore.PID + " " + key + ": no bundled root has the SHA-256 fingerprint "
                + KeyIdentifiers.colons(fingerprint));
    }
}
