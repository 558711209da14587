package org.securesocket.record.internal;

import java.nio.ByteBuffer;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.record.HandshakeFrame;

/**
 * Reassembles handshake messages from the content of handshake records: several messages in one
 * record, one message across many (RFC 8446 section 5.1). It holds at most one partial message of
 * the configured maximum plus the rest of one record; a longer message is refused as soon as its
 * header is seen.
 */
public final class HandshakeAssembler {
    private static final int INITIAL_CAPACITY = 256;
    private final int maxMessageLength;
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;

    /** @param maxMessageLength the largest body accepted, e.g. 65536 */
    public HandshakeAssembler(int maxMessageLength) {
        if (maxMessageLength < 0 || maxMessageLength > 0xffffff) {
            throw new IllegalArgumentException("maximum handshake message length out of range: " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    /** Appends the content of one handshake record, consuming it. */
    public void add(ByteBuffer content) throws TlsException {
        int n = content.remaining();
        if (start == end) {
            start = 0;
            end = 0;
        }
        if (end + n > buffer.length) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            if (end + n > buffer.length) {
                byte[] grown = new byte[Math.max(end + n, Math.min(buffer.length * 2, maxMessageLength + 4 + n))];
                System.arraycopy(buffer, 0, grown, 0, end);
                buffer = grown;
            }
        }
        content.get(buffer, end, n);
        end += n;
        checkNextLength();
    }

    /** The next whole message, or {@code null} until more content arrives. */
    public HandshakeFrame next() throws TlsException {
        if (end - start < HandshakeFrame.HEADER_LENGTH) {
            return null;
        }
        int total = HandshakeFrame.HEADER_LENGTH + checkNextLength();
        if (end - start < total) {
            return null;
        }
        byte[] encoded = new byte[total];
        System.arraycopy(buffer, start, encoded, 0, total);
        start += total;
        if (start == end && buffer.length > INITIAL_CAPACITY) {
            buffer = new byte[INITIAL_CAPACITY]; // the room grown for a Certificate is not kept by an idle connection
        }
        checkNextLength();
        return new HandshakeFrame(encoded);
    }

    /** The buffer's size, for tests. */
    int capacity() {
        return buffer.length;
    }

    /** Whether no byte of any message is held (a record boundary, where keys may change). */
    public boolean isEmpty() {
        return start == end;
    }

    private int checkNextLength() throws TlsException {
        if (end - start < HandshakeFrame.HEADER_LENGTH) {
            return -1;
        }
        int length = (buffer[start + 1] & 0xff) << 16 | (buffer[start + 2] & 0xff) << 8 | buffer[start + 3] & 0xff;
        if (length > maxMessageLength) {
            throw new TlsException(ErrorCode.RECORD_HANDSHAKE_TOO_LARGE, "the peer's handshake message of type "
                    + (buffer[start] & 0xff) + " announces " + length + " bytes, more than the configured maximum of "
                    + maxMessageLength);
        }
        return length;
    }
}
