package org.securesocket.crypto.bc;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;

/**
 * ECDHE on a NIST prime curve with BouncyCastle's custom curves. Both scalar multiplications by our
 * secret are constant-time: key generation is {@code ECKeyPairGenerator}'s fixed-point comb over the
 * generator, and the agreement runs the same comb ({@link FixedPointCombMultiplier}) over the
 * peer's point, whose table lookups read every entry, instead of the curve's default wNAF
 * multiplier (what {@code ECDHBasicAgreement} uses), whose digit pattern depends on the scalar.
 */
final class BcEcKeyShare implements KeyShare {
    private final BcCurve curve;
    private final BigInteger privateKey;
    private final byte[] publicKey;

    private BcEcKeyShare(BcCurve curve, BigInteger privateKey, byte[] publicKey) {
        this.curve = curve;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static BcEcKeyShare generate(BcCurve curve, SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(curve.domain(), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new BcEcKeyShare(curve, ((ECPrivateKeyParameters) pair.getPrivate()).getD(),
                ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false));
    }

    @Override
    public NamedGroup group() {
        return curve.group();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] agree(byte[] peerPublicKey) throws TlsException {
        return agree(curve, privateKey, peerPublicKey);
    }

    /** ECDH with a given scalar: the shared x-coordinate, {@code fieldLength} bytes (RFC 8446 section 7.4.2). */
    static byte[] agree(BcCurve curve, BigInteger privateKey, byte[] peerPublicKey) throws TlsException {
        ECPoint peer = curve.decodeUncompressed(peerPublicKey, "the peer's key share", ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER);
        ECPoint shared = new FixedPointCombMultiplier().multiply(peer, privateKey).normalize();
        if (shared.isInfinity()) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's " + curve.group() + " key share gives the point at infinity");
        }
        return shared.getAffineXCoord().getEncoded();
    }
}
