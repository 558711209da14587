package org.securesocket.crypto.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
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
    //                 figures(jca ops/s, bc ops/s)
    HASH(Map.of()),
    HMAC(Map.of()),
    AES_GCM(figures(265_129, 4_984)),
    CHACHA20_POLY1305(figures(13_926, 11_226)),
    AES_CBC(Map.of()),
    ECDH_P256(figures(315, 1_723)),
    ECDH_P384(figures(180, 767)),
    ECDH_P521(figures(114, 281)),
    X25519(figures(3_120, 8_329)),
    FFDHE(Map.of()),
    ECDSA_VERIFY(figures(517, 2_430)),
    ECDSA_SIGN(figures(1_740, 11_036)),
    ED25519_VERIFY(figures(541, 9_501)),
    ED25519_SIGN(figures(1_381, 20_062)),
    RSA_VERIFY(Map.of()),
    RSA_SIGN(Map.of()),
    RSA_ENCRYPT(Map.of());

    /** The name of the JCA provider, preferred where nothing was measured. */
    private static final String PLATFORM = "jca";

    private final Map<String, Double> measured;

    Primitive(Map<String, Double> measured) {
        this.measured = measured;
    }

    /**
     * Whether the provider offers this primitive at all (its capability sets say so). Asks only about
     * this primitive's algorithms, so that a provider deciding its capabilities lazily probes nothing else.
     */
    public boolean offeredBy(TlsCrypto crypto) {
        return switch (this) {
            case HASH, HMAC -> !crypto.hashes().isEmpty();
            case AES_GCM -> crypto.aeads().contains(AeadAlgorithm.AES_128_GCM);
            case CHACHA20_POLY1305 -> crypto.aeads().contains(AeadAlgorithm.CHACHA20_POLY1305);
            case AES_CBC -> crypto.supportsCbc();
            case ECDH_P256 -> crypto.namedGroups().contains(NamedGroup.SECP256R1);
            case ECDH_P384 -> crypto.namedGroups().contains(NamedGroup.SECP384R1);
            case ECDH_P521 -> crypto.namedGroups().contains(NamedGroup.SECP521R1);
            case X25519 -> crypto.namedGroups().contains(NamedGroup.X25519);
            case FFDHE -> crypto.namedGroups().contains(NamedGroup.FFDHE2048);
            case ECDSA_VERIFY -> any(crypto.verifySchemes(), KeyType.EC, KeyType.EC);
            case ECDSA_SIGN -> any(crypto.signSchemes(), KeyType.EC, KeyType.EC);
            case ED25519_VERIFY -> any(crypto.verifySchemes(), KeyType.ED25519, KeyType.ED25519);
            case ED25519_SIGN -> any(crypto.signSchemes(), KeyType.ED25519, KeyType.ED25519);
            case RSA_VERIFY -> any(crypto.verifySchemes(), KeyType.RSA, KeyType.RSA_PSS);
            case RSA_SIGN -> any(crypto.signSchemes(), KeyType.RSA, KeyType.RSA_PSS);
            case RSA_ENCRYPT -> true;
        };
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
        List<TlsCrypto> order = new ArrayList<>(providers.size());
        for (TlsCrypto provider : providers) { // insertion sort: a handful of providers, and stable
            int i = order.size();
            while (i > 0 && before(provider, order.get(i - 1))) {
                i--;
            }
            order.add(i, provider);
        }
        return List.copyOf(order);
    }

    private boolean before(TlsCrypto a, TlsCrypto b) {
        double figureA = measured.getOrDefault(a.name(), -1.0);
        double figureB = measured.getOrDefault(b.name(), -1.0);
        if (figureA != figureB) {
            return figureA > figureB;
        }
        return PLATFORM.equals(a.name()) && !PLATFORM.equals(b.name());
    }

    private static Map<String, Double> figures(double jca, double bc) {
        return Map.of("jca", jca, "bc", bc);
    }

    private static boolean any(Set<SignatureScheme> schemes, KeyType type, KeyType alternative) {
        for (SignatureScheme scheme : SignatureScheme.values()) {
            if ((scheme.keyType() == type || scheme.keyType() == alternative) && schemes.contains(scheme)) {
                return true;
            }
        }
        return false;
    }
}
