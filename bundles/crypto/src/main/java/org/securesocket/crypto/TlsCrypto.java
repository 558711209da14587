package org.securesocket.crypto;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;

/**
 * The crypto provider the protocol layers ask for every primitive (the BouncyCastle {@code TlsCrypto}
 * split): the handshake and record layers never call {@code javax.crypto} or {@code java.security}
 * themselves. A provider is also data: the capability sets say what it can do, so the handshake
 * offers only what works. An unsupported request fails with {@code crypto.unsupported_algorithm}
 * naming the algorithm, never with a null or a silent "not verified".
 */
@ConsumerType
public interface TlsCrypto {

    /** A short name for traces and diagnostics, e.g. {@code "jca"}. */
    String name();

    /** The random source this provider draws key material and nonces from. */
    RandomSource random();

    Set<HashAlgorithm> hashes();

    Set<AeadAlgorithm> aeads();

    /** Whether AES-CBC ({@link #createCbc}) is available for the legacy CBC suites. */
    boolean supportsCbc();

    Set<NamedGroup> namedGroups();

    /** The schemes {@link #verify} accepts. */
    Set<SignatureScheme> verifySchemes();

    /** The schemes {@link #createSigner} accepts. */
    Set<SignatureScheme> signSchemes();

    TranscriptHash createHash(HashAlgorithm algorithm) throws TlsException;

    Hmac createHmac(HashAlgorithm algorithm, byte[] key) throws TlsException;

    AeadCipher createAead(AeadAlgorithm algorithm, byte[] key) throws TlsException;

    /** AES-CBC with a 16- or 32-byte key. */
    CbcCipher createCbc(byte[] key) throws TlsException;

    /** A fresh ephemeral key pair on a named group (ECDHE, X25519, RFC 7919 ffdhe). */
    KeyShare generateKeyShare(NamedGroup group) throws TlsException;

    /**
     * A fresh ephemeral key pair for server-supplied DHE parameters (TLS 1.2 and below).
     *
     * @param p             the prime, big-endian unsigned
     * @param g             the generator, big-endian unsigned
     * @param minPrimeBits  policy minimum for p; a smaller p fails with {@code handshake.insufficient_security}
     */
    KeyShare generateDhKeyShare(byte[] p, byte[] g, int minPrimeBits) throws TlsException;

    /**
     * Verifies a signature with a public key given as DER SubjectPublicKeyInfo.
     *
     * @return whether the signature is valid; callers map {@code false} to their own code
     *         ({@code certificate.bad_signature}, {@code handshake.bad_signature})
     * @throws TlsException {@code crypto.unsupported_algorithm} when the scheme is not supported,
     *                      {@code crypto.invalid_key} when the key does not fit the scheme
     */
    boolean verify(SignatureScheme scheme, byte[] subjectPublicKeyInfo, byte[] message, byte[] signature)
            throws TlsException;

    /** A signer for a PKCS#8 private key. */
    Signer createSigner(SignatureScheme scheme, byte[] pkcs8PrivateKey) throws TlsException;

    /**
     * RSAES-PKCS1-v1_5 encryption (RFC 8017 section 7.2), for the TLS 1.2 RSA key exchange premaster.
     */
    byte[] rsaEncryptPkcs1(byte[] subjectPublicKeyInfo, byte[] plaintext) throws TlsException;
}
