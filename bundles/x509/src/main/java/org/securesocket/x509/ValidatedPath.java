package org.securesocket.x509;

import java.util.List;

/**
 * A certification path that passed validation: the leaf first, each certificate followed by its
 * issuer, the trust anchor last. A leaf that is itself in the trust store (directly trusted, as a
 * self-signed device certificate often is) forms a path of one.
 */
public record ValidatedPath(List<Certificate> certificates) {

    public ValidatedPath {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a path holds at least the leaf");
        }
    }

    public Certificate leaf() {
        return certificates.get(0);
    }

    public Certificate anchor() {
        return certificates.get(certificates.size() - 1);
    }
}
