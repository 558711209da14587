package org.securesocket.x509;

import java.util.List;

/**
 * A certification path that passed validation: the leaf first, each certificate followed by its
 * issuer, the trust anchor last.
 */
public record ValidatedPath(List<Certificate> certificates) {

    public ValidatedPath {
        certificates = List.copyOf(certificates);
        if (certificates.size() < 2) {
            throw new IllegalArgumentException("a path holds at least the leaf and its anchor");
        }
    }

    public Certificate leaf() {
        return certificates.get(0);
    }

    public Certificate anchor() {
        return certificates.get(certificates.size() - 1);
    }
}
