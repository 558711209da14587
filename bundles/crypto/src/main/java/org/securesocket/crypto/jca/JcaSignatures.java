package org.securesocket.crypto.jca;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RecentlyUsed;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.SignatureScheme.KeyType;

/** Signature verification and signing for every {@link SignatureScheme} row on the JCA. */
final class JcaSignatures {
    private static final RecentlyUsed<DecodedKey, PublicKey> RECENT_KEYS = new RecentlyUsed<>(16);

    /**
     * Each thread's verifiers, by {@link SignatureScheme} ordinal, built on first use: a
     * {@code Signature.getInstance} is a provider search and, for RSASSA-PSS, a parameter check on
     * every handshake. A JDK-typed array in a plain {@code ThreadLocal}: nothing of ours is kept by threads.
     */
    private static final ThreadLocal<Signature[]> VERIFIERS = new ThreadLocal<>();
    private static final int SCHEMES = SignatureScheme.values().length;

    /** A key's factory and encoding, hashed once; a look-up wraps the caller's array, a stored key a copy. */
    private static final class DecodedKey {
        private final String factory;
        private final byte[] subjectPublicKeyInfo;
        private final int hash;

        DecodedKey(String factory, byte[] subjectPublicKeyInfo) {
            this.factory = factory;
            this.subjectPublicKeyInfo = subjectPublicKeyInfo;
            this.hash = 31 * factory.hashCode() + Arrays.hashCode(subjectPublicKeyInfo);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DecodedKey key && hash == key.hash && factory.equals(key.factory)
                    && Arrays.equals(subjectPublicKeyInfo, key.subjectPublicKeyInfo);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private JcaSignatures() {
    }

    /** The KeyFactory algorithm for a key type; the JDK's factories refuse keys of another type. */
    static String keyFactoryName(KeyType type) {
        return switch (type) {
            case RSA -> "RSA";
            case RSA_PSS -> "RSASSA-PSS";
            case EC -> "EC";
            case ED25519 -> "Ed25519";
        };
    }

    /** Checks that the JCA can build this scheme's signature and key factory. */
    static boolean available(SignatureScheme scheme) {
        try {
            KeyFactory.getInstance(keyFactoryName(scheme.keyType()));
            newSignature(scheme);
            if (scheme.padding() == SignatureScheme.Padding.PKCS1_NO_DIGEST_INFO) {
                MessageDigest.getInstance("MD5");
                MessageDigest.getInstance("SHA-1");
            }
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The decoded key; a server's key verifies every handshake with it, so the last few keys that
     * decoded are kept (JVM-wide, keyed by their factory and encoding: a JDK key is immutable).
     */
    static PublicKey publicKey(SignatureScheme scheme, byte[] subjectPublicKeyInfo) throws TlsException {
        String factory = keyFactoryName(scheme.keyType());
        PublicKey recent = RECENT_KEYS.get(new DecodedKey(factory, subjectPublicKeyInfo));
        if (recent != null) {
            return recent;
        }
        try {
            PublicKey key = KeyFactory.getInstance(factory).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
            RECENT_KEYS.put(new DecodedKey(factory, subjectPublicKeyInfo.clone()), key);
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                    "the public key is not a valid " + scheme.keyType() + " key for " + scheme + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(SignatureScheme scheme, byte[] pkcs8) throws TlsException {
        try {
            return KeyFactory.getInstance(keyFactoryName(scheme.keyType()))
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                    "the PKCS#8 private key is not a valid " + scheme.keyType() + " key for " + scheme + ": "
                            + e.getMessage(), e);
        }
    }

    static boolean verify(SignatureScheme scheme, PublicKey key, byte[] message, byte[] signature)
            throws TlsException {
        if (scheme.keyType() == KeyType.EC) {
            return verifyEcdsa(scheme, (ECPublicKey) key, message, signature);
        }
        if (scheme.keyType() == KeyType.ED25519 && signature.length != 64) {
            return false; // RFC 8032 section 5.1.7: exactly 64 bytes (the JDK ignores trailing bytes)
        }
        Signature[] mine = VERIFIERS.get();
        if (mine == null) {
            mine = new Signature[SCHEMES];
            VERIFIERS.set(mine);
        }
        boolean completed = false;
        try {
            Signature verifier = mine[scheme.ordinal()];
            if (verifier == null) {
                verifier = newSignature(scheme);
                mine[scheme.ordinal()] = verifier;
            }
            verifier.initVerify(key); // resets the object: nothing of an earlier verification is left
            verifier.update(signedData(scheme, message));
            boolean valid = verifier.verify(signature);
            completed = true;
            return valid;
        } catch (SignatureException e) {
            return false; // a malformed signature is an invalid one
        } catch (InvalidKeyException e) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                    "the public key does not fit " + scheme + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM,
                    "the JCA cannot verify " + scheme + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A provider failing on peer-supplied bytes (ProviderException, IllegalArgumentException ...):
            // nothing verified, so fail closed rather than let an unchecked exception escape.
            return false;
        } finally {
            if (!completed) {
                mine[scheme.ordinal()] = null; // a verifier that failed is not reused, whatever state it is in
            }
        }
    }

    /** ECDSA with the strict DER form and our own arithmetic (see {@link EcdsaVerifier}). */
    private static boolean verifyEcdsa(SignatureScheme scheme, ECPublicKey key, byte[] message, byte[] signature)
            throws TlsException {
        if (!EcdsaVerifier.validKey(key)) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the EC public key for " + scheme
                    + " is not a point on its prime curve");
        }
        int scalarLength = (key.getParams().getOrder().bitLength() + 7) / 8;
        Optional<byte[]> rs = EcdsaEncoding.derToP1363(signature, scalarLength);
        if (rs.isEmpty()) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance(JcaNames.digest(hash(scheme))).digest(message);
            return EcdsaVerifier.verify(key, digest, rs.get());
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM,
                    "the JCA has no " + hash(scheme) + " for " + scheme, e);
        }
    }

    static byte[] sign(SignatureScheme scheme, PrivateKey key, SecureRandom random, byte[] message)
            throws TlsException {
        try {
            Signature signer = newSignature(scheme);
            signer.initSign(key, random);
            signer.update(signedData(scheme, message));
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                    "the private key does not fit " + scheme + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM,
                    "the JCA cannot sign with " + scheme + ": " + e.getMessage(), e);
        }
    }

    /** A Signature object for the scheme; ECDSA signs in DER, the TLS wire form. */
    private static Signature newSignature(SignatureScheme scheme) throws GeneralSecurityException {
        return switch (scheme.padding()) {
            case PKCS1 -> Signature.getInstance(JcaNames.signaturePrefix(hash(scheme)) + "withRSA");
            // RFC 4346 section 7.4.3: the 36-byte MD5 || SHA-1 value is signed without DigestInfo.
            case PKCS1_NO_DIGEST_INFO -> Signature.getInstance("NONEwithRSA");
            case PSS -> pss(hash(scheme));
            case NONE -> scheme.keyType() == KeyType.ED25519
                    ? Signature.getInstance("Ed25519")
                    : Signature.getInstance(JcaNames.signaturePrefix(hash(scheme)) + "withECDSA");
        };
    }

    /** RFC 8446 section 4.2.3: MGF1 with the same hash, a salt as long as the hash. */
    private static Signature pss(HashAlgorithm hash) throws GeneralSecurityException {
        Signature pss = Signature.getInstance("RSASSA-PSS");
        String name = JcaNames.digest(hash);
        pss.setParameter(new PSSParameterSpec(name, "MGF1", new MGF1ParameterSpec(name), hash.outputLength(), 1));
        return pss;
    }

    private static byte[] signedData(SignatureScheme scheme, byte[] message) throws GeneralSecurityException {
        if (scheme.padding() != SignatureScheme.Padding.PKCS1_NO_DIGEST_INFO) {
            return message;
        }
        byte[] out = new byte[36];
        System.arraycopy(MessageDigest.getInstance("MD5").digest(message), 0, out, 0, 16);
        System.arraycopy(MessageDigest.getInstance("SHA-1").digest(message), 0, out, 16, 20);
        return out;
    }

    private static HashAlgorithm hash(SignatureScheme scheme) {
        HashAlgorithm hash = scheme.hash().orElse(null);
        if (hash == null) {
            throw new IllegalStateException(scheme + " has no hash");
        }
        return hash;
    }
}
