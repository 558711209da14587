package org.securesocket.crypto.jca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;

/** X25519 (RFC 7748); public values are 32-byte little-endian u-coordinates. */
final class XdhKeyShare implements KeyShare {
    private static final int LENGTH = 32;

    private final PrivateKey privateKey;
    private final byte[] publicKey;

    private XdhKeyShare(PrivateKey privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static XdhKeyShare generate(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
        generator.initialize(NamedParameterSpec.X25519, random);
        KeyPair pair = generator.generateKeyPair();
        byte[] u = Bytes.unsigned(((XECPublicKey) pair.getPublic()).getU(), LENGTH);
        return new XdhKeyShare(pair.getPrivate(), reverse(u));
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

    /** X25519 with a given private key; rejects the all-zero result of a low-order point. */
    static byte[] agree(PrivateKey privateKey, byte[] peerPublicKey) throws TlsException {
        if (peerPublicKey.length != LENGTH) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's X25519 key share has " + peerPublicKey.length + " bytes, not 32");
        }
        byte[] le = peerPublicKey.clone();
        le[LENGTH - 1] &= 0x7f; // RFC 7748 section 5: the top bit of the u-coordinate is masked
        BigInteger u = new BigInteger(1, reverse(le));
        byte[] shared;
        try {
            PublicKey peer = KeyFactory.getInstance("X25519")
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(privateKey);
            agreement.doPhase(peer, true);
            shared = agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's X25519 key share was refused (a low-order point?): " + e.getMessage(), e);
        }
        int bits = 0;
        for (byte b : shared) {
            bits |= b;
        }
        if (bits == 0) {
            // RFC 8446 section 7.4.2 / RFC 7748 section 6.1: an all-zero secret must be refused.
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "the peer's X25519 key share is a low-order point (all-zero shared secret)");
        }
        return shared;
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
