package org.securesocket.securesocket.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.TrustStore;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.X509PathValidator;

/**
 * What checking a server's certificates takes and no connection changes: the anchors (the TrustStore
 * service plus the connection's own) and the path validator. Both are immutable; the last ones built
 * are shared by the connections that follow with the same inputs, instead of a copy per connection
 * kept for its lifetime. A TrustStore service replaced at runtime is another instance, so the next
 * connection builds anew with it; connections established before keep the one they were checked with.
 *
 * @param base       the TrustStore service, compared by identity; may be null
 * @param extra      the connection's own anchors, compared by their encodings
 * @param crypto     compared by identity
 */
public record SharedTrust(TrustStore base, List<Certificate> extra, TlsCrypto crypto, int minRsaBits, Clock clock,
        TrustStore trustStore, X509PathValidator validator) {
    private static final AtomicReference<SharedTrust> LAST = new AtomicReference<>();

    /** The JCA provider on the platform's random source, for connections that name no provider (stateless). */
    private static final class DefaultCrypto {
        static final TlsCrypto INSTANCE = new JcaTlsCrypto();
    }

    /** The provider connections use when their options name none: one for the JVM. */
    public static TlsCrypto defaultCrypto() {
        return DefaultCrypto.INSTANCE;
    }

    /** The trust configuration for these inputs: the last one built when they match, a new one otherwise. */
    public static SharedTrust of(TrustStore base, List<Certificate> extra, TlsCrypto crypto, int minRsaBits,
            Clock clock) {
        SharedTrust last = LAST.get();
        if (last != null && last.base == base && last.crypto == crypto && last.minRsaBits == minRsaBits
                && Objects.equals(last.clock, clock) && last.extra.equals(extra)) {
            return last;
        }
        List<Certificate> own = List.copyOf(extra);
        SharedTrust built = new SharedTrust(base, own, crypto, minRsaBits, clock, new CombinedTrustStore(base, own),
                new X509PathValidator(crypto, ValidationPolicy.STRICT.withMinRsaBits(minRsaBits), clock));
        LAST.set(built);
        return built;
    }
}
