package org.securesocket.crypto.bc;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;

/**
 * Decodes the keys the SPI carries (DER SubjectPublicKeyInfo, PKCS#8) for ECDSA on a named NIST
 * curve (RFC 5480) and for Ed25519 (RFC 8410). Anything else, including a key of another type for
 * the scheme or any ASN.1 the parser refuses, is {@code crypto.invalid_key}.
 */
final class BcKeys {
    /** id-Ed25519 (RFC 8410 section 3). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private BcKeys() {
    }

    static ECPublicKeyParameters ecPublicKey(SignatureScheme scheme, byte[] spkiDer) throws TlsException {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(spkiDer);
            BcCurve curve = curve(scheme, spki.getAlgorithm());
            return new ECPublicKeyParameters(curve.decodeUncompressed(spki.getPublicKeyData().getOctets(),
                    "the public key for " + scheme, ErrorCode.CRYPTO_INVALID_KEY), curve.domain());
        } catch (RuntimeException e) {
            throw invalid(scheme, "public", e);
        }
    }

    static ECPrivateKeyParameters ecPrivateKey(SignatureScheme scheme, byte[] pkcs8Der) throws TlsException {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8Der);
            BcCurve curve = curve(scheme, info.getPrivateKeyAlgorithm());
            BigInteger d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
            if (d.signum() <= 0 || d.compareTo(curve.domain().getN()) >= 0) {
                throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the " + scheme + " private key is out of range");
            }
            return new ECPrivateKeyParameters(d, curve.domain());
        } catch (RuntimeException | java.io.IOException e) {
            throw invalid(scheme, "private", e);
        }
    }

    /** The 32-byte Ed25519 public key of an RFC 8410 SubjectPublicKeyInfo. */
    static byte[] ed25519PublicKey(SignatureScheme scheme, byte[] spkiDer) throws TlsException {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(spkiDer);
            requireEd25519(scheme, spki.getAlgorithm());
            byte[] key = spki.getPublicKeyData().getOctets();
            if (key.length != 32) {
                throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the Ed25519 public key has " + key.length + " bytes");
            }
            return key;
        } catch (RuntimeException e) {
            throw invalid(scheme, "public", e);
        }
    }

    static Ed25519PrivateKeyParameters ed25519PrivateKey(SignatureScheme scheme, byte[] pkcs8Der) throws TlsException {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8Der);
            requireEd25519(scheme, info.getPrivateKeyAlgorithm());
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
                throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the Ed25519 private key has " + seed.length + " bytes");
            }
            return new Ed25519PrivateKeyParameters(seed);
        } catch (RuntimeException | java.io.IOException e) {
            throw invalid(scheme, "private", e);
        }
    }

    /** RFC 5480 section 2.1.1: id-ecPublicKey with a namedCurve we know. */
    private static BcCurve curve(SignatureScheme scheme, AlgorithmIdentifier algorithm) throws TlsException {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                || !(algorithm.getParameters() instanceof ASN1ObjectIdentifier oid)) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the key for " + scheme
                    + " is not an EC key on a named curve (" + algorithm.getAlgorithm() + ")");
        }
        return BcCurve.of(oid).orElseThrow(() -> new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                "the EC key for " + scheme + " is on an unsupported curve " + oid));
    }

    /** RFC 8410 section 3: id-Ed25519 with absent parameters. */
    private static void requireEd25519(SignatureScheme scheme, AlgorithmIdentifier algorithm) throws TlsException {
        if (!ID_ED25519.equals(algorithm.getAlgorithm()) || algorithm.getParameters() != null) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                    "the key for " + scheme + " is not an Ed25519 key (" + algorithm.getAlgorithm() + ")");
        }
    }

    private static TlsException invalid(SignatureScheme scheme, String which, Exception e) {
        if (e instanceof TlsException t) {
            return t;
        }
        return new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                "the " + which + " key is not a valid key for " + scheme + ": " + e.getMessage(), e);
    }
}
