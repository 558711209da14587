package org.securesocket.crypto.compose;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme.KeyType;
import org.securesocket.crypto.TlsCrypto;

/**
 * The primitives {@link ComposedTlsCrypto} routes separately, each with the throughput measured for
 * the providers that have an implementation of their own. The composition takes each primitive from
 * the fastest provider present that supports the request; a provider without a figure ranks after
 * every measured one. Among unmeasured ones the platform provider (jca: the JDK's code, no third
 * party) comes first, then the others in the order the composition was given.
 *
 * <p>Figures: operations per second through the TlsCrypto SPI. A key exchange is one key generation
 * plus one agreement; a signature is over a short message; an AEAD operation seals one 16 KB record.
 * Measured 2026-11-25 on OpenJDK 17.0.21 (Debian build, x86-64, 2 cores shared with other builds, so
 * errors are wide; the ratios are what matters) with bcprov-jdk18on 1.87, by the benchmarks module's
 * {@code ProviderBenchmark} (JMH 1.37, 1 fork, 2 x 1 s warm-up, 5 x 1 s measurement;
 * benchmarks/CRYPTO-RESULTS.md has the whole run). The rows without figures are those where the bc
 * provider serves the JCA's own code (hashes, HMAC, CBC, finite-field DH, RSA): nothing to compare.
 */
public enum Primitive {
    //                                                    jca ops/s   bc ops/s
    HASH(c -> !c.hashes().isEmpty(), Map.of()),
    HMAC(c -> !c.hashes().isEmpty(), Map.of()),
    AES_GCM(aead(AeadAlgorithm.AES_128_GCM),              figures(265_129, 4_984)),
    CHACHA20_POLY1305(aead(AeadAlgorithm.CHACHA20_POLY1305), figures(13_926, 11_226)),
    AES_CBC(TlsCrypto::supportsCbc, Map.of()),
    ECDH_P256(group(NamedGroup.SECP256R1),                 figures(315, 1_723)),
    ECDH_P384(group(NamedGroup.SECP384R1),                 figures(180, 767)),
    ECDH_P521(group(NamedGroup.SECP521R1),                 figures(114, 281)),
    X25519(group(NamedGroup.X25519),                       figures(3_120, 8_329)),
    FFDHE(group(NamedGroup.FFDHE2048), Map.of()),
    ECDSA_VERIFY(verifies(KeyType.EC),                     figures(517, 2_430)),
    ECDSA_SIGN(signs(KeyType.EC),                          figures(1_740, 11_036)),
    ED25519_VERIFY(verifies(KeyType.ED25519),              figures(541, 9_501)),
    ED25519_SIGN(signs(KeyType.ED25519),                   figures(1_381, 20_062)),
    RSA_VERIFY(verifies(KeyType.RSA, KeyType.RSA_PSS), Map.of()),
    RSA_SIGN(signs(KeyType.RSA, KeyType.RSA_PSS), Map.of()),
    RSA_ENCRYPT(c -> true, Map.of());

    /** The name of the JCA provider, preferred where nothing was measured. */
    private static final String PLATFORM = "jca";

    private final Predicate<TlsCrypto> offeredBy;
    private final Map<String, Double> measured;

    Primitive(Predicate<TlsCrypto> offeredBy, Map<String, Double> measured) {
        this.offeredBy = offeredBy;
        this.measured = measured;
    }

    /** Whether the provider offers this primitive at all (its capability sets say so). */
    public boolean offeredBy(TlsCrypto crypto) {
        return offeredBy.test(crypto);
    }

    /** The recorded throughput of the provider named {@code provider}, if it was measured. */
    public OptionalDouble measured(String provider) {
        Double figure = measured.get(provider);
        return figure == null ? OptionalDouble.empty() : OptionalDouble.of(figure);
    }

    /**
     * The providers in the order this primitive prefers them: fastest measured first, then the
     * unmeasured ones, the platform provider first and the rest in their given order (the sort is stable).
     */
    public List<TlsCrypto> rank(List<TlsCrypto> providers) {
        return providers.stream()
                .sorted(Comparator.comparingDouble((TlsCrypto c) -> -measured.getOrDefault(c.name(), -1.0))
                        .thenComparing(c -> !PLATFORM.equals(c.name())))
                .toList();
    }

    private static Map<String, Double> figures(double jca, double bc) {
        return Map.of("jca", jca, "bc", bc);
    }

    private static Predicate<TlsCrypto> aead(AeadAlgorithm algorithm) {
        return c -> c.aeads().contains(algorithm);
    }

    private static Predicate<TlsCrypto> group(NamedGroup group) {
        return c -> c.namedGroups().contains(group);
    }

    private static Predicate<TlsCrypto> verifies(KeyType... types) {
        List<KeyType> list = List.of(types);
        return c -> c.verifySchemes().stream().anyMatch(s -> list.contains(s.keyType()));
    }

    private static Predicate<TlsCrypto> signs(KeyType... types) {
        List<KeyType> list = List.of(types);
        return c -> c.signSchemes().stream().anyMatch(s -> list.contains(s.keyType()));
    }
}
