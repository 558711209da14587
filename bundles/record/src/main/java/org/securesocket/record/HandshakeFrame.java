package org.securesocket.record;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One whole handshake message as it was on the wire (RFC 8446 section 4: msg_type, a 24-bit length,
 * the body), reassembled from however many records carried it. The handshake parses the body and
 * hashes {@link #encoded()} into the transcript.
 */
public final class HandshakeFrame implements InboundMessage {
    /** msg_type (1 byte) and length (3 bytes). */
    public static final int HEADER_LENGTH = 4;

    private final byte[] encoded;

    /** Wraps an encoded message; its length field must match the body. */
    public HandshakeFrame(byte[] encoded) {
        if (encoded.length < HEADER_LENGTH || bodyLength(encoded) != encoded.length - HEADER_LENGTH) {
            throw new IllegalArgumentException("not one encoded handshake message");
        }
        this.encoded = encoded.clone();
    }

    /** A message of this type and body. */
    public static HandshakeFrame of(int msgType, byte[] body) {
        if (msgType < 0 || msgType > 0xff || body.length > 0xffffff) {
            throw new IllegalArgumentException("msg_type or length out of range");
        }
        byte[] encoded = new byte[HEADER_LENGTH + body.length];
        encoded[0] = (byte) msgType;
        encoded[1] = (byte) (body.length >>> 16);
        encoded[2] = (byte) (body.length >>> 8);
        encoded[3] = (byte) body.length;
        System.arraycopy(body, 0, encoded, HEADER_LENGTH, body.length);
        return new HandshakeFrame(encoded);
    }

    static int bodyLength(byte[] header) {
        return (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | header[3] & 0xff;
    }

    /** HandshakeType, e.g. 2 for server_hello. */
    public int msgType() {
        return encoded[0] & 0xff;
    }

    /** The body, without the four header bytes, read-only. */
    public ByteBuffer body() {
        return ByteBuffer.wrap(encoded, HEADER_LENGTH, encoded.length - HEADER_LENGTH).slice().asReadOnlyBuffer();
    }

    /** The whole message including its header, as hashed into the transcript; a copy. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** Length of {@link #encoded()}. */
    public int encodedLength() {
        return encoded.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeFrame other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "HandshakeFrame[type " + msgType() + ", " + (encoded.length - HEADER_LENGTH) + " bytes]";
    }
}
