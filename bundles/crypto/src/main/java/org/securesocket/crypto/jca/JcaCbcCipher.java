package org.securesocket.crypto.jca;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.CbcCipher;

/** AES-CBC without padding on one {@link Cipher}, re-initialised with the IV of each call. */
final class JcaCbcCipher implements CbcCipher {
    static final String TRANSFORMATION = "AES/CBC/NoPadding";
    private static final int BLOCK = 16;

    private final SecretKeySpec key;
    private final Cipher cipher;

    JcaCbcCipher(SecretKeySpec key, Cipher cipher) {
        this.key = key;
        this.cipher = cipher;
    }

    @Override
    public int blockSize() {
        return BLOCK;
    }

    @Override
    public void encrypt(byte[] iv, ByteBuffer in, ByteBuffer out) throws TlsException {
        if (in.remaining() % BLOCK != 0) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR,
                    "CBC input of " + in.remaining() + " bytes is not whole blocks: pad it first");
        }
        run(Cipher.ENCRYPT_MODE, iv, in, out);
    }

    @Override
    public void decrypt(byte[] iv, ByteBuffer in, ByteBuffer out) throws TlsException {
        if (in.remaining() % BLOCK != 0) {
            // RFC 5246 section 6.2.3.2: a ciphertext that is not whole blocks is a bad_record_mac.
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                    "CBC record of " + in.remaining() + " bytes is not a whole number of blocks");
        }
        run(Cipher.DECRYPT_MODE, iv, in, out);
    }

    private void run(int mode, byte[] iv, ByteBuffer in, ByteBuffer out) throws TlsException {
        if (iv.length != BLOCK) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR, "AES-CBC needs a 16-byte IV, got " + iv.length);
        }
        try {
            cipher.init(mode, key, new IvParameterSpec(iv));
            cipher.doFinal(in, out);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR, "AES-CBC failed: " + e.getMessage(), e);
        }
    }
}
