package org.securesocket.crypto.bc;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.WNafUtil;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Curve;
import org.bouncycastle.math.ec.custom.sec.SecP384R1Curve;
import org.bouncycastle.math.ec.custom.sec.SecP521R1Curve;
import org.bouncycastle.util.encoders.Hex;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;

/**
 * The NIST prime curves on BouncyCastle's custom-curve implementations ({@code SecP256R1Curve}, ...:
 * fixed-length field arithmetic, constant-time table lookups). Each curve's domain parameters are
 * built once, on its first use, from the curve class and the base point, so the generator's
 * precomputed tables are shared by every key and verification and a P-256-only client never builds
 * P-384's or P-521's ({@code CustomNamedCurves} would load every curve BouncyCastle has).
 */
enum BcCurve {
    // The base points of FIPS 186-5 / SP 800-186 section 3.2.1, uncompressed (SEC 1 section 2.3.3).
    P256(NamedGroup.SECP256R1, SECObjectIdentifiers.secp256r1, "04"
            + "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
            + "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5"),
    P384(NamedGroup.SECP384R1, SECObjectIdentifiers.secp384r1, "04"
            + "AA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E3872760AB7"
            + "3617DE4A96262C6F5D9E98BF9292DC29F8F41DBD289A147CE9DA3113B5F0B8C00A60B1CE1D7E819D7A431D7C90EA0E5F"),
    P521(NamedGroup.SECP521R1, SECObjectIdentifiers.secp521r1, "04"
            + "00C6858E06B70404E9CD9E3ECB662395B4429C648139053FB521F828AF606B4D3DBAA14B5E77EFE75928FE1DC127A2FFA8DE3348B3C1856A429BF97E7E31C2E5BD66"
            + "011839296A789A3BC0045C8A5FB42C7D1BD998F54449579B446817AFBD17273E662C97EE72995EF42640C550B9013FAD0761353C7086A272C24088BE94769FD16650");

    private final NamedGroup group;
    private final ASN1ObjectIdentifier oid;
    private final String generator;
    private final Object lock = new Object();
    private volatile ECDomainParameters domain;

    BcCurve(NamedGroup group, ASN1ObjectIdentifier oid, String generator) {
        this.group = group;
        this.oid = oid;
        this.generator = generator;
    }

    NamedGroup group() {
        return group;
    }

    /** The domain parameters, built by the first caller (the others wait for it): one instance per curve. */
    ECDomainParameters domain() {
        ECDomainParameters built = domain;
        if (built == null) {
            synchronized (lock) {
                built = domain;
                if (built == null) {
                    ECCurve curve = switch (this) {
                        case P256 -> new SecP256R1Curve();
                        case P384 -> new SecP384R1Curve();
                        case P521 -> new SecP521R1Curve();
                    };
                    built = new ECDomainParameters(curve, curve.decodePoint(Hex.decodeStrict(generator)),
                            curve.getOrder(), curve.getCofactor());
                    WNafUtil.configureBasepoint(built.getG()); // G's wNAF table at its full width from the first use
                    domain = built;
                }
            }
        }
        return built;
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
            ECPoint point = domain().getCurve().decodePoint(encoded);
            if (point.isInfinity() || !point.isValid()) {
                throw new IllegalArgumentException("not a finite point of the group");
            }
            return point;
        } catch (RuntimeException e) { // BouncyCastle says IllegalArgumentException; nothing else may escape
            throw new TlsException(code, what + " is not a point on " + group + ": " + e.getMessage(), e);
        }
    }
}
