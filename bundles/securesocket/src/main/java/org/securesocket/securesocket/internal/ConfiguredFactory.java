package org.securesocket.securesocket.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.SessionCache;
import org.securesocket.securesocket.OptionMaps;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketFactory;
import org.securesocket.securesocket.SecureSocketOptions;
import org.securesocket.securesocket.TlsPolicyConfig;
import org.securesocket.securesocket.TlsProfile;
import org.securesocket.x509.TrustStore;

/**
 * The factory as a plain class: the policy, crypto, trust store and profiles are read from their
 * suppliers at every connect, so a service or configuration change applies to the next connection.
 */
public final class ConfiguredFactory implements SecureSocketFactory {
    /** Tickets kept per server: a few, since each is used once (RFC 8446 appendix C.4). */
    private static final int TICKETS_PER_SERVER = 2;
    private final Supplier<TlsPolicyConfig> config;
    private final Supplier<TlsCrypto> crypto;
    private final Supplier<TrustStore> trustStore;
    private final Function<String, TlsProfile> profiles;
    private final TraceSink traceSink;
    private SessionCache sessions;
    private TlsPolicyConfig sessionsConfig;

    /**
     * @param trustStore supplies null while no TrustStore service is registered
     * @param profiles   the profile of a name, or null
     * @param traceSink  where traces go when the policy's {@code trace} is on
     */
    public ConfiguredFactory(Supplier<TlsPolicyConfig> config, Supplier<TlsCrypto> crypto,
            Supplier<TrustStore> trustStore, Function<String, TlsProfile> profiles, TraceSink traceSink) {
        this.config = Objects.requireNonNull(config);
        this.crypto = Objects.requireNonNull(crypto);
        this.trustStore = Objects.requireNonNull(trustStore);
        this.profiles = Objects.requireNonNull(profiles);
        this.traceSink = Objects.requireNonNull(traceSink);
    }

    @Override
    public HandshakePolicy policy() {
        return config.get().policy();
    }

    @Override
    public SecureSocket connect(String host, int port, Map<String, ?> options) throws IOException {
        Map<String, Object> map = new HashMap<>(options);
        map.remove("address");
        map.put("host", host);
        map.put("port", port);
        return open(OptionMaps.fromMap(map, base(config.get())));
    }

    @Override
    public SecureSocket connect(String host, int port, String profileName) throws IOException {
        TlsProfile profile = profiles.apply(profileName);
        if (profile == null) {
            throw new IllegalArgumentException("no TLS profile named '" + profileName + "': create one with the"
                    + " factory configuration " + TlsProfile.FACTORY_PID + " and " + TlsProfile.NAME + "="
                    + profileName);
        }
        TlsPolicyConfig current = config.get();
        return open(profile.applyTo(base(current), current.policy()).host(host).port(port).build());
    }

    private SecureSocketOptions.Builder base(TlsPolicyConfig current) {
        return SecureSocketOptions.builder().policy(current.policy()).crypto(crypto.get())
                .trustStore(trustStore.get()).trace(current.trace() ? traceSink : TraceSink.NONE)
                .sessions(sessions(current));
    }

    /**
     * The sessions (TLS 1.3 tickets, TLS 1.2 sessions) shared by this factory's connections, sized by {@code sessionCache.size} (servers
     * remembered; 0 turns resumption off) and {@code sessionCache.lifetime}; a change of either starts afresh.
     */
    private synchronized SessionCache sessions(TlsPolicyConfig current) {
        if (current.sessionCacheSize() == 0) {
            return null;
        }
        if (sessions == null || sessionsConfig.sessionCacheSize() != current.sessionCacheSize()
                || !sessionsConfig.sessionCacheLifetime().equals(current.sessionCacheLifetime())) {
            sessions = new SessionCache(Clock.systemUTC(), TICKETS_PER_SERVER, current.sessionCacheSize(),
                    current.sessionCacheLifetime());
            sessionsConfig = current;
        }
        return sessions;
    }

    private static SecureSocket open(SecureSocketOptions options) throws IOException {
        if (options.verify() && options.trustStore() == null && options.certificates().isEmpty()) {
            // Nothing could validate the server: say why rather than fail later with an unknown issuer.
            throw new TlsException(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, null, "no trust anchors for "
                    + options.host() + ": no TrustStore service is registered (is the org.securesocket.certstore"
                    + " bundle active, or being updated?) and the connection has no anchors of its own (the"
                    + " 'certificate' option or a profile's " + TlsProfile.CERTIFICATE_FILES + ")", null);
        }
        return SecureSocket.connect(options);
    }
}
