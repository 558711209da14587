package org.securesocket.crypto.jca;

import java.math.BigInteger;
import java.util.Arrays;

/** Fixed-width big-endian encodings of non-negative numbers. */
final class Bytes {
    private Bytes() {
    }

    /** Writes {@code value} big-endian into exactly {@code width} bytes at {@code out[offset]}. */
    static void putUnsigned(BigInteger value, byte[] out, int offset, int width) {
        byte[] raw = value.toByteArray();
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0; // drop the sign byte
        int length = raw.length - start;
        if (value.signum() < 0 || length > width) {
            throw new IllegalArgumentException("value does not fit in " + width + " bytes");
        }
        Arrays.fill(out, offset, offset + width - length, (byte) 0);
        System.arraycopy(raw, start, out, offset + width - length, length);
    }

    /** {@code value} left-padded with zeros to {@code width} bytes (returned as is when as long). */
    static byte[] leftPad(byte[] value, int width) {
        return value.length == width ? value : unsigned(new BigInteger(1, value), width);
    }

    /** {@code value} big-endian in exactly {@code width} bytes. */
    static byte[] unsigned(BigInteger value, int width) {
        byte[] out = new byte[width];
        putUnsigned(value, out, 0, width);
        return out;
    }
}
