package org.securesocket.crypto;

import java.nio.ByteBuffer;

/** A running hash, e.g. of the handshake transcript: its current value can be read at any point. */
public interface TranscriptHash {

    HashAlgorithm algorithm();

    void update(byte[] data, int offset, int length);

    /** Hashes the buffer's remaining bytes, consuming them. */
    void update(ByteBuffer data);

    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** The hash of everything so far; the running state is unchanged and can continue. */
    byte[] currentDigest();

    /** An independent copy of the running state. */
    TranscriptHash copy();
}
