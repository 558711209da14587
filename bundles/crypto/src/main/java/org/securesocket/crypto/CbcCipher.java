package org.securesocket.crypto;

import java.nio.ByteBuffer;
import org.securesocket.common.TlsException;

/**
 * Keyed AES-CBC without padding: lengths are whole blocks, each call starts from the IV it is given
 * (the record layer chooses explicit or chained IVs and does TLS padding and MAC checks).
 */
public interface CbcCipher {

    /** The block size, 16 for AES. */
    int blockSize();

    /** Encrypts {@code in}'s remaining bytes (a multiple of the block size) into {@code out}. */
    void encrypt(byte[] iv, ByteBuffer in, ByteBuffer out) throws TlsException;

    /** Decrypts {@code in}'s remaining bytes (a multiple of the block size) into {@code out}. */
    void decrypt(byte[] iv, ByteBuffer in, ByteBuffer out) throws TlsException;
}
