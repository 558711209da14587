package org.securesocket.crypto.jca;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.Ffdhe;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;

/**
 * Finite-field Diffie-Hellman, for the RFC 7919 groups and for TLS 1.2 server-supplied parameters.
 * The private exponent is one bit shorter than p: nothing is assumed about the group's structure.
 */
final class DhKeyShare implements KeyShare {
    /** The largest p accepted: bounds the work a server can make us do. */
    static final int MAX_PRIME_BITS = 8192;

    private final NamedGroup group;
    private final BigInteger p;
    private final BigInteger x;
    private final byte[] publicKey;

    private DhKeyShare(NamedGroup group, BigInteger p, BigInteger g, SecureRandom random) {
        this.group = group;
        this.p = p;
        BigInteger exponent;
        do {
            exponent = new BigInteger(p.bitLength() - 1, random);
        } while (exponent.compareTo(BigInteger.ONE) <= 0);
        this.x = exponent;
        this.publicKey = Bytes.unsigned(g.modPow(x, p), length());
    }

    /** A key pair on an RFC 7919 group. */
    static DhKeyShare named(NamedGroup group, BigInteger p, BigInteger g, SecureRandom random) {
        return new DhKeyShare(group, p, g, random);
    }

    /**
     * A key pair for server-supplied parameters, after checking them: p odd, at least
     * {@code minPrimeBits} and at most {@link #MAX_PRIME_BITS} bits, g in [2, p-2].
     */
    static DhKeyShare serverParameters(byte[] pBytes, byte[] gBytes, int minPrimeBits, SecureRandom random)
            throws TlsException {
        BigInteger p = new BigInteger(1, pBytes);
        BigInteger g = new BigInteger(1, gBytes);
        if (p.bitLength() < minPrimeBits) {
            throw new TlsException(ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY, "the server's DH prime has "
                    + p.bitLength() + " bits; policy requires at least " + minPrimeBits);
        }
        if (p.bitLength() > MAX_PRIME_BITS || !p.testBit(0)) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's DH prime ("
                    + p.bitLength() + " bits) is even or larger than " + MAX_PRIME_BITS + " bits");
        }
        if (!inRange(g, p)) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the server's DH generator is outside [2, p-2]");
        }
        return new DhKeyShare(Ffdhe.identify(p, g).orElse(null), p, g, random);
    }

    /** The RFC 7919 group, or null for server-supplied parameters that are none of them. */
    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The shared secret, left-padded to the length of p (RFC 8446 section 7.4.1). */
    @Override
    public byte[] agree(byte[] peerPublicKey) throws TlsException {
        if (peerPublicKey.length == 0 || peerPublicKey.length > length()) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the peer's DH public value has "
                    + peerPublicKey.length + " bytes; p has " + length());
        }
        BigInteger y = new BigInteger(1, peerPublicKey);
        if (!inRange(y, p)) {
            // RFC 7919 section 5.1, RFC 8446 section 4.2.8.1: 1 < Y < p-1.
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's DH public value is outside [2, p-2]");
        }
        BigInteger z = y.modPow(x, p);
        if (!inRange(z, p)) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's DH public value lies in a small subgroup");
        }
        return Bytes.unsigned(z, length());
    }

    private int length() {
        return (p.bitLength() + 7) / 8;
    }

    private static boolean inRange(BigInteger v, BigInteger p) {
        return v.compareTo(BigInteger.ONE) > 0 && v.compareTo(p.subtract(BigInteger.ONE)) < 0;
    }
}
