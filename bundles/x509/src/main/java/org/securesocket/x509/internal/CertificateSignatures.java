package org.securesocket.x509.internal;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.x509.AlgorithmIdentifier;
import org.securesocket.x509.PublicKeyInfo;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.der.DerTag;

/**
 * Certificate signature AlgorithmIdentifiers (RFC 3279, RFC 4055, RFC 5758, RFC 8410) as TLS
 * SignatureSchemes, so every check goes through {@code TlsCrypto.verify}. A table row per OID;
 * RSASSA-PSS is mapped from its parameters.
 */
public enum CertificateSignatures {
    MD5_WITH_RSA("1.2.840.113549.1.1.4", null, HashAlgorithm.MD5),
    SHA1_WITH_RSA("1.2.840.113549.1.1.5", SignatureScheme.RSA_PKCS1_SHA1, HashAlgorithm.SHA1),
    SHA224_WITH_RSA("1.2.840.113549.1.1.14", SignatureScheme.RSA_PKCS1_SHA224, HashAlgorithm.SHA224),
    SHA256_WITH_RSA("1.2.840.113549.1.1.11", SignatureScheme.RSA_PKCS1_SHA256, HashAlgorithm.SHA256),
    SHA384_WITH_RSA("1.2.840.113549.1.1.12", SignatureScheme.RSA_PKCS1_SHA384, HashAlgorithm.SHA384),
    SHA512_WITH_RSA("1.2.840.113549.1.1.13", SignatureScheme.RSA_PKCS1_SHA512, HashAlgorithm.SHA512),
    ECDSA_WITH_SHA1("1.2.840.10045.4.1", SignatureScheme.ECDSA_SHA1, HashAlgorithm.SHA1),
    ECDSA_WITH_SHA224("1.2.840.10045.4.3.1", SignatureScheme.ECDSA_SHA224, HashAlgorithm.SHA224),
    ECDSA_WITH_SHA256("1.2.840.10045.4.3.2", SignatureScheme.ECDSA_SECP256R1_SHA256, HashAlgorithm.SHA256),
    ECDSA_WITH_SHA384("1.2.840.10045.4.3.3", SignatureScheme.ECDSA_SECP384R1_SHA384, HashAlgorithm.SHA384),
    ECDSA_WITH_SHA512("1.2.840.10045.4.3.4", SignatureScheme.ECDSA_SECP521R1_SHA512, HashAlgorithm.SHA512),
    ED25519(Oids.ED25519, SignatureScheme.ED25519, null);

    private final String oid;
    private final SignatureScheme scheme;
    private final HashAlgorithm hash;

    CertificateSignatures(String oid, SignatureScheme scheme, HashAlgorithm hash) {
        this.oid = oid;
        this.scheme = scheme;
        this.hash = hash;
    }

    /**
     * The scheme that verifies a certificate signed with {@code algorithm} by {@code issuerKey}.
     *
     * @param subject names the signed certificate in messages
     * @throws TlsException {@code certificate.weak_signature_algorithm} for MD5, for SHA-1 unless the
     *         policy allows it, and for algorithms outside the table; {@code certificate.bad_signature}
     *         when the algorithm does not fit the issuer's key
     */
    public static SignatureScheme schemeFor(AlgorithmIdentifier algorithm, PublicKeyInfo issuerKey,
            ValidationPolicy policy, String subject) throws TlsException {
        SignatureScheme scheme;
        HashAlgorithm hash;
        if (algorithm.oid().equals(Oids.RSASSA_PSS)) {
            hash = pssHash(algorithm, subject);
            scheme = pssScheme(hash, issuerKey.type() == PublicKeyInfo.KeyType.RSA_PSS);
        } else {
            CertificateSignatures row = byOid(algorithm.oid());
            if (row == null) {
                throw new TlsException(ErrorCode.CERTIFICATE_WEAK_SIGNATURE_ALGORITHM, "certificate '" + subject
                        + "' is signed with the unsupported algorithm " + algorithm.oid());
            }
            boolean rsa = row.scheme == null || row.scheme.keyType() == SignatureScheme.KeyType.RSA;
            // RFC 4055 section 5 / RFC 5758 section 3.2 / RFC 8410 section 3: NULL for RSA, absent otherwise.
            if (rsa ? !algorithm.parametersAbsentOrNull() : algorithm.parameters() != null) {
                throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED, "certificate '" + subject
                        + "': signature algorithm " + row.name() + " has invalid parameters");
            }
            scheme = row.scheme;
            hash = row.hash;
        }
        if (hash == HashAlgorithm.MD5 || (hash == HashAlgorithm.SHA1 && !policy.allowSha1Signatures())) {
            throw new TlsException(ErrorCode.CERTIFICATE_WEAK_SIGNATURE_ALGORITHM, "certificate '" + subject
                    + "' is signed with " + hash + ", which policy refuses");
        }
        if (!fits(scheme.keyType(), issuerKey.type())) {
            throw new TlsException(ErrorCode.CERTIFICATE_BAD_SIGNATURE, "certificate '" + subject
                    + "' is signed with " + scheme + " but its issuer's key is " + issuerKey);
        }
        return scheme;
    }

    private static boolean fits(SignatureScheme.KeyType schemeKey, PublicKeyInfo.KeyType key) {
        switch (schemeKey) {
            case RSA: return key == PublicKeyInfo.KeyType.RSA;
            case RSA_PSS: return key == PublicKeyInfo.KeyType.RSA_PSS;
            case EC: return key == PublicKeyInfo.KeyType.EC;
            case ED25519: return key == PublicKeyInfo.KeyType.ED25519;
            default: return false;
        }
    }

    private static CertificateSignatures byOid(String oid) {
        for (CertificateSignatures row : values()) {
            if (row.oid.equals(oid)) {
                return row;
            }
        }
        return null;
    }

    private static SignatureScheme pssScheme(HashAlgorithm hash, boolean pssKey) {
        switch (hash) {
            case SHA256: return pssKey ? SignatureScheme.RSA_PSS_PSS_SHA256 : SignatureScheme.RSA_PSS_RSAE_SHA256;
            case SHA384: return pssKey ? SignatureScheme.RSA_PSS_PSS_SHA384 : SignatureScheme.RSA_PSS_RSAE_SHA384;
            default: return pssKey ? SignatureScheme.RSA_PSS_PSS_SHA512 : SignatureScheme.RSA_PSS_RSAE_SHA512;
        }
    }

    /**
     * The hash of RSASSA-PSS-params (RFC 4055 section 3.1), accepted only in the form TLS schemes
     * fix: SHA-256/384/512, MGF1 with the same hash, salt as long as the hash, trailerField 1.
     */
    private static HashAlgorithm pssHash(AlgorithmIdentifier algorithm, String subject) throws TlsException {
        if (algorithm.parameters() == null) {
            throw unsupportedPss(subject, "parameters absent");
        }
        DerReader params = new DerReader(algorithm.parameters(), ErrorCode.CERTIFICATE_MALFORMED)
                .readSequence("RSASSA-PSS-params");
        if (!params.nextIs(DerTag.contextConstructed(0))) {
            throw new TlsException(ErrorCode.CERTIFICATE_WEAK_SIGNATURE_ALGORITHM,
                    "certificate '" + subject + "' is signed with RSASSA-PSS using the default hash SHA-1");
        }
        DerReader h = params.readConstructed(DerTag.contextConstructed(0), "RSASSA-PSS hashAlgorithm");
        HashAlgorithm hash = hashOf(AlgorithmIdentifier.read(h, "RSASSA-PSS hashAlgorithm"), subject);
        h.expectEnd("RSASSA-PSS hashAlgorithm");
        if (!params.nextIs(DerTag.contextConstructed(1))) {
            throw unsupportedPss(subject, "MGF1 with SHA-1 (the default) and " + hash);
        }
        DerReader m = params.readConstructed(DerTag.contextConstructed(1), "RSASSA-PSS maskGenAlgorithm");
        AlgorithmIdentifier mgf = AlgorithmIdentifier.read(m, "RSASSA-PSS maskGenAlgorithm");
        m.expectEnd("RSASSA-PSS maskGenAlgorithm");
        if (!mgf.oid().equals(Oids.MGF1) || mgf.parameters() == null) {
            throw unsupportedPss(subject, "mask generation " + mgf.oid());
        }
        DerReader mgfParams = new DerReader(mgf.parameters(), ErrorCode.CERTIFICATE_MALFORMED);
        if (hashOf(AlgorithmIdentifier.read(mgfParams, "MGF1 hash"), subject) != hash) {
            throw unsupportedPss(subject, "an MGF1 hash different from " + hash);
        }
        int salt = 20;
        if (params.nextIs(DerTag.contextConstructed(2))) {
            DerReader s = params.readConstructed(DerTag.contextConstructed(2), "RSASSA-PSS saltLength");
            salt = s.readSmallInt(1024, "RSASSA-PSS saltLength");
            s.expectEnd("RSASSA-PSS saltLength");
        }
        if (salt != hash.outputLength()) {
            throw unsupportedPss(subject, "a salt of " + salt + " bytes with " + hash);
        }
        if (params.nextIs(DerTag.contextConstructed(3))) {
            throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED,
                    "certificate '" + subject + "': RSASSA-PSS trailerField must be the default (absent in DER)");
        }
        params.expectEnd("RSASSA-PSS-params");
        return hash;
    }

    private static HashAlgorithm hashOf(AlgorithmIdentifier alg, String subject) throws TlsException {
        if (!alg.parametersAbsentOrNull()) {
            throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED,
                    "certificate '" + subject + "': hash AlgorithmIdentifier with parameters");
        }
        switch (alg.oid()) {
            case Oids.SHA256: return HashAlgorithm.SHA256;
            case Oids.SHA384: return HashAlgorithm.SHA384;
            case Oids.SHA512: return HashAlgorithm.SHA512;
            case Oids.SHA1:
                throw new TlsException(ErrorCode.CERTIFICATE_WEAK_SIGNATURE_ALGORITHM,
                        "certificate '" + subject + "' is signed with RSASSA-PSS over SHA-1, which policy refuses");
            default:
                throw unsupportedPss(subject, "hash " + alg.oid());
        }
    }

    private static TlsException unsupportedPss(String subject, String what) {
        return new TlsException(ErrorCode.CERTIFICATE_WEAK_SIGNATURE_ALGORITHM,
                "certificate '" + subject + "' is signed with RSASSA-PSS using " + what
                        + "; only the TLS forms (same hash for MGF1, salt = hash length) are supported");
    }
}
