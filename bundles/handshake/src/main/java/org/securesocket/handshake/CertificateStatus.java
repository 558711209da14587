package org.securesocket.handshake;

import java.util.Arrays;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * CertificateStatus (RFC 6066 section 8): {@code CertificateStatusType status_type; opaque
 * OCSPResponse<1..2^24-1>} for status_type ocsp(1), the only type defined. TLS 1.2 sends it as a
 * handshake message after Certificate; TLS 1.3 puts the same body in the leaf CertificateEntry's
 * status_request extension (RFC 8446 section 4.4.2.1).
 *
 * @param ocspResponse the DER OCSPResponse (RFC 6960), as received: not validated here
 */
public record CertificateStatus(byte[] ocspResponse) implements HandshakeMessage {
    /** CertificateStatusType ocsp. */
    public static final int OCSP = 1;

    public CertificateStatus {
        ocspResponse = ocspResponse.clone();
    }

    public static CertificateStatus read(WireReader in) throws TlsException {
        int type = in.u8("status_type");
        if (type != OCSP) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "the server's certificate status has the type "
                    + type + "; only ocsp (1) was asked for (RFC 6066 section 8)");
        }
        return new CertificateStatus(in.vector24(1, 0xffffff, "OCSPResponse"));
    }

    /** The body of a TLS 1.3 CertificateEntry's status_request extension. */
    public static CertificateStatus read(byte[] extensionData) throws TlsException {
        WireReader in = WireReader.of(extensionData);
        CertificateStatus status = read(in);
        in.expectEnd("status_request");
        return status;
    }

    @Override
    public byte[] ocspResponse() {
        return ocspResponse.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_STATUS;
    }

    @Override
    public void write(WireWriter out) {
        out.u8(OCSP).vector24(ocspResponse);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateStatus c && Arrays.equals(c.ocspResponse, ocspResponse);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ocspResponse);
    }
}
