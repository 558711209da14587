package org.securesocket.securesocket;

import static org.securesocket.securesocket.ConfigValues.bool;
import static org.securesocket.securesocket.ConfigValues.list;
import static org.securesocket.securesocket.ConfigValues.number;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.record.ProtocolVersion;

/**
 * The stack's policy as configured under Config Admin PID {@value #PID} (the keys a user writes in
 * {@code etc/org.securesocket.tls.cfg}), mapped onto a {@link HandshakePolicy}. The suite families
 * {@code DHE_RSA}, {@code ECDHE_RSA}, {@code ECDHE_ECDSA}, {@code RSA} and {@code CBC} filter the cipher
 * suite table by its key-exchange column and by the cipher in its IANA name, so rows added to the
 * table later are filtered without changes here. Unset, a family takes its default: the ECDHE families
 * on, {@code CBC} on when the minimum version is below TLS 1.2 (those versions need it), {@code DHE_RSA}
 * and {@code RSA} off. An explicit {@code cipherSuites} list is what the user asked for: only the
 * families set to false filter it. TLS 1.3 suites belong to no family. {@link #fromProperties} rejects every invalid value
 * with an {@link IllegalArgumentException} that says which key and why.
 *
 * @param policy               what the next handshake may negotiate
 * @param minDhBits            the smallest finite-field DH prime accepted from a DHE server
 * @param sessionCacheSize     how many sessions to keep for resumption
 * @param sessionCacheLifetime how long a cached session may be resumed
 * @param trace                whether every connection's trace goes to the log
 */
public record TlsPolicyConfig(HandshakePolicy policy, int minDhBits, int sessionCacheSize,
        Duration sessionCacheLifetime, boolean trace) {
    public static final String PID = "org.securesocket.tls";
    public static final String MIN_VERSION = "protocolVersion.min";
    public static final String MAX_VERSION = "protocolVersion.max";
    /** The suite families, as the original's configuration names them. */
    public static final List<String> FAMILIES = List.of("DHE_RSA", "ECDHE_RSA", "ECDHE_ECDSA", "RSA", "CBC");
    public static final String CIPHER_SUITES = "cipherSuites";
    public static final String NAMED_GROUPS = "namedGroups";
    public static final String SIGNATURE_SCHEMES = "signatureSchemes";
    public static final String MIN_RSA_BITS = "minRsaBits";
    public static final String MIN_DH_BITS = "minDhBits";
    public static final String SESSION_CACHE_SIZE = "sessionCache.size";
    public static final String SESSION_CACHE_LIFETIME = "sessionCache.lifetime";
    public static final String HANDSHAKE_TIMEOUT = "handshakeTimeout";
    public static final String TRACE = "trace";

    public static final int DEFAULT_MIN_DH_BITS = 2048;
    public static final int DEFAULT_SESSION_CACHE_SIZE = 100;
    public static final Duration DEFAULT_SESSION_CACHE_LIFETIME = Duration.ofHours(24);

    /** The policy when nothing is configured. */
    public static final TlsPolicyConfig DEFAULT = new TlsPolicyConfig(HandshakePolicy.DEFAULT, DEFAULT_MIN_DH_BITS,
            DEFAULT_SESSION_CACHE_SIZE, DEFAULT_SESSION_CACHE_LIFETIME, false);

    private static final Set<String> KEYS;

    static {
        Set<String> keys = new LinkedHashSet<>(List.of(MIN_VERSION, MAX_VERSION, CIPHER_SUITES, NAMED_GROUPS,
                SIGNATURE_SCHEMES, MIN_RSA_BITS, MIN_DH_BITS, SESSION_CACHE_SIZE, SESSION_CACHE_LIFETIME,
                HANDSHAKE_TIMEOUT, TRACE));
        keys.addAll(FAMILIES);
        KEYS = Set.copyOf(keys);
    }

    /** Every key of the PID. */
    public static Set<String> keys() {
        return KEYS;
    }

    /**
     * Whether a family is on when not configured: the forward-secret ECDHE families, and CBC when the
     * minimum version is below TLS 1.2.
     */
    public static boolean familyDefault(String family, ProtocolVersion minVersion) {
        return family.startsWith("ECDHE_") || family.equals("CBC") && !minVersion.atLeast(ProtocolVersion.TLS12);
    }

    /** Whether a suite belongs to a family: its key exchange ({@code DHE_RSA} ...) or its cipher ({@code CBC}). */
    public static boolean inFamily(CipherSuite suite, String family) {
        return family.equals("CBC") ? suite.ianaName().contains("_CBC_") : suite.keyExchange().name().equals(family);
    }

    /** The configuration's policy; unset keys take the defaults. */
    public static TlsPolicyConfig fromProperties(Map<String, ?> p) {
        ConfigValues.rejectUnknown(p, KEYS, "the configuration " + PID);
        HandshakePolicy d = HandshakePolicy.DEFAULT;
        ProtocolVersion min = ConfigValues.version(p, MIN_VERSION);
        ProtocolVersion max = ConfigValues.version(p, MAX_VERSION);
        min = min != null ? min : d.minVersion();
        max = max != null ? max : d.maxVersion().atLeast(min) ? d.maxVersion() : min;
        if (!max.atLeast(min)) {
            throw new IllegalArgumentException(MIN_VERSION + " " + min + " is above " + MAX_VERSION + " " + max);
        }
        List<CipherSuite> suites = suites(p, min, max);
        List<NamedGroup> groups = named(p, NAMED_GROUPS, NamedGroup.values(), NamedGroup::name, d.groups());
        List<SignatureScheme> schemes = named(p, SIGNATURE_SCHEMES,
                Arrays.stream(SignatureScheme.values()).filter(s -> s.codepoint() >= 0)
                        .toArray(SignatureScheme[]::new), SignatureScheme::name, d.signatureSchemes());
        HandshakePolicy policy = d.withVersions(min, max).withCipherSuites(suites).withGroups(groups)
                .withSignatureSchemes(schemes)
                .withMinRsaBits((int) number(p, MIN_RSA_BITS, d.minRsaBits(), 1024, 16384))
                .withHandshakeTimeout(Duration.ofMillis(number(p, HANDSHAKE_TIMEOUT,
                        d.handshakeTimeout().toMillis(), 1, 600_000)));
        int minDhBits = (int) number(p, MIN_DH_BITS, DEFAULT_MIN_DH_BITS, 1024, 8192);
        return new TlsPolicyConfig(policy.withMinDhBits(minDhBits), minDhBits,
                (int) number(p, SESSION_CACHE_SIZE, DEFAULT_SESSION_CACHE_SIZE, 0, 100_000),
                Duration.ofSeconds(number(p, SESSION_CACHE_LIFETIME, DEFAULT_SESSION_CACHE_LIFETIME.toSeconds(), 0,
                        7 * 24 * 3600)), bool(p, TRACE, false));
    }

    /**
     * The explicit list less the families set to false, or the table's order less the families off by
     * configuration or default; then less what the versions exclude.
     */
    private static List<CipherSuite> suites(Map<String, ?> p, ProtocolVersion min, ProtocolVersion max) {
        boolean explicit = !list(p, CIPHER_SUITES).isEmpty();
        List<CipherSuite> base = named(p, CIPHER_SUITES, CipherSuite.values(), CipherSuite::ianaName,
                List.of(CipherSuite.values()));
        List<String> off = FAMILIES.stream().filter(f -> !bool(p, f, explicit || familyDefault(f, min))).toList();
        List<CipherSuite> out = base.stream()
                .filter(s -> off.stream().noneMatch(f -> inFamily(s, f)))
                .filter(s -> Arrays.stream(ProtocolVersion.values())
                        .anyMatch(v -> v.atLeast(min) && max.atLeast(v) && s.supports(v)))
                .toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no cipher suite is left to offer: " + base.size() + " listed, the"
                    + " families " + off + " are off and the versions are " + min + ".." + max);
        }
        return out;
    }

    /** A list of table rows by name (case-insensitive), in the order given; duplicates and unknown names refused. */
    private static <T> List<T> named(Map<String, ?> p, String key, T[] table, Function<T, String> name,
            List<T> dflt) {
        List<String> names = list(p, key);
        if (names.isEmpty()) {
            return dflt;
        }
        List<T> out = new ArrayList<>();
        for (String n : names) {
            T row = Arrays.stream(table).filter(t -> name.apply(t).equalsIgnoreCase(n)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(key + ": unknown name '" + n + "'; known: "
                            + Arrays.stream(table).map(name).toList()));
            if (out.contains(row)) {
                throw new IllegalArgumentException(key + ": '" + n + "' is listed twice");
            }
            out.add(row);
        }
        return out;
    }
}
