package org.securesocket.handshake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.record.ProtocolVersion;

/**
 * What a client may negotiate, as an immutable value (Config Admin fills one later): the version
 * range, the suites, groups and signature schemes in preference order, minimum key sizes, the
 * handshake timeout, and the RFC 7627 / RFC 5746 requirements. Strict defaults: TLS 1.2 to 1.3,
 * the forward-secret ECDHE AEAD suites ({@link #defaultCipherSuites}: the CBC, DHE and static-RSA
 * rows are off until named or until the minimum version is lowered below TLS 1.2), a DH prime of at
 * least 2048 bits, x25519 then P-256 then P-384 (ffdhe only when asked for), no SHA-1 signatures,
 * extended master secret and secure renegotiation required of TLS 1.2 servers. The PKCS#1 v1.5
 * schemes are offered for TLS 1.2 and for certificates; a TLS 1.3 CertificateVerify never uses them
 * (RFC 8446 section 4.2.3). Derive variants with the {@code with...} methods.
 */
public final class HandshakePolicy {
    /** The default handshake timeout. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    public static final HandshakePolicy DEFAULT = new HandshakePolicy(ProtocolVersion.TLS12, ProtocolVersion.TLS13,
            defaultCipherSuites(ProtocolVersion.TLS12),
            List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1),
            List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
                    SignatureScheme.ECDSA_SECP521R1_SHA512, SignatureScheme.RSA_PSS_RSAE_SHA256,
                    SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512,
                    SignatureScheme.ED25519, SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384,
                    SignatureScheme.RSA_PSS_PSS_SHA512, SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384,
                    SignatureScheme.RSA_PKCS1_SHA512),
            2048, 2048, DEFAULT_HANDSHAKE_TIMEOUT, true, true);

    private final ProtocolVersion minVersion;
    private final ProtocolVersion maxVersion;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> groups;
    private final List<SignatureScheme> signatureSchemes;
    private final int minRsaBits;
    private final int minDhBits;
    private final Duration handshakeTimeout;
    private final boolean requireExtendedMasterSecret;
    private final boolean requireSecureRenegotiation;

    private HandshakePolicy(ProtocolVersion minVersion, ProtocolVersion maxVersion, List<CipherSuite> cipherSuites,
            List<NamedGroup> groups, List<SignatureScheme> signatureSchemes, int minRsaBits,
            int minDhBits, Duration handshakeTimeout, boolean requireExtendedMasterSecret,
            boolean requireSecureRenegotiation) {
        if (minVersion.compareTo(maxVersion) > 0) {
            throw new IllegalArgumentException("the minimum version " + minVersion + " is above the maximum " + maxVersion);
        }
        if (cipherSuites.isEmpty() || groups.isEmpty() || signatureSchemes.isEmpty()) {
            throw new IllegalArgumentException("the suite, group and signature scheme lists must not be empty");
        }
        if (minRsaBits < 1024) {
            throw new IllegalArgumentException("minRsaBits below 1024 is never acceptable: " + minRsaBits);
        }
        if (minDhBits < 1024) {
            throw new IllegalArgumentException("minDhBits below 1024 is never acceptable: " + minDhBits);
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
        this.minDhBits = minDhBits;
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

    /** The smallest finite-field DH prime accepted in a DHE ServerKeyExchange. */
    public int minDhBits() {
        return minDhBits;
    }

    /**
     * The suites offered when none are named: the TLS 1.3 suites and the ECDHE AEAD suites, plus,
     * when {@code minVersion} is below TLS 1.2, the ECDHE CBC-SHA suites those versions need (the
     * user asked for legacy servers). DHE and static-RSA suites are never a default.
     */
    public static List<CipherSuite> defaultCipherSuites(ProtocolVersion minVersion) {
        List<CipherSuite> suites = new ArrayList<>();
        for (CipherSuite s : CipherSuite.values()) {
            if ((s.keyExchange() == KeyExchange.TLS13_ANY || s.keyExchange() == KeyExchange.ECDHE_ECDSA
                    || s.keyExchange() == KeyExchange.ECDHE_RSA)
                    && (s.isAead() || !minVersion.atLeast(ProtocolVersion.TLS12) && s.supports(minVersion))) {
                suites.add(s);
            }
        }
        return List.copyOf(suites);
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

    /**
     * The version range; a policy still on {@link #defaultCipherSuites} gets the defaults of the new
     * minimum (so lowering it below TLS 1.2 offers the CBC suites those versions need).
     */
    public HandshakePolicy withVersions(ProtocolVersion min, ProtocolVersion max) {
        List<CipherSuite> suites = cipherSuites.equals(defaultCipherSuites(minVersion)) ? defaultCipherSuites(min)
                : cipherSuites;
        return new HandshakePolicy(min, max, suites, groups, signatureSchemes, minRsaBits, minDhBits, handshakeTimeout,
                requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withCipherSuites(List<CipherSuite> value) {
        return new HandshakePolicy(minVersion, maxVersion, value, groups, signatureSchemes, minRsaBits, minDhBits,
                handshakeTimeout, requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withGroups(List<NamedGroup> value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, value, signatureSchemes, minRsaBits, minDhBits,
                handshakeTimeout, requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withSignatureSchemes(List<SignatureScheme> value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, value, minRsaBits, minDhBits, handshakeTimeout,
                requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withMinRsaBits(int value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, value, minDhBits,
                handshakeTimeout, requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withMinDhBits(int value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, minRsaBits, value,
                handshakeTimeout, requireExtendedMasterSecret, requireSecureRenegotiation);
    }

    public HandshakePolicy withHandshakeTimeout(Duration value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, minRsaBits, minDhBits,
                Objects.requireNonNull(value, "handshakeTimeout"), requireExtendedMasterSecret,
                requireSecureRenegotiation);
    }

    public HandshakePolicy withRequireExtendedMasterSecret(boolean value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, minRsaBits, minDhBits,
                handshakeTimeout, value, requireSecureRenegotiation);
    }

    public HandshakePolicy withRequireSecureRenegotiation(boolean value) {
        return new HandshakePolicy(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, minRsaBits, minDhBits,
                handshakeTimeout, requireExtendedMasterSecret, value);
    }

    @Override
    public String toString() {
        return "HandshakePolicy[" + minVersion + ".." + maxVersion + ", suites=" + cipherSuites + ", groups=" + groups
                + ", schemes=" + signatureSchemes + ", minRsaBits=" + minRsaBits + ", minDhBits=" + minDhBits + ", timeout=" + handshakeTimeout
                + ", ems=" + requireExtendedMasterSecret + ", secureRenegotiation=" + requireSecureRenegotiation + "]";
    }
}
