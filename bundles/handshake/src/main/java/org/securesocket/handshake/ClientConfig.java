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
 */
public record ClientConfig(HandshakePolicy policy, String serverName, String peerName, List<String> alpn,
        boolean verify, TrustStore trustStore, PathValidator pathValidator) {
    public ClientConfig {
        Objects.requireNonNull(policy, "policy");
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
