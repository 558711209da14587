package org.securesocket.crypto;

import java.nio.ByteBuffer;
import org.securesocket.common.TlsException;

/**
 * A keyed AEAD. The record layer builds nonces and additional data; this object does no per-record
 * allocation of its own beyond what the underlying implementation requires. Input and output may be
 * the same region of the same buffer (in-place operation).
 */
public interface AeadCipher {

    AeadAlgorithm algorithm();

    /**
     * Encrypts {@code plaintext}'s remaining bytes into {@code out}, appending the tag.
     *
     * @return the bytes written: plaintext length plus the tag length
     */
    int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer out) throws TlsException;

    /**
     * Decrypts and authenticates {@code ciphertext}'s remaining bytes (tag included) into {@code out}.
     *
     * @return the plaintext length
     * @throws TlsException {@code record.bad_record_mac} when authentication fails
     */
    int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer out) throws TlsException;
}
