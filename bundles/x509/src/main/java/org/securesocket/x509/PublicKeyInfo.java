package org.securesocket.x509;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.internal.Oids;

/**
 * SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7) with what policy needs to know about the key:
 * its type, the RSA modulus size or the named curve. Keys of other types parse (a trust store
 * may hold them) and are refused when a path uses them.
 */
public final class PublicKeyInfo {

    /** The key types the stack verifies with; {@link #UNSUPPORTED} for the rest (DSA, other curves). */
    public enum KeyType {
        RSA, RSA_PSS, EC, ED25519, UNSUPPORTED
    }

    private final byte[] encoded;
    private final AlgorithmIdentifier algorithm;
    private final KeyType type;
    private final int bits;
    private final NamedGroup curve;

    private PublicKeyInfo(byte[] encoded, AlgorithmIdentifier algorithm, KeyType type, int bits, NamedGroup curve) {
        this.encoded = encoded;
        this.algorithm = algorithm;
        this.type = type;
        this.bits = bits;
        this.curve = curve;
    }

    /** Reads a SubjectPublicKeyInfo. */
    public static PublicKeyInfo read(DerReader in, String what) throws TlsException {
        byte[] encoded = in.readElement(what);
        DerReader spki = new DerReader(encoded, in.errorCode()).readSequence(what);
        AlgorithmIdentifier alg = AlgorithmIdentifier.read(spki, what + " algorithm");
        byte[] key = spki.readOctetAlignedBitString(what + " subjectPublicKey");
        spki.expectEnd(what);
        switch (alg.oid()) {
            case Oids.RSA_ENCRYPTION:
            case Oids.RSASSA_PSS: {
                // RFC 3279 section 2.3.1: RSAPublicKey ::= SEQUENCE { modulus, publicExponent }
                DerReader rsa = new DerReader(key, in.errorCode()).readSequence(what + " RSAPublicKey");
                BigInteger n = rsa.readInteger(what + " modulus");
                BigInteger e = rsa.readInteger(what + " publicExponent");
                rsa.expectEnd(what + " RSAPublicKey");
                if (n.signum() <= 0 || e.signum() <= 0) {
                    throw in.fail(what + ": RSA modulus and exponent must be positive");
                }
                if (alg.oid().equals(Oids.RSA_ENCRYPTION) && !alg.parametersAbsentOrNull()) {
                    throw in.fail(what + ": rsaEncryption parameters must be NULL (RFC 3279 section 2.3.1)");
                }
                KeyType t = alg.oid().equals(Oids.RSA_ENCRYPTION) ? KeyType.RSA : KeyType.RSA_PSS;
                return new PublicKeyInfo(encoded, alg, t, n.bitLength(), null);
            }
            case Oids.EC_PUBLIC_KEY: {
                NamedGroup curve = alg.parameters() == null ? null : curveOf(alg.parameters(), in);
                if (curve == null) {
                    return new PublicKeyInfo(encoded, alg, KeyType.UNSUPPORTED, 0, null);
                }
                // RFC 5480 section 2.2: an uncompressed point, 04 || X || Y.
                if (key.length != 1 + 2 * curve.fieldLength() || key[0] != 0x04) {
                    throw in.fail(what + ": EC point is not an uncompressed " + curve + " point");
                }
                return new PublicKeyInfo(encoded, alg, KeyType.EC, curve.fieldLength() * 8, curve);
            }
            case Oids.ED25519:
                if (alg.parameters() != null || key.length != 32) {
                    throw in.fail(what + ": Ed25519 key must be 32 bytes without parameters (RFC 8410)");
                }
                return new PublicKeyInfo(encoded, alg, KeyType.ED25519, 256, null);
            default:
                return new PublicKeyInfo(encoded, alg, KeyType.UNSUPPORTED, 0, null);
        }
    }

    private static NamedGroup curveOf(byte[] params, DerReader in) throws TlsException {
        DerReader p = new DerReader(params, in.errorCode());
        if (!p.nextIs(0x06)) {
            return null; // explicit curve parameters: RFC 5480 forbids them
        }
        String oid = p.readOid("namedCurve");
        switch (oid) {
            case Oids.SECP256R1:
                return NamedGroup.SECP256R1;
            case Oids.SECP384R1:
                return NamedGroup.SECP384R1;
            case Oids.SECP521R1:
                return NamedGroup.SECP521R1;
            default:
                return null;
        }
    }

    /** The DER SubjectPublicKeyInfo, as {@code TlsCrypto.verify} takes it. */
    public byte[] encoded() {
        return encoded.clone();
    }

    public AlgorithmIdentifier algorithm() {
        return algorithm;
    }

    public KeyType type() {
        return type;
    }

    /** The RSA modulus length, or the curve's field size. */
    public int bits() {
        return bits;
    }

    /** The named curve of an EC key. */
    public Optional<NamedGroup> curve() {
        return Optional.ofNullable(curve);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyInfo k && Arrays.equals(encoded, k.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return type == KeyType.EC ? "EC " + curve : type == KeyType.UNSUPPORTED
                ? "unsupported key " + algorithm.oid() : type + " " + bits + " bits";
    }
}
