package org.securesocket.x509;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.securesocket.common.TlsException;

/**
 * The trust anchors path validation ends at. Implemented by the certificate store bundle as a
 * service (replaced at runtime when the store is updated) and by {@link InMemoryTrustStore}.
 * Implementations must be thread-safe and return immutable lists.
 */
@ConsumerType
public interface TrustStore {

    /** The anchors whose subject is exactly this Name. */
    List<Certificate> findBySubject(DistinguishedName subject);

    /** The anchors whose subjectKeyIdentifier is this key identifier (an AKI keyIdentifier). */
    List<Certificate> findByKeyIdentifier(byte[] keyIdentifier);

    /** Every anchor. */
    List<Certificate> anchors();

    /** Where the anchors come from, for diagnostics (e.g. a root program and its release). */
    default String source() {
        return getClass().getName();
    }

    /** The version of this set of anchors, for diagnostics; a replaced store reports its own. */
    default String version() {
        return "0";
    }

    /**
     * Called by path validation when no anchor (and no certificate of the peer's list) issued
     * {@code certificate}: a store that knows the issuer but does not trust it in this deployment
     * (a bundled root left out by configuration) returns the failure to report, a
     * {@code certificate.missing_trust_anchor} naming the root and how to enable it. Empty when
     * the store does not know the issuer either.
     */
    default Optional<TlsException> explainMissingIssuer(Certificate certificate) {
        return Optional.empty();
    }
}
