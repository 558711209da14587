package org.securesocket.handshake;

import java.util.List;
import java.util.Optional;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;

/**
 * What a completed handshake negotiated.
 *
 * @param peerCertificates the server's list as sent, leaf first (decoded)
 * @param alpn             the selected protocol, or null
 */
public record SessionParameters(ProtocolVersion version, CipherSuite cipherSuite, NamedGroup group, String alpn,
        List<Certificate> peerCertificates, boolean resumed, boolean extendedMasterSecret,
        PlaintextLimit plaintextLimit) {
    public SessionParameters {
        peerCertificates = List.copyOf(peerCertificates);
    }

    public Optional<String> applicationProtocol() {
        return Optional.ofNullable(alpn);
    }

    /** The version as the JDK spells it: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3. */
    public String jdkProtocolName() {
        return switch (version) {
            case TLS10 -> "TLSv1";
            case TLS11 -> "TLSv1.1";
            case TLS12 -> "TLSv1.2";
            case TLS13 -> "TLSv1.3";
        };
    }
}
