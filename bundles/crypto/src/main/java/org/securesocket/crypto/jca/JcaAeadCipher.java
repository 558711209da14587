package org.securesocket.crypto.jca;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;

/**
 * AES-GCM or ChaCha20-Poly1305 on one {@link Cipher} re-initialised per record: the nonce
 * parameter object is the only allocation of ours (the JCA takes no other form of nonce). The
 * JDK refuses to reuse a key and nonce pair (GCM to encrypt; ChaCha20 in both directions), which
 * surfaces as internal_error: TLS never repeats a nonce on one key.
 */
final class JcaAeadCipher implements AeadCipher {
    private final AeadAlgorithm algorithm;
    private final SecretKeySpec key;
    private final Cipher cipher;
    /** ChaCha20-Poly1305 ciphertexts moved to offset 0 (see {@link #open}); grown on demand. */
    private ByteBuffer offsetZero = ByteBuffer.allocate(0);

    JcaAeadCipher(AeadAlgorithm algorithm, SecretKeySpec key, Cipher cipher) {
        this.algorithm = algorithm;
        this.key = key;
        this.cipher = cipher;
    }

    static String transformation(AeadAlgorithm algorithm) {
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding";
    }

    static String keyAlgorithm(AeadAlgorithm algorithm) {
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? "ChaCha20" : "AES";
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer out) throws TlsException {
        init(Cipher.ENCRYPT_MODE, nonce, aad);
        try {
            return cipher.doFinal(plaintext, out);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR, algorithm + " encryption failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer out) throws TlsException {
        if (ciphertext.remaining() < algorithm.tagLength()) {
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                    algorithm + " record of " + ciphertext.remaining() + " bytes is shorter than its tag");
        }
        init(Cipher.DECRYPT_MODE, nonce, aad);
        try {
            return cipher.doFinal(atOffsetZeroIfChaCha(ciphertext), out);
        } catch (AEADBadTagException e) {
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                    algorithm + " record failed authentication (wrong key, nonce, header or tampered data)", e);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR, algorithm + " decryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * JDK 17's ChaCha20-Poly1305 allocates about twice the ciphertext (35 KB for a 16 KB record)
     * when decrypting from a non-zero array offset, and about 2 KB from offset 0; a record in a
     * received stream is never at offset 0. Copying it to the start of a reused array is cheaper.
     */
    private ByteBuffer atOffsetZeroIfChaCha(ByteBuffer ciphertext) {
        if (algorithm != AeadAlgorithm.CHACHA20_POLY1305 || !ciphertext.hasArray()
                || ciphertext.arrayOffset() + ciphertext.position() == 0) {
            return ciphertext;
        }
        int length = ciphertext.remaining();
        if (offsetZero.capacity() < length) {
            offsetZero = ByteBuffer.allocate(length);
        }
        offsetZero.clear();
        offsetZero.put(ciphertext).flip();
        return offsetZero;
    }

    private void init(int mode, byte[] nonce, byte[] aad) throws TlsException {
        if (nonce.length != algorithm.nonceLength()) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR,
                    algorithm + " needs a " + algorithm.nonceLength() + "-byte nonce, got " + nonce.length);
        }
        AlgorithmParameterSpec spec = algorithm == AeadAlgorithm.CHACHA20_POLY1305
                ? new IvParameterSpec(nonce)
                : new GCMParameterSpec(algorithm.tagLength() * 8, nonce);
        try {
            cipher.init(mode, key, spec);
            cipher.updateAAD(aad);
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR,
                    algorithm + " refused the key or nonce (a repeated nonce?): " + e.getMessage(), e);
        }
    }
}
