package org.securesocket.crypto.jca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;

/** ECDHE on a NIST prime curve; the peer's point is validated before any arithmetic with it. */
final class EcKeyShare implements KeyShare {
    private final NamedGroup group;
    private final ECPrivateKey privateKey;
    private final byte[] publicKey;

    private EcKeyShare(NamedGroup group, ECPrivateKey privateKey, byte[] publicKey) {
        this.group = group;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static String curveName(NamedGroup group) {
        return switch (group) {
            case SECP256R1 -> "secp256r1";
            case SECP384R1 -> "secp384r1";
            case SECP521R1 -> "secp521r1";
            default -> throw new IllegalArgumentException(group + " is not a NIST prime curve");
        };
    }

    static EcKeyShare generate(NamedGroup group, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curveName(group)), random);
        KeyPair pair = generator.generateKeyPair();
        ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
        byte[] encoded = new byte[1 + 2 * group.fieldLength()];
        encoded[0] = 4;
        Bytes.putUnsigned(w.getAffineX(), encoded, 1, group.fieldLength());
        Bytes.putUnsigned(w.getAffineY(), encoded, 1 + group.fieldLength(), group.fieldLength());
        return new EcKeyShare(group, (ECPrivateKey) pair.getPrivate(), encoded);
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] agree(byte[] peerPublicKey) throws TlsException {
        return agree(group, privateKey, peerPublicKey);
    }

    /** ECDH with a given private key: the shared x-coordinate, {@code fieldLength} bytes. */
    static byte[] agree(NamedGroup group, ECPrivateKey privateKey, byte[] peerPublicKey) throws TlsException {
        ECParameterSpec params = privateKey.getParams();
        ECPoint point = decodePoint(group, params, peerPublicKey);
        try {
            PublicKey peer = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params));
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(privateKey);
            agreement.doPhase(peer, true);
            return Bytes.leftPad(agreement.generateSecret(), group.fieldLength());
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's " + group + " key share was refused: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes an uncompressed point and checks it is on the curve (RFC 8446 section 4.2.8.2; SP
     * 800-56A rev. 3 section 5.6.2.3.4). The point at infinity has no uncompressed encoding, and
     * the NIST prime curves have cofactor 1, so an on-curve point is in the right group.
     */
    static ECPoint decodePoint(NamedGroup group, ECParameterSpec params, byte[] encoded) throws TlsException {
        int n = group.fieldLength();
        if (encoded.length != 1 + 2 * n || encoded[0] != 4) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the peer's " + group
                    + " key share is not an uncompressed point of " + (1 + 2 * n) + " bytes (got "
                    + encoded.length + " bytes starting " + (encoded.length > 0 ? encoded[0] & 0xff : -1) + ")");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + n));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + n, 1 + 2 * n));
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger a = params.getCurve().getA();
        BigInteger b = params.getCurve().getB();
        boolean inField = x.compareTo(p) < 0 && y.compareTo(p) < 0;
        if (!inField || !y.multiply(y).subtract(x.multiply(x).add(a).multiply(x).add(b)).mod(p).equals(BigInteger.ZERO)) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's " + group + " key share is not a point on the curve");
        }
        return new ECPoint(x, y);
    }
}
