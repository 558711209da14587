package org.securesocket.crypto.jca;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
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
 * The default provider, on the JDK's JCA. Its capability sets are probed once at construction, so
 * they say what this JDK really does (a JDK without ChaCha20 or X25519 simply lacks those rows).
 * Every random byte the JCA needs comes from the injected {@link RandomSource}. Thread-safe: the
 * objects it creates are not, and belong to one connection. Not final only so that the OSGi component
 * can register it as it is.
 */
public class JcaTlsCrypto implements TlsCrypto {
    private final RandomSource random;
    private final SecureRandom secureRandom;
    private final Set<HashAlgorithm> hashes;
    private final Set<AeadAlgorithm> aeads;
    private final boolean cbc;
    private final Set<NamedGroup> namedGroups;
    private final Set<SignatureScheme> verifySchemes;
    private final Set<SignatureScheme> signSchemes;

    /** A provider on the platform's strong random source. */
    public JcaTlsCrypto() {
        this(RandomSource.system());
    }

    /** A provider drawing all its randomness from {@code random} (a deterministic one in tests). */
    public JcaTlsCrypto(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        this.secureRandom = new RandomSourceSecureRandom(random);
        Probed probed = Probed.PLATFORM;
        this.hashes = probed.hashes();
        this.aeads = probed.aeads();
        this.cbc = probed.cbc();
        this.namedGroups = probed.namedGroups();
        this.verifySchemes = probed.schemes();
        this.signSchemes = verifySchemes;
    }

    /**
     * What the platform's providers offer, probed once per class loader on first use: instantiating
     * every algorithm takes tens of milliseconds at start-up, and a composition (or the bc provider,
     * which keeps a JCA provider for the rest) would otherwise pay it again for every instance.
     */
    private record Probed(Set<HashAlgorithm> hashes, Set<AeadAlgorithm> aeads, boolean cbc,
            Set<NamedGroup> namedGroups, Set<SignatureScheme> schemes) {
        static final Probed PLATFORM = probe();

        private static Probed probe() {
            EnumSet<SignatureScheme> schemes = EnumSet.noneOf(SignatureScheme.class);
            for (SignatureScheme scheme : SignatureScheme.values()) {
                if (JcaSignatures.available(scheme)) {
                    schemes.add(scheme);
                }
            }
            return new Probed(probeHashes(), probeAeads(), probeCipher(JcaCbcCipher.TRANSFORMATION, "AES", 32),
                    probeGroups(), Collections.unmodifiableSet(schemes));
        }
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
        return cbc;
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
            return new JcaTranscriptHash(algorithm, MessageDigest.getInstance(JcaNames.digest(algorithm)));
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
            Mac mac = Mac.getInstance(JcaNames.hmac(algorithm));
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
        require(cbc, "AES-CBC");
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

    private static Set<HashAlgorithm> probeHashes() {
        EnumSet<HashAlgorithm> set = EnumSet.noneOf(HashAlgorithm.class);
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            try {
                MessageDigest.getInstance(JcaNames.digest(hash)).clone();
                Mac.getInstance(JcaNames.hmac(hash));
                set.add(hash);
            } catch (GeneralSecurityException | CloneNotSupportedException e) {
                // not on this JDK: left out of the set
            }
        }
        return Collections.unmodifiableSet(set);
    }

    private static Set<AeadAlgorithm> probeAeads() {
        EnumSet<AeadAlgorithm> set = EnumSet.noneOf(AeadAlgorithm.class);
        for (AeadAlgorithm aead : AeadAlgorithm.values()) {
            if (probeCipher(JcaAeadCipher.transformation(aead), JcaAeadCipher.keyAlgorithm(aead), aead.keyLength())) {
                set.add(aead);
            }
        }
        return Collections.unmodifiableSet(set);
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
    private static Set<NamedGroup> probeGroups() {
        EnumSet<NamedGroup> set = EnumSet.noneOf(NamedGroup.class);
        for (NamedGroup group : NamedGroup.values()) {
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
                set.add(group);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not on this JDK: left out of the set
            }
        }
        return Collections.unmodifiableSet(set);
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
