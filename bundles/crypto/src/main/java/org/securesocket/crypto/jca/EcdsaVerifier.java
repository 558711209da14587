package org.securesocket.crypto.jca;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;

/**
 * ECDSA verification (SEC 1 v2 section 4.1.4) in Jacobian coordinates over the key's prime curve.
 * It is ours rather than the JDK's because JDK 17's SunEC rejects valid signatures whose R.x is at
 * least n (Wycheproof "k*G has a large x-coordinate"). Verification handles public values only,
 * so plain BigInteger arithmetic is safe here.
 */
final class EcdsaVerifier {
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger n;
    private final BigInteger[] g;
    private final BigInteger[] q;

    private EcdsaVerifier(ECParameterSpec params, ECPoint w) {
        this.p = ((ECFieldFp) params.getCurve().getField()).getP();
        this.a = params.getCurve().getA();
        this.n = params.getOrder();
        this.g = affine(params.getGenerator());
        this.q = affine(w);
    }

    /** Whether the key's point is a finite point on its prime curve. */
    static boolean validKey(ECPublicKey key) {
        if (!(key.getParams().getCurve().getField() instanceof ECFieldFp field) || key.getW() == ECPoint.POINT_INFINITY) {
            return false;
        }
        BigInteger p = field.getP();
        BigInteger x = key.getW().getAffineX();
        BigInteger y = key.getW().getAffineY();
        BigInteger a = key.getParams().getCurve().getA();
        BigInteger b = key.getParams().getCurve().getB();
        return x.signum() >= 0 && y.signum() >= 0 && x.compareTo(p) < 0 && y.compareTo(p) < 0
                && y.multiply(y).subtract(x.multiply(x).add(a).multiply(x).add(b)).mod(p).signum() == 0;
    }

    /**
     * Verifies {@code r || s} (each {@code scalarLength} bytes) over a message digest.
     * The key must have passed {@link #validKey}.
     */
    static boolean verify(ECPublicKey key, byte[] digest, byte[] rs) {
        int half = rs.length / 2;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length));
        return new EcdsaVerifier(key.getParams(), key.getW()).verify(digest, r, s);
    }

    private boolean verify(byte[] digest, BigInteger r, BigInteger s) {
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        BigInteger e = new BigInteger(1, digest);
        int excess = digest.length * 8 - n.bitLength();
        if (excess > 0) {
            e = e.shiftRight(excess); // the leftmost bits of the hash, as many as n has
        }
        BigInteger w = s.modInverse(n);
        BigInteger u1 = e.multiply(w).mod(n);
        BigInteger u2 = r.multiply(w).mod(n);
        BigInteger[] point = sumOfProducts(u1, u2);
        if (point[2].signum() == 0) {
            return false;
        }
        BigInteger zInv = point[2].modInverse(p);
        BigInteger x = point[0].multiply(zInv.multiply(zInv)).mod(p);
        return x.mod(n).equals(r);
    }

    /** u1*G + u2*Q by Shamir's trick; Jacobian (X, Y, Z), Z = 0 being the point at infinity. */
    private BigInteger[] sumOfProducts(BigInteger u1, BigInteger u2) {
        BigInteger[] gq = add(g, q);
        BigInteger[] acc = {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        for (int i = Math.max(u1.bitLength(), u2.bitLength()) - 1; i >= 0; i--) {
            acc = twice(acc);
            boolean b1 = u1.testBit(i);
            boolean b2 = u2.testBit(i);
            if (b1 && b2) {
                acc = add(acc, gq);
            } else if (b1) {
                acc = add(acc, g);
            } else if (b2) {
                acc = add(acc, q);
            }
        }
        return acc;
    }

    private BigInteger[] twice(BigInteger[] pt) {
        if (pt[2].signum() == 0 || pt[1].signum() == 0) {
            return new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        }
        BigInteger x = pt[0];
        BigInteger y = pt[1];
        BigInteger z = pt[2];
        BigInteger yy = y.multiply(y).mod(p);
        BigInteger s = x.multiply(yy).shiftLeft(2).mod(p);
        BigInteger zz = z.multiply(z).mod(p);
        BigInteger m = x.multiply(x).multiply(BigInteger.valueOf(3)).add(a.multiply(zz.multiply(zz))).mod(p);
        BigInteger x3 = m.multiply(m).subtract(s.shiftLeft(1)).mod(p);
        BigInteger y3 = m.multiply(s.subtract(x3)).subtract(yy.multiply(yy).shiftLeft(3)).mod(p);
        BigInteger z3 = y.multiply(z).shiftLeft(1).mod(p);
        return new BigInteger[] {x3, y3, z3};
    }

    private BigInteger[] add(BigInteger[] p1, BigInteger[] p2) {
        if (p1[2].signum() == 0) {
            return p2;
        }
        if (p2[2].signum() == 0) {
            return p1;
        }
        BigInteger z1z1 = p1[2].multiply(p1[2]).mod(p);
        BigInteger z2z2 = p2[2].multiply(p2[2]).mod(p);
        BigInteger u1 = p1[0].multiply(z2z2).mod(p);
        BigInteger u2 = p2[0].multiply(z1z1).mod(p);
        BigInteger s1 = p1[1].multiply(p2[2]).multiply(z2z2).mod(p);
        BigInteger s2 = p2[1].multiply(p1[2]).multiply(z1z1).mod(p);
        if (u1.equals(u2)) {
            return s1.equals(s2) ? twice(p1) : new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        }
        BigInteger h = u2.subtract(u1).mod(p);
        BigInteger rr = s2.subtract(s1).mod(p);
        BigInteger hh = h.multiply(h).mod(p);
        BigInteger hhh = hh.multiply(h).mod(p);
        BigInteger v = u1.multiply(hh).mod(p);
        BigInteger x3 = rr.multiply(rr).subtract(hhh).subtract(v.shiftLeft(1)).mod(p);
        BigInteger y3 = rr.multiply(v.subtract(x3)).subtract(s1.multiply(hhh)).mod(p);
        BigInteger z3 = h.multiply(p1[2]).multiply(p2[2]).mod(p);
        return new BigInteger[] {x3, y3, z3};
    }

    private static BigInteger[] affine(ECPoint point) {
        return new BigInteger[] {point.getAffineX(), point.getAffineY(), BigInteger.ONE};
    }
}
