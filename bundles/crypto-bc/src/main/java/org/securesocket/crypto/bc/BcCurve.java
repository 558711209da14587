package org.securesocket.crypto.bc;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;

/**
 * The NIST prime curves on BouncyCastle's custom-curve implementations ({@code SecP256R1Curve}, ...:
 * fixed-length field arithmetic, constant-time table lookups). The domain parameters are built once,
 * so the generator's precomputed tables are shared by every key and verification.
 */
enum BcCurve {
    P256(NamedGroup.SECP256R1, SECObjectIdentifiers.secp256r1),
    P384(NamedGroup.SECP384R1, SECObjectIdentifiers.secp384r1),
    P521(NamedGroup.SECP521R1, SECObjectIdentifiers.secp521r1);

    private final NamedGroup group;
    private final ASN1ObjectIdentifier oid;
    private final ECDomainParameters domain;

    BcCurve(NamedGroup group, ASN1ObjectIdentifier oid) {
        this.group = group;
        this.oid = oid;
        X9ECParameters x9 = CustomNamedCurves.getByOID(oid);
        this.domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH(), x9.getSeed());
    }

    NamedGroup group() {
        return group;
    }

    ECDomainParameters domain() {
        return domain;
    }

    static BcCurve of(NamedGroup group) {
        for (BcCurve curve : values()) {
            if (curve.group == group) {
                return curve;
            }
        }
        throw new IllegalArgumentException(group + " is not a NIST prime curve");
    }

    static Optional<BcCurve> of(ASN1ObjectIdentifier oid) {
        for (BcCurve curve : values()) {
            if (curve.oid.equals(oid)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    /**
     * Decodes an uncompressed point and checks it is a finite point on the curve (RFC 8446 section
     * 4.2.8.2; SP 800-56A rev. 3 section 5.6.2.3.4): BouncyCastle refuses coordinates outside the
     * field and points off the curve; the cofactor is 1, so an on-curve point is in the group.
     * Compressed and hybrid encodings, which BouncyCastle would take, are refused first.
     *
     * @param what names the value in the message (the peer's key share, a public key)
     * @param code the error code for a refused point
     */
    ECPoint decodeUncompressed(byte[] encoded, String what, ErrorCode code) throws TlsException {
        int n = group.fieldLength();
        if (encoded.length != 1 + 2 * n || encoded[0] != 4) {
            throw new TlsException(code, what + " on " + group + " is not an uncompressed point of "
                    + (1 + 2 * n) + " bytes (got " + encoded.length + " bytes starting "
                    + (encoded.length > 0 ? encoded[0] & 0xff : -1) + ")");
        }
        try {
            ECPoint point = domain.getCurve().decodePoint(encoded);
            if (point.isInfinity() || !point.isValid()) {
                throw new IllegalArgumentException("not a finite point of the group");
            }
            return point;
        } catch (RuntimeException e) { // BouncyCastle says IllegalArgumentException; nothing else may escape
            throw new TlsException(code, what + " is not a point on " + group + ": " + e.getMessage(), e);
        }
    }
}
