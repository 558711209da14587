package org.securesocket.crypto.bc;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;

/**
 * X25519 (RFC 7748) with BouncyCastle's {@code rfc7748.X25519}: the public key comes from the
 * constant-time Ed25519 comb over the base point, the agreement from the constant-time Montgomery
 * ladder (conditional swaps, no secret-dependent branches or indices).
 *
 * <p>The comb needs tables that BouncyCastle builds on first use, which takes longer in a fresh
 * JVM's interpreter than the ladder over the base point u = 9 does. So {@link #prepare} builds them
 * on a background thread (once per class loader, when a provider is created), and until they are
 * ready key generation runs the ladder instead: the same scalar multiplication, the same result.
 */
final class BcX25519KeyShare implements KeyShare {
    /** The base point's u-coordinate, 9, little-endian (RFC 7748 section 4.1). */
    private static final byte[] BASE_POINT = {9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final AtomicBoolean PREPARING = new AtomicBoolean();
    private static volatile boolean combReady;

    private final byte[] privateKey;
    private final byte[] publicKey;

    private BcX25519KeyShare(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Starts building the comb's tables on a daemon thread, the first time only. */
    static void prepare() {
        if (PREPARING.compareAndSet(false, true)) {
            Thread thread = new Thread(BcX25519KeyShare::precompute, "securesocket-x25519-tables");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void precompute() {
        X25519.precompute();
        combReady = true;
    }

    /** The private key is 32 bytes of the source, clamped when used (RFC 7748 section 5). */
    static BcX25519KeyShare generate(SecureRandom random) {
        byte[] k = new byte[X25519.SCALAR_SIZE];
        random.nextBytes(k);
        return new BcX25519KeyShare(k, publicKey(k, combReady));
    }

    /** X25519(k, 9) by the comb or by the ladder: both constant-time, both the same value. */
    static byte[] publicKey(byte[] k, boolean comb) {
        byte[] u = new byte[X25519.POINT_SIZE];
        if (comb) {
            X25519.scalarMultBase(k, 0, u, 0);
        } else {
            X25519.scalarMult(k, 0, BASE_POINT, 0, u, 0);
        }
        return u;
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
