package org.securesocket.securesocket;

import java.io.IOException;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.securesocket.handshake.HandshakePolicy;

/**
 * Opens {@link SecureSocket}s with the stack's configured policy (Config Admin PID
 * {@value TlsPolicyConfig#PID}), the highest-ranked TlsCrypto service and the TrustStore service.
 * A configuration change applies to the next connection; open connections keep what they negotiated.
 */
@ProviderType
public interface SecureSocketFactory {

    /** The policy the next connection uses. */
    HandshakePolicy policy();

    /**
     * Connects with the original's option dictionary (see {@link OptionMaps}; {@code host} and
     * {@code port} come from the arguments) on top of the configured policy.
     */
    SecureSocket connect(String host, int port, Map<String, ?> options) throws IOException;

    /**
     * Connects with the named profile (factory PID {@value TlsProfile#FACTORY_PID}); an unknown name
     * is an {@link IllegalArgumentException} listing the names there are.
     */
    SecureSocket connect(String host, int port, String profileName) throws IOException;
}
