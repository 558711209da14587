package org.securesocket.securesocket.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.securesocket.securesocket.TlsPolicyConfig;

/**
 * The current policy of PID {@value TlsPolicyConfig#PID}: a valid configuration replaces it, an
 * invalid one is refused with its reason logged and the previous policy stays in force.
 */
public final class PolicyHolder {
    /** The logger the refusals go to (in OSGi the JDK's System.Logger, bridged by the platform). */
    public static final String LOGGER = "org.securesocket.tls";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final AtomicReference<TlsPolicyConfig> current = new AtomicReference<>(TlsPolicyConfig.DEFAULT);

    public TlsPolicyConfig current() {
        return current.get();
    }

    /** Applies a configuration; false (and the reason logged) when it is refused. */
    public boolean update(Map<String, ?> properties) {
        TlsPolicyConfig next;
        try {
            next = TlsPolicyConfig.fromProperties(properties);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "configuration " + TlsPolicyConfig.PID + " refused: " + e.getMessage()
                    + "; the previous policy stays: " + current.get().policy());
            return false;
        }
        current.set(next);
        LOG.log(System.Logger.Level.INFO, "configuration " + TlsPolicyConfig.PID + " applied to the next handshake: "
                + next.policy());
        return true;
    }
}
