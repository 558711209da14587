package org.securesocket.crypto;

import java.util.Optional;

/**
 * SignatureScheme of RFC 8446 section 4.2.3 (which also names the TLS 1.2 SignatureAndHashAlgorithm
 * pairs), plus the legacy TLS 1.0/1.1 forms that have no code point. A row fixes the key type, the
 * hash and the padding; {@link #curve()} is the curve TLS 1.3 binds an ECDSA scheme to, which
 * {@link TlsCrypto#verify} does not check (TLS 1.2 and certificates do not bind it).
 */
public enum SignatureScheme {
    RSA_PKCS1_SHA1(0x0201, KeyType.RSA, HashAlgorithm.SHA1, Padding.PKCS1, null),
    ECDSA_SHA1(0x0203, KeyType.EC, HashAlgorithm.SHA1, Padding.NONE, null),
    RSA_PKCS1_SHA224(0x0301, KeyType.RSA, HashAlgorithm.SHA224, Padding.PKCS1, null),
    ECDSA_SHA224(0x0303, KeyType.EC, HashAlgorithm.SHA224, Padding.NONE, null),
    RSA_PKCS1_SHA256(0x0401, KeyType.RSA, HashAlgorithm.SHA256, Padding.PKCS1, null),
    ECDSA_SECP256R1_SHA256(0x0403, KeyType.EC, HashAlgorithm.SHA256, Padding.NONE, NamedGroup.SECP256R1),
    RSA_PKCS1_SHA384(0x0501, KeyType.RSA, HashAlgorithm.SHA384, Padding.PKCS1, null),
    ECDSA_SECP384R1_SHA384(0x0503, KeyType.EC, HashAlgorithm.SHA384, Padding.NONE, NamedGroup.SECP384R1),
    RSA_PKCS1_SHA512(0x0601, KeyType.RSA, HashAlgorithm.SHA512, Padding.PKCS1, null),
    ECDSA_SECP521R1_SHA512(0x0603, KeyType.EC, HashAlgorithm.SHA512, Padding.NONE, NamedGroup.SECP521R1),
    RSA_PSS_RSAE_SHA256(0x0804, KeyType.RSA, HashAlgorithm.SHA256, Padding.PSS, null),
    RSA_PSS_RSAE_SHA384(0x0805, KeyType.RSA, HashAlgorithm.SHA384, Padding.PSS, null),
    RSA_PSS_RSAE_SHA512(0x0806, KeyType.RSA, HashAlgorithm.SHA512, Padding.PSS, null),
    ED25519(0x0807, KeyType.ED25519, null, Padding.NONE, null),
    RSA_PSS_PSS_SHA256(0x0809, KeyType.RSA_PSS, HashAlgorithm.SHA256, Padding.PSS, null),
    RSA_PSS_PSS_SHA384(0x080a, KeyType.RSA_PSS, HashAlgorithm.SHA384, Padding.PSS, null),
    RSA_PSS_PSS_SHA512(0x080b, KeyType.RSA_PSS, HashAlgorithm.SHA512, Padding.PSS, null),
    /**
     * TLS 1.0/1.1 RSA signatures (RFC 4346 section 7.4.3): PKCS#1 v1.5 type 1 over the 36-byte
     * MD5 || SHA-1 digest, without DigestInfo. No code point; enabled only by policy.
     */
    RSA_PKCS1_MD5_SHA1(-1, KeyType.RSA, null, Padding.PKCS1_NO_DIGEST_INFO, null);

    /** The public key a scheme verifies with. */
    public enum KeyType {
        RSA, RSA_PSS, EC, ED25519
    }

    /** How the signature is formed. PSS uses MGF1 with the same hash and a salt of the hash length. */
    public enum Padding {
        PKCS1, PKCS1_NO_DIGEST_INFO, PSS, NONE
    }

    private final int codepoint;
    private final KeyType keyType;
    private final HashAlgorithm hash;
    private final Padding padding;
    private final NamedGroup curve;

    SignatureScheme(int codepoint, KeyType keyType, HashAlgorithm hash, Padding padding, NamedGroup curve) {
        this.codepoint = codepoint;
        this.keyType = keyType;
        this.hash = hash;
        this.padding = padding;
        this.curve = curve;
    }

    /** The wire value, or -1 for a legacy form without one. */
    public int codepoint() {
        return codepoint;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The message hash; empty for Ed25519 (pure) and the MD5||SHA-1 form. */
    public Optional<HashAlgorithm> hash() {
        return Optional.ofNullable(hash);
    }

    public Padding padding() {
        return padding;
    }

    /** The curve TLS 1.3 requires for this ECDSA scheme; empty otherwise. */
    public Optional<NamedGroup> curve() {
        return Optional.ofNullable(curve);
    }

    /**
     * The scheme TLS 1.0/1.1 fix for a key type, which they do not name on the wire (RFC 4346 section
     * 7.4.3 and 7.4.8, RFC 4492 section 5.4 and 5.8): MD5 || SHA-1 for RSA, SHA-1 for ECDSA; none for
     * RSASSA-PSS and Ed25519 keys, which those versions cannot use.
     */
    public static Optional<SignatureScheme> legacy(KeyType key) {
        return switch (key) {
            case RSA -> Optional.of(RSA_PKCS1_MD5_SHA1);
            case EC -> Optional.of(ECDSA_SHA1);
            case RSA_PSS, ED25519 -> Optional.empty();
        };
    }

    /** The scheme with this wire value; never the legacy forms. */
    public static Optional<SignatureScheme> fromCodepoint(int codepoint) {
        if (codepoint < 0) {
            return Optional.empty();
        }
        for (SignatureScheme s : values()) {
            if (s.codepoint == codepoint) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
