package org.securesocket.crypto.compose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

/**
 * A provider made of others: each request goes to the fastest provider (by {@link Primitive}'s
 * recorded measurements) that supports it, and the capability sets are the union of theirs. With
 * the JCA provider alone it is the JCA provider; with the BouncyCastle one added, the elliptic-curve
 * work moves there while AES-GCM stays on the JDK's intrinsics. {@link #servedBy()} says which
 * provider serves what. The objects it creates belong to the provider that made them.
 *
 * <p>The provider list can be replaced at any time ({@link #setProviders}); each request sees one
 * consistent snapshot. Not final only so that the OSGi component can register it as it is.
 */
public class ComposedTlsCrypto implements TlsCrypto {
    private volatile Routing routing = new Routing(List.of());

    /** A composition that serves nothing until {@link #setProviders} is called. */
    protected ComposedTlsCrypto() {
    }

    /** A composition of {@code providers}; among unmeasured ones, the earlier in the list is preferred. */
    public ComposedTlsCrypto(List<? extends TlsCrypto> providers) {
        setProviders(providers);
    }

    /** Replaces the providers; requests already routed keep the objects they were given. */
    protected final void setProviders(Collection<? extends TlsCrypto> providers) {
        routing = new Routing(List.copyOf(providers));
    }

    /** Which provider (by name) serves each primitive now; a primitive nobody offers is absent. */
    public Map<Primitive, String> servedBy() {
        Routing now = routing;
        Map<Primitive, String> served = new EnumMap<>(Primitive.class);
        for (Primitive primitive : Primitive.values()) {
            for (TlsCrypto provider : now.ranked.get(primitive)) {
                if (primitive.offeredBy(provider)) {
                    served.put(primitive, provider.name());
                    break;
                }
            }
        }
        return Collections.unmodifiableMap(served);
    }

    @Override
    public String name() {
        return "composed";
    }

    /** The random source of the first provider given (the platform's, for the OSGi component). */
    @Override
    public RandomSource random() {
        List<TlsCrypto> providers = routing.providers;
        return providers.isEmpty() ? RandomSource.system() : providers.get(0).random();
    }

    @Override
    public Set<HashAlgorithm> hashes() {
        return routing.hashes;
    }

    @Override
    public Set<AeadAlgorithm> aeads() {
        return routing.aeads;
    }

    @Override
    public boolean supportsCbc() {
        return routing.pick(Request.CBC, null) != null;
    }

    @Override
    public Set<NamedGroup> namedGroups() {
        return routing.namedGroups;
    }

    @Override
    public Set<SignatureScheme> verifySchemes() {
        return routing.verifySchemes;
    }

    @Override
    public Set<SignatureScheme> signSchemes() {
        return routing.signSchemes;
    }

    @Override
    public TranscriptHash createHash(HashAlgorithm algorithm) throws TlsException {
        return route(Request.HASH, algorithm).createHash(algorithm);
    }

    @Override
    public Hmac createHmac(HashAlgorithm algorithm, byte[] key) throws TlsException {
        return route(Request.HMAC, algorithm).createHmac(algorithm, key);
    }

    @Override
    public AeadCipher createAead(AeadAlgorithm algorithm, byte[] key) throws TlsException {
        return route(Request.AEAD, algorithm).createAead(algorithm, key);
    }

    @Override
    public CbcCipher createCbc(byte[] key) throws TlsException {
        return route(Request.CBC, "AES-CBC").createCbc(key);
    }

    @Override
    public KeyShare generateKeyShare(NamedGroup group) throws TlsException {
        return route(Request.KEY_SHARE, group).generateKeyShare(group);
    }

    @Override
    public KeyShare generateDhKeyShare(byte[] p, byte[] g, int minPrimeBits) throws TlsException {
        return route(Request.DHE, "DHE").generateDhKeyShare(p, g, minPrimeBits);
    }

    @Override
    public boolean verify(SignatureScheme scheme, byte[] subjectPublicKeyInfo, byte[] message, byte[] signature)
            throws TlsException {
        return route(Request.VERIFY, scheme)
                .verify(scheme, subjectPublicKeyInfo, message, signature);
    }

    @Override
    public Signer createSigner(SignatureScheme scheme, byte[] pkcs8PrivateKey) throws TlsException {
        return route(Request.SIGN, scheme)
                .createSigner(scheme, pkcs8PrivateKey);
    }

    @Override
    public byte[] rsaEncryptPkcs1(byte[] subjectPublicKeyInfo, byte[] plaintext) throws TlsException {
        return route(Request.RSA_ENCRYPT, "RSA encryption").rsaEncryptPkcs1(subjectPublicKeyInfo, plaintext);
    }

    /** The primitive a key exchange on {@code group} is. */
    static Primitive keyExchange(NamedGroup group) {
        return switch (group) {
            case SECP256R1 -> Primitive.ECDH_P256;
            case SECP384R1 -> Primitive.ECDH_P384;
            case SECP521R1 -> Primitive.ECDH_P521;
            case X25519 -> Primitive.X25519;
            case FFDHE2048, FFDHE3072, FFDHE4096 -> Primitive.FFDHE;
        };
    }

    /** The primitive a signature scheme is, for verifying or signing. */
    static Primitive signature(SignatureScheme scheme, boolean sign) {
        return switch (scheme.keyType()) {
            case EC -> sign ? Primitive.ECDSA_SIGN : Primitive.ECDSA_VERIFY;
            case ED25519 -> sign ? Primitive.ED25519_SIGN : Primitive.ED25519_VERIFY;
            case RSA, RSA_PSS -> sign ? Primitive.RSA_SIGN : Primitive.RSA_VERIFY;
        };
    }

    private TlsCrypto route(Request request, Object algorithm) throws TlsException {
        TlsCrypto provider = routing.pick(request, algorithm);
        if (provider == null) {
            throw new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM, "no crypto provider present supports "
                    + algorithm + " (providers: " + routing.names() + ")");
        }
        return provider;
    }

    /** The kinds of request: which primitive serves each, and what a provider must support for it. */
    private enum Request {
        HASH, HMAC, AEAD, CBC, KEY_SHARE, DHE, VERIFY, SIGN, RSA_ENCRYPT;

        Primitive primitive(Object algorithm) {
            return switch (this) {
                case HASH -> Primitive.HASH;
                case HMAC -> Primitive.HMAC;
                case AEAD -> algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? Primitive.CHACHA20_POLY1305 : Primitive.AES_GCM;
                case CBC -> Primitive.AES_CBC;
                case KEY_SHARE -> keyExchange((NamedGroup) algorithm);
                case DHE -> Primitive.FFDHE;
                case VERIFY -> signature((SignatureScheme) algorithm, false);
                case SIGN -> signature((SignatureScheme) algorithm, true);
                case RSA_ENCRYPT -> Primitive.RSA_ENCRYPT;
            };
        }

        boolean supportedBy(TlsCrypto provider, Object algorithm) {
            return switch (this) {
                case HASH, HMAC -> provider.hashes().contains(algorithm);
                case AEAD -> provider.aeads().contains(algorithm);
                case CBC -> provider.supportsCbc();
                case KEY_SHARE -> provider.namedGroups().contains(algorithm);
                case DHE -> Primitive.FFDHE.offeredBy(provider);
                case VERIFY -> provider.verifySchemes().contains(algorithm);
                case SIGN -> provider.signSchemes().contains(algorithm);
                case RSA_ENCRYPT -> true;
            };
        }
    }

    /**
     * One immutable view of the providers: per-primitive preference lists, and capability sets that
     * hold what some provider supports. Those are decided per algorithm on the first question, asking
     * the providers in the order the request would be routed, so that asking about X25519 stops at the
     * provider that would serve it and never probes a slower one.
     */
    private static final class Routing {
        final List<TlsCrypto> providers;
        final Map<Primitive, List<TlsCrypto>> ranked = new EnumMap<>(Primitive.class);
        final Set<HashAlgorithm> hashes = new Union<>(HashAlgorithm.class, Request.HASH);
        final Set<AeadAlgorithm> aeads = new Union<>(AeadAlgorithm.class, Request.AEAD);
        final Set<NamedGroup> namedGroups = new Union<>(NamedGroup.class, Request.KEY_SHARE);
        final Set<SignatureScheme> verifySchemes = new Union<>(SignatureScheme.class, Request.VERIFY);
        final Set<SignatureScheme> signSchemes = new Union<>(SignatureScheme.class, Request.SIGN);

        Routing(List<TlsCrypto> providers) {
            this.providers = providers;
            for (Primitive primitive : Primitive.values()) {
                ranked.put(primitive, primitive.rank(providers));
            }
        }

        TlsCrypto pick(Request request, Object algorithm) {
            for (TlsCrypto provider : ranked.get(request.primitive(algorithm))) {
                if (request.supportedBy(provider, algorithm)) {
                    return provider;
                }
            }
            return null;
        }

        List<String> names() {
            List<String> names = new ArrayList<>(providers.size());
            for (TlsCrypto provider : providers) {
                names.add(provider.name());
            }
            return names;
        }

        /** The algorithms of one kind of request that some provider serves. */
        private final class Union<E extends Enum<E>> extends CapabilitySet<E> {
            private final Request request;

            Union(Class<E> type, Request request) {
                super(type);
                this.request = request;
            }

            @Override
            protected boolean decide(E algorithm) {
                return pick(request, algorithm) != null;
            }
        }
    }
}
