package org.securesocket.crypto.bc;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.SignatureScheme.KeyType;
import org.securesocket.crypto.Signer;

/**
 * ECDSA and Ed25519 on BouncyCastle. Verification handles public values only (ECDSA:
 * {@link BcEcdsaVerification}, variable time by design). Signing is constant-time where the secret is used:
 * {@code ECDSASigner} computes k*G with the fixed-point comb and inverts k with the constant-time
 * {@code modOddInverse}; {@code rfc8032.Ed25519} signs with its constant-time comb.
 */
final class BcSignatures {
    private static final int ED25519_SIGNATURE_LENGTH = 64;

    private BcSignatures() {
    }

    static boolean supports(SignatureScheme scheme) {
        return scheme.keyType() == KeyType.EC || scheme.keyType() == KeyType.ED25519;
    }

    static boolean verify(SignatureScheme scheme, byte[] spki, byte[] message, byte[] signature) throws TlsException {
        if (scheme.keyType() == KeyType.ED25519) {
            byte[] key = BcKeys.ed25519PublicKey(scheme, spki);
            // RFC 8032 section 5.1.7: exactly 64 bytes, S < L, A and R decoded strictly (BouncyCastle checks both).
            return signature.length == ED25519_SIGNATURE_LENGTH
                    && Ed25519.verify(signature, 0, key, 0, message, 0, message.length);
        }
        return BcEcdsaVerification.verify(scheme, spki, message, signature);
    }

    static Signer signer(SignatureScheme scheme, byte[] pkcs8, SecureRandom random) throws TlsException {
        if (scheme.keyType() == KeyType.ED25519) {
            Ed25519PrivateKeyParameters key = BcKeys.ed25519PrivateKey(scheme, pkcs8);
            return new BcSigner(scheme, message -> {
                byte[] sig = new byte[ED25519_SIGNATURE_LENGTH];
                key.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, sig, 0);
                return sig;
            });
        }
        ECPrivateKeyParameters key = BcKeys.ecPrivateKey(scheme, pkcs8);
        return new BcSigner(scheme, message -> {
            ECDSASigner signer = new ECDSASigner(); // random k from the provider's source (SEC 1 section 4.1.3)
            signer.init(true, new ParametersWithRandom(key, random));
            BigInteger[] rs = signer.generateSignature(digest(scheme, message));
            try {
                return StandardDSAEncoding.INSTANCE.encode(key.getParameters().getN(), rs[0], rs[1]);
            } catch (java.io.IOException e) {
                throw new TlsException(ErrorCode.INTERNAL_ERROR, "cannot DER-encode an ECDSA signature", e);
            }
        });
    }

    static byte[] digest(SignatureScheme scheme, byte[] message) throws TlsException {
        HashAlgorithm hash = scheme.hash().orElseThrow();
        String name = switch (hash) {
            case MD5 -> "MD5";
            case SHA1 -> "SHA-1";
            case SHA224 -> "SHA-224";
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
        };
        try {
            return MessageDigest.getInstance(name).digest(message); // the JDK's, with its intrinsics
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM, "this JDK has no " + hash + " for " + scheme, e);
        }
    }
}
