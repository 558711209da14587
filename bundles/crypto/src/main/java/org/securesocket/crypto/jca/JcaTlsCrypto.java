package org.securesocket.crypto.jca;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.crypto.CapabilitySet;
import org.securesocket.crypto.CbcCipher;
import org.securesocket.crypto.Ffdhe;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.Hmac;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.Signer;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.TranscriptHash;

/**
 * The default provider, on the JDK's JCA. Its capability sets say what this JDK really does (a JDK
 * without ChaCha20 or X25519 simply lacks those rows): each algorithm is probed on the first question
 * about it, once per class loader, since instantiating an algorithm takes milliseconds in a fresh JVM
 * and a composition that takes the curves from another provider never asks about the JDK's. Every
 * random byte the JCA needs comes from the injected {@link RandomSource}. Thread-safe: the objects it
 * creates are not, and belong to one connection. Not final only so that the OSGi component can
 * register it as it is.
 */
public class JcaTlsCrypto implements TlsCrypto {
    private static final Set<HashAlgorithm> HASHES = new CapabilitySet<>(HashAlgorithm.class) {
        @Override
        protected boolean decide(HashAlgorithm hash) {
            return probeHash(hash);
        }
    };
    private static final Set<AeadAlgorithm> AEADS = new CapabilitySet<>(AeadAlgorithm.class) {
        @Override
        protected boolean decide(AeadAlgorithm aead) {
            return probeCipher(JcaAeadCipher.transformation(aead), JcaAeadCipher.keyAlgorithm(aead), aead.keyLength());
        }
    };
    private static final Set<NamedGroup> GROUPS = new CapabilitySet<>(NamedGroup.class) {
        @Override
        protected boolean decide(NamedGroup group) {
            return probeGroup(group);
        }
    };
    private static final Set<SignatureScheme> SCHEMES = new CapabilitySet<>(SignatureScheme.class) {
        @Override
        protected boolean decide(SignatureScheme scheme) {
            return JcaSignatures.available(scheme);
        }
    };

    private static final AtomicReferenceArray<Mac> MAC_PROTOTYPES =
            new AtomicReferenceArray<>(HashAlgorithm.values().length);
    private static final AtomicReferenceArray<MessageDigest> DIGEST_PROTOTYPES =
            new AtomicReferenceArray<>(HashAlgorithm.values().length);

    private final RandomSource random;
    private final SecureRandom secureRandom;
    private final Set<HashAlgorithm> hashes = HASHES;
    private final Set<AeadAlgorithm> aeads = AEADS;
    private final Set<NamedGroup> namedGroups = GROUPS;
    private final Set<SignatureScheme> verifySchemes = SCHEMES;
    private final Set<SignatureScheme> signSchemes = SCHEMES;

    /** A provider on the platform's strong random source. */
    public JcaTlsCrypto() {
        this(RandomSource.system());
    }

    /** A provider drawing all its randomness from {@code random} (a deterministic one in tests). */
    public JcaTlsCrypto(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        this.secureRandom = new RandomSourceSecureRandom(random);
    }

    /** AES-CBC, probed when first asked about (the JVM initialises this holder then). */
    private static final class Cbc {
        static final boolean SUPPORTED = probeCipher(JcaCbcCipher.TRANSFORMATION, "AES", 32);
    }

    @Override
    public String name() {
        return "jca";
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public Set<HashAlgorithm> hashes() {
        return hashes;
    }

    @Override
    public Set<AeadAlgorithm> aeads() {
        return aeads;
    }

    @Override
    public boolean supportsCbc() {
        return Cbc.SUPPORTED;
    }

    @Override
    public Set<NamedGroup> namedGroups() {
        return namedGroups;
    }

    @Override
    public Set<SignatureScheme> verifySchemes() {
        return verifySchemes;
    }

    @Override
    public Set<SignatureScheme> signSchemes() {
        return signSchemes;
    }

    @Override
    public TranscriptHash createHash(HashAlgorithm algorithm) throws TlsException {
        require(hashes.contains(algorithm), algorithm);
        try {
            return new JcaTranscriptHash(algorithm, newDigest(algorithm));
        } catch (GeneralSecurityException e) {
            throw unsupported(algorithm, e);
        }
    }

    @Override
    public Hmac createHmac(HashAlgorithm algorithm, byte[] key) throws TlsException {
        require(hashes.contains(algorithm), algorithm);
        // HMAC pads keys with zeros to the block length (RFC 2104 section 2), so an empty key,
        // which SecretKeySpec refuses (HKDF-Extract with no salt), equals a single zero byte.
        byte[] k = key.length == 0 ? new byte[1] : key;
        try {
            Mac mac = newMac(algorithm);
            mac.init(new SecretKeySpec(k, JcaNames.hmac(algorithm)));
            return new JcaHmac(algorithm, mac);
        } catch (GeneralSecurityException e) {
            throw unsupported("HMAC-" + algorithm, e);
        }
    }

    @Override
    public AeadCipher createAead(AeadAlgorithm algorithm, byte[] key) throws TlsException {
        require(aeads.contains(algorithm), algorithm);
        checkKey(algorithm.toString(), key, algorithm.keyLength());
        return new JcaAeadCipher(algorithm, new SecretKeySpec(key, JcaAeadCipher.keyAlgorithm(algorithm)));
    }

    @Override
    public CbcCipher createCbc(byte[] key) throws TlsException {
        require(supportsCbc(), "AES-CBC");
        if (key.length != 16 && key.length != 32) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "AES-CBC needs a 16- or 32-byte key, got " + key.length);
        }
        try {
            return new JcaCbcCipher(new SecretKeySpec(key, "AES"), Cipher.getInstance(JcaCbcCipher.TRANSFORMATION));
        } catch (GeneralSecurityException e) {
            throw unsupported("AES-CBC", e);
        }
    }

    @Override
    public KeyShare generateKeyShare(NamedGroup group) throws TlsException {
        require(namedGroups.contains(group), group);
        try {
            return newKeyShare(group, secureRandom);
        } catch (GeneralSecurityException e) {
            throw unsupported(group, e);
        }
    }

    @Override
    public KeyShare generateDhKeyShare(byte[] p, byte[] g, int minPrimeBits) throws TlsException {
        return DhKeyShare.serverParameters(p, g, minPrimeBits, secureRandom);
    }

    @Override
    public boolean verify(SignatureScheme scheme, byte[] subjectPublicKeyInfo, byte[] message, byte[] signature)
            throws TlsException {
        require(verifySchemes.contains(scheme), scheme);
        return JcaSignatures.verify(scheme, JcaSignatures.publicKey(scheme, subjectPublicKeyInfo), message, signature);
    }

    @Override
    public Signer createSigner(SignatureScheme scheme, byte[] pkcs8PrivateKey) throws TlsException {
        require(signSchemes.contains(scheme), scheme);
        return new JcaSigner(scheme, JcaSignatures.privateKey(scheme, pkcs8PrivateKey), secureRandom);
    }

    @Override
    public byte[] rsaEncryptPkcs1(byte[] subjectPublicKeyInfo, byte[] plaintext) throws TlsException {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                    "the key for RSA encryption is not an rsaEncryption public key: " + e.getMessage(), e);
        }
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, key, secureRandom);
            return rsa.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "RSA PKCS#1 encryption failed: " + e.getMessage(), e);
        }
    }

    private static KeyShare newKeyShare(NamedGroup group, SecureRandom random) throws GeneralSecurityException {
        return switch (group.kind()) {
            case EC -> EcKeyShare.generate(group, random);
            case XDH -> XdhKeyShare.generate(random);
            case FFDHE -> DhKeyShare.named(group, Ffdhe.prime(group), Ffdhe.GENERATOR, random);
        };
    }

    /**
     * A fresh Mac: a clone of this class loader's uninitialised one for the hash. HKDF takes about
     * twenty HMACs per TLS 1.3 handshake, and each {@code Mac.getInstance} is a provider look-up and
     * two reflective constructions (the Mac's and its digest's), after fifteen of which the JDK
     * generates accessor classes: milliseconds in a fresh JVM. The first clone selects the
     * prototype's provider before the prototype is shared, so that later clones only read it.
     */
    private static Mac newMac(HashAlgorithm hash) throws GeneralSecurityException {
        Mac prototype = MAC_PROTOTYPES.get(hash.ordinal());
        try {
            if (prototype == null) {
                Mac mac = Mac.getInstance(JcaNames.hmac(hash));
                Mac first = (Mac) mac.clone();
                MAC_PROTOTYPES.compareAndSet(hash.ordinal(), null, mac);
                return first;
            }
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return Mac.getInstance(JcaNames.hmac(hash)); // a provider whose HMAC cannot be cloned: never shared
        }
    }

    /**
     * A fresh MessageDigest: a clone of this class loader's unused one for the hash (a provider
     * search per transcript otherwise). The prototype is never updated, so clones only read it.
     */
    private static MessageDigest newDigest(HashAlgorithm hash) throws GeneralSecurityException {
        MessageDigest prototype = DIGEST_PROTOTYPES.get(hash.ordinal());
        if (prototype == null) {
            DIGEST_PROTOTYPES.compareAndSet(hash.ordinal(), null, MessageDigest.getInstance(JcaNames.digest(hash)));
            prototype = DIGEST_PROTOTYPES.get(hash.ordinal());
        }
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return MessageDigest.getInstance(JcaNames.digest(hash)); // probeHash refuses such a provider; kept safe
        }
    }

    private static boolean probeHash(HashAlgorithm hash) {
        try {
            MessageDigest.getInstance(JcaNames.digest(hash)).clone();
            Mac.getInstance(JcaNames.hmac(hash));
            return true;
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            return false; // not on this JDK
        }
    }

    private static boolean probeCipher(String transformation, String keyAlgorithm, int keyLength) {
        try {
            Cipher.getInstance(transformation);
            return Cipher.getMaxAllowedKeyLength(keyAlgorithm) >= keyLength * 8;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * A group is offered when its key generator accepts the curve and its key agreement exists
     * (without drawing from the random source); ffdhe is BigInteger arithmetic, always there.
     */
    private static boolean probeGroup(NamedGroup group) {
        try {
            switch (group.kind()) {
                case EC -> {
                    KeyPairGenerator.getInstance("EC").initialize(new ECGenParameterSpec(EcKeyShare.curveName(group)));
                    KeyAgreement.getInstance("ECDH");
                }
                case XDH -> {
                    KeyPairGenerator.getInstance("X25519");
                    KeyAgreement.getInstance("X25519");
                }
                case FFDHE -> {
                    // nothing to probe
                }
            }
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // not on this JDK
        }
    }

    private static void require(boolean supported, Object algorithm) throws TlsException {
        if (!supported) {
            throw new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM,
                    "the jca crypto provider does not support " + algorithm + " on this JDK");
        }
    }

    private static TlsException unsupported(Object algorithm, Exception cause) {
        return new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM,
                "the JCA refused " + algorithm + ": " + cause.getMessage(), cause);
    }

    private static void checkKey(String what, byte[] key, int length) throws TlsException {
        if (key.length != length) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                    what + " needs a " + length + "-byte key, got " + key.length);
        }
    }
}
