package org.securesocket.crypto.bc;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;

/**
 * X25519 (RFC 7748) with BouncyCastle's {@code rfc7748.X25519}: the public key comes from the
 * constant-time Ed25519 comb over the base point, the agreement from the constant-time Montgomery
 * ladder (conditional swaps, no secret-dependent branches or indices).
 */
final class BcX25519KeyShare implements KeyShare {
    private final byte[] privateKey;
    private final byte[] publicKey;

    private BcX25519KeyShare(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The private key is 32 bytes of the source, clamped when used (RFC 7748 section 5). */
    static BcX25519KeyShare generate(SecureRandom random) {
        byte[] k = new byte[X25519.SCALAR_SIZE];
        random.nextBytes(k);
        byte[] u = new byte[X25519.POINT_SIZE];
        X25519.scalarMultBase(k, 0, u, 0);
        return new BcX25519KeyShare(k, u);
    }

    @Override
    public NamedGroup group() {
        return NamedGroup.X25519;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] agree(byte[] peerPublicKey) throws TlsException {
        return agree(privateKey, peerPublicKey);
    }

    /** X25519 with given private bytes; the top bit of u is ignored (RFC 7748 section 5). */
    static byte[] agree(byte[] privateKey, byte[] peerPublicKey) throws TlsException {
        if (peerPublicKey.length != X25519.POINT_SIZE) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's X25519 key share has " + peerPublicKey.length + " bytes, not 32");
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(privateKey, 0, peerPublicKey, 0, shared, 0)) {
            // RFC 8446 section 7.4.2 / RFC 7748 section 6.1: an all-zero secret must be refused.
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's X25519 key share is a low-order point (all-zero shared secret)");
        }
        return shared;
    }
}
