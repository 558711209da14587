package org.securesocket.crypto.bc;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.securesocket.common.RecentlyUsed;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;

/**
 * ECDSA verification (SEC 1 v2 section 4.1.4, FIPS 186-5 section 6.4.2) on BouncyCastle's curve
 * arithmetic: R = u1*G + u2*Q with Shamir's trick over wNAF tables (variable time: every input is
 * public). A server signs every handshake with the same key, so the decoded keys are kept, in a
 * small JVM-wide LRU keyed by their SubjectPublicKeyInfo, together with the wNAF table that
 * BouncyCastle attaches to the point at its first use: measured, that halves a P-256 verification
 * (85 against 200 us) against decoding the key and building the table again each time. Only keys
 * that decoded and passed the point checks are kept; the signature is checked in full every time.
 */
final class BcEcdsaVerification {
    private static final RecentlyUsed<ByteBuffer, ECPublicKeyParameters> KEYS = new RecentlyUsed<>(16);

    private BcEcdsaVerification() {
    }

    static boolean verify(SignatureScheme scheme, byte[] spki, byte[] message, byte[] signature) throws TlsException {
        ECPublicKeyParameters key = key(scheme, spki);
        ECDomainParameters domain = key.getParameters();
        BigInteger n = domain.getN();
        BigInteger r;
        BigInteger s;
        try {
            // Strict DER: the decoder re-encodes and compares, and refuses r or s outside [0, n).
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, signature);
            r = rs[0];
            s = rs[1];
        } catch (RuntimeException | java.io.IOException e) {
            return false; // a malformed signature is an invalid one (BouncyCastle's ASN.1 may throw anything)
        }
        if (r.signum() <= 0 || s.signum() <= 0) {
            return false; // 4.1.4 step 1: r and s in [1, n-1] (the decoder checked the upper bound)
        }
        BigInteger e = hashToInteger(BcSignatures.digest(scheme, message), n);
        BigInteger w = BigIntegers.modOddInverseVar(n, s);
        BigInteger u1 = e.multiply(w).mod(n);
        BigInteger u2 = r.multiply(w).mod(n);
        ECPoint point = ECAlgorithms.sumOfTwoMultiplies(domain.getG(), u1, key.getQ(), u2);
        return !point.isInfinity() && xModNEquals(point, r, n);
    }

    /** 4.1.4 step 5 (SEC 1 section 4.1.3 step 5): the leftmost bitlen(n) bits of the hash. */
    private static BigInteger hashToInteger(byte[] hash, BigInteger n) {
        BigInteger e = new BigInteger(1, hash);
        int excess = hash.length * 8 - n.bitLength();
        return excess > 0 ? e.shiftRight(excess) : e;
    }

    /**
     * Whether x(R) mod n equals r, without the field inversion that normalising R would cost. The
     * NIST curves of {@link BcCurve} use Jacobian coordinates (x = X/Z^2), so the candidates for
     * x(R), r and r + n while below p, are compared as r*Z^2 with X.
     */
    private static boolean xModNEquals(ECPoint point, BigInteger r, BigInteger n) {
        ECCurve curve = point.getCurve();
        ECFieldElement zSquared = point.getZCoord(0).square();
        for (BigInteger x = r; curve.isValidFieldElement(x); x = x.add(n)) {
            if (curve.fromBigInteger(x).multiply(zSquared).equals(point.getXCoord())) {
                return true;
            }
        }
        return false;
    }

    private static ECPublicKeyParameters key(SignatureScheme scheme, byte[] spki) throws TlsException {
        ByteBuffer id = ByteBuffer.wrap(spki.clone());
        ECPublicKeyParameters cached = KEYS.get(id);
        if (cached != null) {
            return cached;
        }
        ECPublicKeyParameters key = BcKeys.ecPublicKey(scheme, spki); // throws for anything but a valid point
        KEYS.put(id, key);
        return key;
    }
}
