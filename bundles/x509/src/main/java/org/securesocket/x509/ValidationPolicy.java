package org.securesocket.x509;

import java.util.Objects;
import org.securesocket.x509.internal.Oids;

/**
 * What a path must satisfy beyond RFC 5280 itself, with strict defaults: MD5 is always refused,
 * SHA-1 signatures and RSA keys under 2048 bits are refused unless allowed here, at most
 * {@value #DEFAULT_MAX_INTERMEDIATES} intermediates, and the leaf must allow TLS server
 * authentication when it has an extKeyUsage. Immutable; derive variants with the {@code with...}
 * methods.
 *
 * <p>Trust anchors are checked for what makes a path unsafe (a CA, keyCertSign, valid now, a strong
 * key, no unknown critical extension, no extKeyUsage). The stricter profile rules for roots (a
 * critical basicConstraints, a subjectKeyIdentifier, an authorityKeyIdentifier holding only the key
 * identifier) are opt-in with {@link #withStrictTrustAnchors(boolean)}: several roots of the Mozilla
 * store (Go Daddy and Starfield Class 2, QuoVadis Root CA 2 and 3, Certigna, TWCA Global, ePKI)
 * predate them, and the trust store is the deployer's explicit choice.
 */
public final class ValidationPolicy {
    public static final int DEFAULT_MAX_INTERMEDIATES = 8;
    public static final int DEFAULT_MIN_RSA_BITS = 2048;
    /** Candidate issuers examined before path building gives up (RFC 4158 bounds the search). */
    public static final int DEFAULT_MAX_PATH_BUILDING_STEPS = 128;

    /** The strict defaults. */
    public static final ValidationPolicy STRICT = new ValidationPolicy(DEFAULT_MAX_INTERMEDIATES,
            DEFAULT_MIN_RSA_BITS, false, Oids.KP_SERVER_AUTH, DEFAULT_MAX_PATH_BUILDING_STEPS, false);

    /** id-kp-serverAuth. */
    public static final String SERVER_AUTH = Oids.KP_SERVER_AUTH;
    /** id-kp-clientAuth. */
    public static final String CLIENT_AUTH = Oids.KP_CLIENT_AUTH;

    private final int maxIntermediates;
    private final int minRsaBits;
    private final boolean allowSha1Signatures;
    private final String requiredExtendedKeyUsage;
    private final int maxPathBuildingSteps;
    private final boolean strictTrustAnchors;

    private ValidationPolicy(int maxIntermediates, int minRsaBits, boolean allowSha1Signatures,
            String requiredExtendedKeyUsage, int maxPathBuildingSteps, boolean strictTrustAnchors) {
        if (maxIntermediates < 0 || maxIntermediates > 255) {
            throw new IllegalArgumentException("maxIntermediates must be 0..255: " + maxIntermediates);
        }
        if (minRsaBits < 1024) {
            throw new IllegalArgumentException("minRsaBits below 1024 is never acceptable: " + minRsaBits);
        }
        if (maxPathBuildingSteps < 1) {
            throw new IllegalArgumentException("maxPathBuildingSteps must be positive: " + maxPathBuildingSteps);
        }
        this.maxIntermediates = maxIntermediates;
        this.minRsaBits = minRsaBits;
        this.allowSha1Signatures = allowSha1Signatures;
        this.requiredExtendedKeyUsage = Objects.requireNonNull(requiredExtendedKeyUsage, "requiredExtendedKeyUsage");
        this.maxPathBuildingSteps = maxPathBuildingSteps;
        this.strictTrustAnchors = strictTrustAnchors;
    }

    /** The most intermediates a path may hold; self-issued ones (key rollover) are not counted. */
    public int maxIntermediates() {
        return maxIntermediates;
    }

    public int minRsaBits() {
        return minRsaBits;
    }

    public boolean allowSha1Signatures() {
        return allowSha1Signatures;
    }

    /** The KeyPurposeId the leaf (and any intermediate with an extKeyUsage) must carry. */
    public String requiredExtendedKeyUsage() {
        return requiredExtendedKeyUsage;
    }

    public int maxPathBuildingSteps() {
        return maxPathBuildingSteps;
    }

    /** Whether trust anchors must also meet the RFC 5280 / CA/B profile for root certificates. */
    public boolean strictTrustAnchors() {
        return strictTrustAnchors;
    }

    public ValidationPolicy withMaxIntermediates(int value) {
        return new ValidationPolicy(value, minRsaBits, allowSha1Signatures, requiredExtendedKeyUsage,
                maxPathBuildingSteps, strictTrustAnchors);
    }

    public ValidationPolicy withMinRsaBits(int value) {
        return new ValidationPolicy(maxIntermediates, value, allowSha1Signatures, requiredExtendedKeyUsage,
                maxPathBuildingSteps, strictTrustAnchors);
    }

    public ValidationPolicy withAllowSha1Signatures(boolean value) {
        return new ValidationPolicy(maxIntermediates, minRsaBits, value, requiredExtendedKeyUsage,
                maxPathBuildingSteps, strictTrustAnchors);
    }

    public ValidationPolicy withRequiredExtendedKeyUsage(String oid) {
        return new ValidationPolicy(maxIntermediates, minRsaBits, allowSha1Signatures, oid,
                maxPathBuildingSteps, strictTrustAnchors);
    }

    public ValidationPolicy withMaxPathBuildingSteps(int value) {
        return new ValidationPolicy(maxIntermediates, minRsaBits, allowSha1Signatures, requiredExtendedKeyUsage,
                value, strictTrustAnchors);
    }

    public ValidationPolicy withStrictTrustAnchors(boolean value) {
        return new ValidationPolicy(maxIntermediates, minRsaBits, allowSha1Signatures, requiredExtendedKeyUsage,
                maxPathBuildingSteps, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationPolicy p && p.maxIntermediates == maxIntermediates && p.minRsaBits == minRsaBits
                && p.allowSha1Signatures == allowSha1Signatures && p.requiredExtendedKeyUsage.equals(requiredExtendedKeyUsage)
                && p.maxPathBuildingSteps == maxPathBuildingSteps && p.strictTrustAnchors == strictTrustAnchors;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxIntermediates, minRsaBits, allowSha1Signatures, requiredExtendedKeyUsage, maxPathBuildingSteps,
                strictTrustAnchors);
    }

    @Override
    public String toString() {
        return "ValidationPolicy[maxIntermediates=" + maxIntermediates + ", minRsaBits=" + minRsaBits
                + ", allowSha1Signatures=" + allowSha1Signatures + ", requiredExtendedKeyUsage=" + requiredExtendedKeyUsage
                + ", maxPathBuildingSteps=" + maxPathBuildingSteps + ", strictTrustAnchors=" + strictTrustAnchors + "]";
    }
}
