package org.securesocket.handshake;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.X509PathValidator;

/**
 * Certificate in its TLS 1.0 to 1.2 form (RFC 5246 section 7.4.2):
 * {@code ASN.1Cert certificate_list<0..2^24-1>}, each {@code opaque ASN.1Cert<1..2^24-1>}, the leaf first.
 */
public record CertificateMessage(List<byte[]> certificates) implements HandshakeMessage {
    public CertificateMessage {
        certificates = certificates.stream().map(byte[]::clone).toList();
    }

    public static CertificateMessage read(WireReader in) throws TlsException {
        WireReader list = in.sub24(0, "certificate_list");
        List<byte[]> certs = new ArrayList<>();
        while (list.hasRemaining()) {
            if (certs.size() == X509PathValidator.MAX_PEER_CERTIFICATES) {
                throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED, "the peer sent more than "
                        + X509PathValidator.MAX_PEER_CERTIFICATES + " certificates");
            }
            certs.add(list.vector24(1, 0xffffff, "ASN.1Cert"));
        }
        return new CertificateMessage(certs);
    }

    @Override
    public List<byte[]> certificates() {
        return certificates.stream().map(byte[]::clone).toList();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void write(WireWriter out) {
        WireWriter list = new WireWriter();
        certificates.forEach(list::vector24);
        out.vector24(list.toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CertificateMessage c) || c.certificates.size() != certificates.size()) {
            return false;
        }
        for (int i = 0; i < certificates.size(); i++) {
            if (!java.util.Arrays.equals(certificates.get(i), c.certificates.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return certificates.size();
    }
}
