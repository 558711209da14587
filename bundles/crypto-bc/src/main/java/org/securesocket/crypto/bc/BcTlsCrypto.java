package org.securesocket.crypto.bc;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.crypto.CapabilitySet;
import org.securesocket.crypto.CbcCipher;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.Hmac;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.Signer;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.TranscriptHash;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.crypto.jca.RandomSourceSecureRandom;

/**
 * A provider on BouncyCastle's lightweight API (bcprov, no JCA provider registration) for what BC
 * does faster than JDK 17 or what must be constant-time in pure Java: ECDHE on P-256/P-384/P-521,
 * X25519, ECDSA and Ed25519, plus AES-GCM and ChaCha20-Poly1305 (measured, see
 * {@code org.securesocket.crypto.compose.Primitive}). For the rest (hashes, HMAC, AES-CBC,
 * finite-field DH and RSA, which are JDK BigInteger or intrinsic code either way) it serves the JCA
 * provider's implementation, so it is a complete provider that passes the whole shared suite.
 * Every random byte comes from the injected {@link RandomSource}. Thread-safe; the objects it
 * creates belong to one connection. Not final only so that the OSGi component can register it.
 */
public class BcTlsCrypto implements TlsCrypto {
    private static final Set<AeadAlgorithm> AEADS = Collections.unmodifiableSet(EnumSet.allOf(AeadAlgorithm.class));
    private static final Set<NamedGroup> GROUPS = Collections.unmodifiableSet(EnumSet.allOf(NamedGroup.class));

    private final RandomSource random;
    private final SecureRandom secureRandom;
    private final JcaTlsCrypto platform;
    private final Set<SignatureScheme> schemes;

    /** A provider on the platform's strong random source. */
    public BcTlsCrypto() {
        this(RandomSource.system());
    }

    /** A provider drawing all its randomness from {@code random} (a deterministic one in tests). */
    public BcTlsCrypto(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        this.secureRandom = new RandomSourceSecureRandom(random);
        this.platform = new JcaTlsCrypto(random);
        this.schemes = new Schemes(platform);
        BcX25519KeyShare.prepare();
    }

    /** BouncyCastle's schemes, and the platform's for the rest (asked only about those). */
    private static final class Schemes extends CapabilitySet<SignatureScheme> {
        private final JcaTlsCrypto platform;

        Schemes(JcaTlsCrypto platform) {
            super(SignatureScheme.class);
            this.platform = platform;
        }

        @Override
        protected boolean decide(SignatureScheme scheme) {
            return BcSignatures.supports(scheme) || platform.verifySchemes().contains(scheme);
        }
    }

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public Set<HashAlgorithm> hashes() {
        return platform.hashes();
    }

    @Override
    public Set<AeadAlgorithm> aeads() {
        return AEADS;
    }

    @Override
    public boolean supportsCbc() {
        return platform.supportsCbc();
    }

    /** Every group: the EC ones are BouncyCastle's, ffdhe the platform's BigInteger arithmetic. */
    @Override
    public Set<NamedGroup> namedGroups() {
        return GROUPS;
    }

    @Override
    public Set<SignatureScheme> verifySchemes() {
        return schemes;
    }

    @Override
    public Set<SignatureScheme> signSchemes() {
        return schemes;
    }

    @Override
    public TranscriptHash createHash(HashAlgorithm algorithm) throws TlsException {
        return platform.createHash(algorithm);
    }

    @Override
    public Hmac createHmac(HashAlgorithm algorithm, byte[] key) throws TlsException {
        return platform.createHmac(algorithm, key);
    }

    @Override
    public AeadCipher createAead(AeadAlgorithm algorithm, byte[] key) throws TlsException {
        if (key.length != algorithm.keyLength()) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                    algorithm + " needs a " + algorithm.keyLength() + "-byte key, got " + key.length);
        }
        return new BcAeadCipher(algorithm, key.clone());
    }

    @Override
    public CbcCipher createCbc(byte[] key) throws TlsException {
        return platform.createCbc(key);
    }

    @Override
    public KeyShare generateKeyShare(NamedGroup group) throws TlsException {
        return switch (group.kind()) {
            case EC -> BcEcKeyShare.generate(BcCurve.of(group), secureRandom);
            case XDH -> BcX25519KeyShare.generate(secureRandom);
            case FFDHE -> platform.generateKeyShare(group);
        };
    }

    @Override
    public KeyShare generateDhKeyShare(byte[] p, byte[] g, int minPrimeBits) throws TlsException {
        return platform.generateDhKeyShare(p, g, minPrimeBits);
    }

    @Override
    public boolean verify(SignatureScheme scheme, byte[] subjectPublicKeyInfo, byte[] message, byte[] signature)
            throws TlsException {
        if (BcSignatures.supports(scheme)) {
            return BcSignatures.verify(scheme, subjectPublicKeyInfo, message, signature);
        }
        return platform.verify(scheme, subjectPublicKeyInfo, message, signature);
    }

    @Override
    public Signer createSigner(SignatureScheme scheme, byte[] pkcs8PrivateKey) throws TlsException {
        if (BcSignatures.supports(scheme)) {
            return BcSignatures.signer(scheme, pkcs8PrivateKey, secureRandom);
        }
        return platform.createSigner(scheme, pkcs8PrivateKey);
    }

    @Override
    public byte[] rsaEncryptPkcs1(byte[] subjectPublicKeyInfo, byte[] plaintext) throws TlsException {
        return platform.rsaEncryptPkcs1(subjectPublicKeyInfo, plaintext);
    }
}
