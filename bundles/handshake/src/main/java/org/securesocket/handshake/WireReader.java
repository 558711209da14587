package org.securesocket.handshake;

import java.nio.ByteBuffer;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * A hostile-input-safe reader of TLS presentation-language structures (RFC 8446 section 3): every
 * read is bounds-checked and fails with {@code handshake.decode_error} naming the field, so no
 * unchecked exception escapes and no length field can make us allocate more than was received.
 */
public final class WireReader {
    private final byte[] data;
    private int pos;
    private final int end;

    private WireReader(byte[] data, int from, int end) {
        this.data = data;
        this.pos = from;
        this.end = end;
    }

    /** A reader over a copy of the buffer's remaining bytes (the buffer is not consumed). */
    public static WireReader of(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return new WireReader(copy, 0, copy.length);
    }

    /** A reader over the array (not copied). */
    public static WireReader of(byte[] data) {
        return new WireReader(data, 0, data.length);
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    private void need(int n, String what) throws TlsException {
        if (n > end - pos) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, what + " is truncated: " + n
                    + " bytes needed, " + (end - pos) + " left");
        }
    }

    public int u8(String what) throws TlsException {
        need(1, what);
        return data[pos++] & 0xff;
    }

    public int u16(String what) throws TlsException {
        need(2, what);
        int v = (data[pos] & 0xff) << 8 | data[pos + 1] & 0xff;
        pos += 2;
        return v;
    }

    public int u24(String what) throws TlsException {
        need(3, what);
        int v = (data[pos] & 0xff) << 16 | (data[pos + 1] & 0xff) << 8 | data[pos + 2] & 0xff;
        pos += 3;
        return v;
    }

    /** Exactly {@code n} bytes. */
    public byte[] bytes(int n, String what) throws TlsException {
        need(n, what);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** An opaque vector with a 1-byte length, of {@code min..max} bytes. */
    public byte[] vector8(int min, int max, String what) throws TlsException {
        return bytes(checkLength(u8(what + " length"), min, max, what), what);
    }

    /** An opaque vector with a 2-byte length, of {@code min..max} bytes. */
    public byte[] vector16(int min, int max, String what) throws TlsException {
        return bytes(checkLength(u16(what + " length"), min, max, what), what);
    }

    /** An opaque vector with a 3-byte length, of {@code min..max} bytes. */
    public byte[] vector24(int min, int max, String what) throws TlsException {
        return bytes(checkLength(u24(what + " length"), min, max, what), what);
    }

    /** A sub-reader over a vector with a 1-byte length (the bytes are consumed here). */
    public WireReader sub8(int min, String what) throws TlsException {
        return WireReader.of(vector8(min, 0xff, what));
    }

    /** A sub-reader over a vector with a 2-byte length (the bytes are consumed here). */
    public WireReader sub16(int min, String what) throws TlsException {
        return WireReader.of(vector16(min, 0xffff, what));
    }

    /** A sub-reader over a vector with a 3-byte length (the bytes are consumed here). */
    public WireReader sub24(int min, String what) throws TlsException {
        return WireReader.of(vector24(min, 0xffffff, what));
    }

    private static int checkLength(int length, int min, int max, String what) throws TlsException {
        if (length < min || length > max) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, what + " has " + length
                    + " bytes, outside " + min + ".." + max);
        }
        return length;
    }

    /** A length that must be a multiple of {@code unit}, e.g. a list of 2-byte code points. */
    public static void checkMultiple(WireReader list, int unit, String what) throws TlsException {
        if (list.remaining() % unit != 0) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, what + " has a length that is not a multiple of "
                    + unit);
        }
    }

    /** Fails unless every byte was consumed: trailing bytes are a decode_error (RFC 8446 section 4). */
    public void expectEnd(String what) throws TlsException {
        if (pos != end) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, what + " has " + (end - pos)
                    + " unexpected trailing bytes");
        }
    }
}
