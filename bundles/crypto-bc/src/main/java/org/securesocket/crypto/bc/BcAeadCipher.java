package org.securesocket.crypto.bc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;

/**
 * AES-GCM or ChaCha20-Poly1305 on BouncyCastle's {@link AEADCipher}, re-initialised per record.
 * Buffers without an accessible array are copied through a temporary array. A failed open wipes
 * the output region (BouncyCastle writes plaintext before it checks the tag). Like the JDK, it
 * refuses to seal twice with one nonce under one key.
 */
final class BcAeadCipher implements AeadCipher {
    private final AeadAlgorithm algorithm;
    private final KeyParameter key;
    private final AEADCipher cipher;

    BcAeadCipher(AeadAlgorithm algorithm, byte[] key) {
        this.algorithm = algorithm;
        this.key = new KeyParameter(key);
        this.cipher = algorithm == AeadAlgorithm.CHACHA20_POLY1305
                ? new ChaCha20Poly1305()
                : GCMBlockCipher.newInstance(AESEngine.newInstance());
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer out) throws TlsException {
        init(true, nonce, aad);
        return run(plaintext, out, plaintext.remaining() + algorithm.tagLength());
    }

    @Override
    public int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer out) throws TlsException {
        if (ciphertext.remaining() < algorithm.tagLength()) {
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                    algorithm + " record of " + ciphertext.remaining() + " bytes is shorter than its tag");
        }
        init(false, nonce, aad);
        return run(ciphertext, out, ciphertext.remaining() - algorithm.tagLength());
    }

    private void init(boolean encrypt, byte[] nonce, byte[] aad) throws TlsException {
        if (nonce.length != algorithm.nonceLength()) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR,
                    algorithm + " needs a " + algorithm.nonceLength() + "-byte nonce, got " + nonce.length);
        }
        try {
            cipher.init(encrypt, new AEADParameters(key, algorithm.tagLength() * 8, nonce, aad));
        } catch (RuntimeException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR,
                    algorithm + " refused the key or nonce (a repeated nonce?): " + e.getMessage(), e);
        }
    }

    private int run(ByteBuffer in, ByteBuffer out, int outLength) throws TlsException {
        if (out.remaining() < outLength) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR,
                    algorithm + " output buffer has " + out.remaining() + " bytes, needs " + outLength);
        }
        boolean arrays = in.hasArray() && out.hasArray();
        int inLength = in.remaining();
        byte[] src = arrays ? in.array() : new byte[inLength];
        int srcOff = arrays ? in.arrayOffset() + in.position() : 0;
        if (!arrays) {
            in.duplicate().get(src);
        }
        byte[] dst = arrays ? out.array() : new byte[outLength];
        int dstOff = arrays ? out.arrayOffset() + out.position() : 0;
        int n;
        try {
            n = cipher.processBytes(src, srcOff, inLength, dst, dstOff);
            n += cipher.doFinal(dst, dstOff + n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(dst, dstOff, dstOff + outLength, (byte) 0);
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                    algorithm + " record failed authentication (wrong key, nonce, header or tampered data)", e);
        } catch (RuntimeException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR, algorithm + " failed: " + e.getMessage(), e);
        }
        in.position(in.limit());
        if (arrays) {
            out.position(out.position() + n);
        } else {
            out.put(dst, 0, n);
        }
        return n;
    }
}
