package org.securesocket.crypto;

import java.nio.ByteBuffer;

/** A keyed HMAC (RFC 2104); after {@link #doFinal} it is ready for the next message with the same key. */
public interface Hmac {

    HashAlgorithm algorithm();

    /** Output length in bytes. */
    int length();

    void update(byte[] data, int offset, int length);

    /** MACs the buffer's remaining bytes, consuming them. */
    void update(ByteBuffer data);

    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** Writes the MAC at {@code out[offset]} and resets. */
    void doFinal(byte[] out, int offset);

    default byte[] doFinal() {
        byte[] out = new byte[length()];
        doFinal(out, 0);
        return out;
    }
}
