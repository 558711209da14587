package org.securesocket.handshake;

import java.util.List;
import java.util.Optional;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.handshake.internal.PeerCertificates;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;

/**
 * What a completed handshake negotiated.
 *
 * @param peerCertificates the server's list as sent, leaf first (kept as DER, decoded on each access)
 * @param alpn             the selected protocol, or null
 * @param ocspResponse     the OCSP response the server stapled (RFC 6066 section 8), or null
 */
public record SessionParameters(ProtocolVersion version, CipherSuite cipherSuite, NamedGroup group, String alpn,
        List<Certificate> peerCertificates, boolean resumed, boolean extendedMasterSecret,
        PlaintextLimit plaintextLimit, byte[] ocspResponse) {
    public SessionParameters {
        peerCertificates = PeerCertificates.of(peerCertificates);
        ocspResponse = ocspResponse == null ? null : ocspResponse.clone();
    }

    /** The parameters of a session without a stapled OCSP response. */
    public SessionParameters(ProtocolVersion version, CipherSuite cipherSuite, NamedGroup group, String alpn,
            List<Certificate> peerCertificates, boolean resumed, boolean extendedMasterSecret,
            PlaintextLimit plaintextLimit) {
        this(version, cipherSuite, group, alpn, peerCertificates, resumed, extendedMasterSecret, plaintextLimit, null);
    }

    /** The raw OCSP response, or null; see {@link #stapledOcspResponse()}. */
    @Override
    public byte[] ocspResponse() {
        return ocspResponse == null ? null : ocspResponse.clone();
    }

    /**
     * The DER OCSPResponse (RFC 6960) the server stapled when status_request was asked for. It is
     * exposed as received: NOT validated yet (its signature, freshness and the certificate it names
     * are not checked), so it must not be taken as proof of revocation status.
     */
    public Optional<byte[]> stapledOcspResponse() {
        return Optional.ofNullable(ocspResponse());
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
