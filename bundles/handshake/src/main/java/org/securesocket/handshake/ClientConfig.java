package org.securesocket.handshake;

import java.util.List;
import java.util.Objects;
import org.securesocket.x509.PathValidator;
import org.securesocket.x509.TrustStore;

/**
 * One connection's handshake settings: the policy, the name sent in SNI and checked in the
 * certificate, the ALPN protocols to offer, and how the peer is authenticated.
 *
 * @param policy        what may be negotiated
 * @param serverName    the DNS name for SNI (never an IP literal, RFC 6066 section 3), or null
 * @param peerName      the name or IP literal the certificate must name, or null to skip that check
 * @param alpn          the protocols to offer, empty for none
 * @param verify        whether the peer's certificate is validated (off only when asked explicitly)
 * @param trustStore    the anchors (a TrustStore service, or the anchors given with the connection)
 * @param pathValidator the validator
 * @param sessions      where sessions (TLS 1.3 tickets, TLS 1.2 sessions) are kept and taken for resumption,
 *                      or null for none
 * @param clientCredentials the certificate and key sent when the server asks, or null to send an empty
 *                      Certificate
 * @param peerAddress   the server's {@code host:port}, part of the session key, or null
 * @param extensions    max_fragment_length and status_request, when asked for
 */
public record ClientConfig(HandshakePolicy policy, String serverName, String peerName, List<String> alpn,
        boolean verify, TrustStore trustStore, PathValidator pathValidator, SessionCache sessions,
        ClientCredentials clientCredentials, String peerAddress, ClientExtensions extensions) {

    /** A configuration that requests no optional extension. */
    public ClientConfig(HandshakePolicy policy, String serverName, String peerName, List<String> alpn, boolean verify,
            TrustStore trustStore, PathValidator pathValidator, SessionCache sessions,
            ClientCredentials clientCredentials, String peerAddress) {
        this(policy, serverName, peerName, alpn, verify, trustStore, pathValidator, sessions, clientCredentials,
                peerAddress, ClientExtensions.NONE);
    }

    /** A configuration whose sessions are keyed by the server name alone. */
    public ClientConfig(HandshakePolicy policy, String serverName, String peerName, List<String> alpn, boolean verify,
            TrustStore trustStore, PathValidator pathValidator, SessionCache sessions,
            ClientCredentials clientCredentials) {
        this(policy, serverName, peerName, alpn, verify, trustStore, pathValidator, sessions, clientCredentials, null);
    }

    /** A configuration without resumption and without a client certificate. */
    public ClientConfig(HandshakePolicy policy, String serverName, String peerName, List<String> alpn, boolean verify,
            TrustStore trustStore, PathValidator pathValidator) {
        this(policy, serverName, peerName, alpn, verify, trustStore, pathValidator, null, null, null);
    }

    /**
     * The key under which this server's sessions are kept: the SNI name (else the name checked), the
     * address, and whether the certificate is validated, so a session is offered only to the server and
     * name it was made with and a validating connection never resumes a session whose server was not
     * validated; null (nothing is kept) without a name.
     */
    public String sessionKey() {
        String name = serverName != null ? serverName : peerName;
        if (name == null) {
            return null;
        }
        return name + (peerAddress == null ? "" : " @ " + peerAddress) + (verify ? "" : " (not validated)");
    }

    public ClientConfig {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(extensions, "extensions");
        alpn = List.copyOf(alpn);
        if (verify) {
            Objects.requireNonNull(trustStore, "trustStore (verification is on)");
            Objects.requireNonNull(pathValidator, "pathValidator (verification is on)");
        }
        for (String p : alpn) {
            int length = p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (length < 1 || length > 255) {
                throw new IllegalArgumentException("an ALPN protocol name must have 1 to 255 bytes: '" + p + "'");
            }
        }
    }
}
