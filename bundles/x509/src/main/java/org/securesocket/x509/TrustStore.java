package org.securesocket.x509;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

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
}
