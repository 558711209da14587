package org.securesocket.crypto.compose;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
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
        return routing.servedBy;
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
        return routing.pick(Primitive.AES_CBC, TlsCrypto::supportsCbc) != null;
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
        return route(Primitive.HASH, c -> c.hashes().contains(algorithm), algorithm).createHash(algorithm);
    }

    @Override
    public Hmac createHmac(HashAlgorithm algorithm, byte[] key) throws TlsException {
        return route(Primitive.HMAC, c -> c.hashes().contains(algorithm), algorithm).createHmac(algorithm, key);
    }

    @Override
    public AeadCipher createAead(AeadAlgorithm algorithm, byte[] key) throws TlsException {
        Primitive primitive = algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? Primitive.CHACHA20_POLY1305 : Primitive.AES_GCM;
        return route(primitive, c -> c.aeads().contains(algorithm), algorithm).createAead(algorithm, key);
    }

    @Override
    public CbcCipher createCbc(byte[] key) throws TlsException {
        return route(Primitive.AES_CBC, TlsCrypto::supportsCbc, "AES-CBC").createCbc(key);
    }

    @Override
    public KeyShare generateKeyShare(NamedGroup group) throws TlsException {
        return route(keyExchange(group), c -> c.namedGroups().contains(group), group).generateKeyShare(group);
    }

    @Override
    public KeyShare generateDhKeyShare(byte[] p, byte[] g, int minPrimeBits) throws TlsException {
        return route(Primitive.FFDHE, Primitive.FFDHE::offeredBy, "DHE").generateDhKeyShare(p, g, minPrimeBits);
    }

    @Override
    public boolean verify(SignatureScheme scheme, byte[] subjectPublicKeyInfo, byte[] message, byte[] signature)
            throws TlsException {
        return route(signature(scheme, false), c -> c.verifySchemes().contains(scheme), scheme)
                .verify(scheme, subjectPublicKeyInfo, message, signature);
    }

    @Override
    public Signer createSigner(SignatureScheme scheme, byte[] pkcs8PrivateKey) throws TlsException {
        return route(signature(scheme, true), c -> c.signSchemes().contains(scheme), scheme)
                .createSigner(scheme, pkcs8PrivateKey);
    }

    @Override
    public byte[] rsaEncryptPkcs1(byte[] subjectPublicKeyInfo, byte[] plaintext) throws TlsException {
        return route(Primitive.RSA_ENCRYPT, c -> true, "RSA encryption").rsaEncryptPkcs1(subjectPublicKeyInfo, plaintext);
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

    private TlsCrypto route(Primitive primitive, Predicate<TlsCrypto> supports, Object request) throws TlsException {
        TlsCrypto provider = routing.pick(primitive, supports);
        if (provider == null) {
            throw new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM, "no crypto provider present supports "
                    + request + " (providers: " + routing.names() + ")");
        }
        return provider;
    }

    /** One immutable view of the providers: per-primitive preference lists and the union sets. */
    private static final class Routing {
        final List<TlsCrypto> providers;
        final Map<Primitive, List<TlsCrypto>> ranked = new EnumMap<>(Primitive.class);
        final Map<Primitive, String> servedBy;
        final Set<HashAlgorithm> hashes;
        final Set<AeadAlgorithm> aeads;
        final Set<NamedGroup> namedGroups;
        final Set<SignatureScheme> verifySchemes;
        final Set<SignatureScheme> signSchemes;

        Routing(List<TlsCrypto> providers) {
            this.providers = providers;
            Map<Primitive, String> served = new EnumMap<>(Primitive.class);
            for (Primitive primitive : Primitive.values()) {
                List<TlsCrypto> order = primitive.rank(providers);
                ranked.put(primitive, order);
                order.stream().filter(primitive::offeredBy).findFirst().ifPresent(c -> served.put(primitive, c.name()));
            }
            this.servedBy = Collections.unmodifiableMap(served);
            this.hashes = union(HashAlgorithm.class, TlsCrypto::hashes);
            this.aeads = union(AeadAlgorithm.class, TlsCrypto::aeads);
            this.namedGroups = union(NamedGroup.class, TlsCrypto::namedGroups);
            this.verifySchemes = union(SignatureScheme.class, TlsCrypto::verifySchemes);
            this.signSchemes = union(SignatureScheme.class, TlsCrypto::signSchemes);
        }

        TlsCrypto pick(Primitive primitive, Predicate<TlsCrypto> supports) {
            for (TlsCrypto provider : ranked.get(primitive)) {
                if (supports.test(provider)) {
                    return provider;
                }
            }
            return null;
        }

        List<String> names() {
            return providers.stream().map(TlsCrypto::name).toList();
        }

        private <E extends Enum<E>> Set<E> union(Class<E> type, Function<TlsCrypto, Set<E>> capability) {
            EnumSet<E> set = EnumSet.noneOf(type);
            providers.forEach(c -> set.addAll(capability.apply(c)));
            return Collections.unmodifiableSet(set);
        }
    }
}
