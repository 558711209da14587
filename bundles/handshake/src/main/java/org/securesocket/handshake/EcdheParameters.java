package org.securesocket.handshake;

import java.util.Arrays;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.record.ProtocolVersion;

/**
 * The body of an ECDHE ServerKeyExchange (RFC 8422 section 5.4, RFC 5246 section 7.4.3): ECParameters
 * (curve_type named_curve(3), a NamedCurve), the public point {@code <1..2^8-1>}, then the signature:
 * a SignatureAndHashAlgorithm (TLS 1.2 only; -1 when absent) and {@code opaque signature<0..2^16-1>}.
 */
public record EcdheParameters(int namedGroup, byte[] point, int signatureScheme, byte[] signature)
        implements SignedParameters {
    /** ECCurveType named_curve. */
    public static final int NAMED_CURVE = 3;

    public EcdheParameters {
        point = point.clone();
        signature = signature.clone();
    }

    /** Decodes the body of a ServerKeyExchange received in {@code version} (TLS 1.0 to 1.2). */
    public static EcdheParameters read(byte[] body, ProtocolVersion version) throws TlsException {
        WireReader in = WireReader.of(body);
        int curveType = in.u8("curve_type");
        if (curveType != NAMED_CURVE) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's ECDHE parameters use curve_type "
                    + curveType + "; only named_curve (3) is allowed (RFC 8422 section 5.4)");
        }
        int group = in.u16("namedcurve");
        byte[] point = in.vector8(1, 0xff, "ECPoint");
        int scheme = ServerSignature.readScheme(in, version);
        byte[] signature = ServerSignature.readSignature(in);
        in.expectEnd("server_key_exchange");
        return new EcdheParameters(group, point, scheme, signature);
    }

    @Override
    public byte[] point() {
        return point.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** ServerECDHParams as signed: curve_type, namedcurve, the point with its length. */
    @Override
    public byte[] params() {
        return new WireWriter().u8(NAMED_CURVE).u16(namedGroup).vector8(point).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcdheParameters e && e.namedGroup == namedGroup && Arrays.equals(e.point, point)
                && e.signatureScheme == signatureScheme && Arrays.equals(e.signature, signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(point);
    }
}
