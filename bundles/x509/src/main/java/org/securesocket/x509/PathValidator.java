package org.securesocket.x509;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.securesocket.common.TlsException;

/**
 * Validates a peer's certificate list against trust anchors: builds a path (RFC 4158 style,
 * tolerating disorder, extra and cross-signed certificates), validates it per RFC 5280 section 6
 * with the CA/B Forum's stricter rules, then checks the leaf names the peer (RFC 9525). Registered
 * as a service by this bundle; {@link X509PathValidator} is the plain-Java implementation.
 */
@ProviderType
public interface PathValidator {

    /**
     * @param certificates the peer's list as received, DER, the leaf first
     * @param trustStore   the anchors to end at
     * @param peerName     the DNS name or IP literal the leaf must name, or null to skip that check
     * @return the validated path, leaf to anchor
     * @throws TlsException a {@code certificate.*} code and its alert; when candidate issuers exist
     *                      but fail, the failure of the deepest path tried, and
     *                      {@code certificate.unknown_issuer} only when no candidate issuer exists
     *                      (or the store's {@link TrustStore#explainMissingIssuer} failure, e.g.
     *                      {@code certificate.missing_trust_anchor})
     */
    ValidatedPath validate(List<byte[]> certificates, TrustStore trustStore, String peerName) throws TlsException;
}
