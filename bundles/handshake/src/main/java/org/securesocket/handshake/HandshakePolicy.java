package org.securesocket.handshake;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.record.ProtocolVersion;

/**
 * What a client may negotiate, as an immutable value (Config Admin fills one later): the version
 * range, the suites, groups and signature schemes in preference order, minimum key sizes, the
 * handshake timeout, and the RFC 7627 / RFC 5746 requirements. Strict defaults: TLS 1.2 minimum,
 * the AEAD suites, x25519 then P-256 then P-384, no SHA-1 signatures, extended master secret and
 * secure renegotiation required. Derive variants with the {@code with...} methods.
 */
public final class HandshakePolicy {
    /** The default handshake timeout. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    public static final HandshakePolicy DEFAULT = new HandshakePolicy(ProtocolVersion.TLS12, ProtocolVersion.TLS12,
            List.of(CipherSuite.values()),
            List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1),
            List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
                    SignatureScheme.ECDSA_SECP521R1_SHA512, SignatureScheme.RSA_PSS_RSAE_SHA256,
                    SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512,
                    SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384,
                    SignatureScheme.RSA_PKCS1_SHA512),
            2048, DEFAULT_HANDSHAKE_TIMEOUT, true, true);

    private final ProtocolVersion minVersion;
    private final ProtocolVersion maxVersion;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> groups;
    private final List<SignatureScheme> signatureSchemes;
    private final int minRsaBits;
    private final Duration handshakeTimeout;
    private final boolean requireExtendedMasterSecret;
    private final boolean requireSecureRenegotiation;

    private HandshakePolicy(ProtocolVersion minVersion, ProtocolVersion maxVersion, List<CipherSuite> cipherSuites,
            List<NamedGroup> groups, List<SignatureScheme> signatureSchemes, int minRsaBits,
            Duration handshakeTimeout, boolean requireExtendedMasterSecret, boolean requireSecureRenegotiation) {
        if (minVersion.compareTo(maxVersion) > 0) {
            throw new IllegalArgumentException("the minimum version " + minVersion + " is above the maximum " + maxVersion);
        }
        if (cipherSuites.isEmpty() || groups.isEmpty() || signatureSchemes.isEmpty()) {
            throw new IllegalArgumentException("the suite, group and signature scheme lists must not be empty");
        }
        if (minRsaBits < 1024) {
            throw new IllegalArgumentException("minRsaBits below 1024 is never acceptable: " + minRsaBits);
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive: " + handshakeTimeout);
        }
        this.minVersion = minVersion;
        this.maxVersion = maxVersion;
        this.cipherSuites = List.copyOf(cipherSuites);
        this.groups = List.copyOf(groups);
        this.signatureSchemes = List.copyOf(signatureSchemes);
        this.minRsaBits = minRsaBits;
        this.handshakeTimeout = handshakeTimeout;
        this.requireExtendedMasterSecret = requireExtendedMasterSecret;
        this.requireSecureRenegotiation = requireSecureRenegotiation;
    }

    public ProtocolVersion minVersion() {
        return minVersion;
    }

    public ProtocolVersion maxVersion() {
        return maxVersion;
    }

    /** The suites to offer, in preference order. */
    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** The groups to offer, in preference order. */
    public List<NamedGroup> groups() {
        return groups;
    }

    /** The signature schemes to offer and accept, in preference order. */
    public List<SignatureScheme> signatureSchemes() {
        return signatureSchemes;
    }

    /** The smallest RSA modulus accepted, for certificates and signatures. */
    public int minRsaBits() {
        return minRsaBits;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** Whether a TLS 1.2 server must agree to the extended master secret (RFC 7627 section 5.3). */
    public boolean requireExtendedMasterSecret() {
        return requireExtendedMasterSecret;
    }

    /** Whether a TLS 1.2 server must answer renegotiation_info (RFC 5746 section 3.4). */
    public boolean requireSecureRenegotiation() {
        return requireSecureRenegotiation;
    }

    public HandshakePolicy withVersions(ProtocolVersion min, ProtocolVersion max) {
        return new HandshakePolicy(min, max, cipherSuites, groups, signatureSchemes, minRsaBits, handshakeTimeout,
                requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withCipherSuites(List<CipherSuite> value) {
        return new HandshakePolicy(minVersion, maxVersion, value, groups, signatureSchemes, minRsaBits,
                handshakeTimeout, requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withGroups(List<NamedGroup> value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, value, signatureSchemes, minRsaBits,
                handshakeTimeout, requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withSignatureSchemes(List<SignatureScheme> value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, value, minRsaBits, handshakeTimeout,
                requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withMinRsaBits(int value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, value,
                handshakeTimeout, requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withHandshakeTimeout(Duration value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, minRsaBits,
                Objects.requireNonNull(value, "handshakeTimeout"), requireExtendedMasterSecret,
                requireSecureRenegotiation);
    }

    public HandshakePolicy withRequireExtendedMasterSecret(boolean value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, minRsaBits,
                handshakeTimeout, value, requireSecureRenegotiation);
    }

    public HandshakePolicy withRequireSecureRenegotiation(boolean value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, minRsaBits,
                handshakeTimeout, requireExtendedMasterSecret, value);
    }

    @Override
    public String toString() {
        return "HandshakePolicy[" + minVersion + ".." + maxVersion + ", suites=" + cipherSuites + ", groups=" + groups
                + ", schemes=" + signatureSchemes + ", minRsaBits=" + minRsaBits + ", timeout=" + handshakeTimeout
                + ", ems=" + requireExtendedMasterSecret + ", secureRenegotiation=" + requireSecureRenegotiation + "]";
    }
}
