package org.securesocket.record.internal;

import java.nio.ByteBuffer;
import org.securesocket.common.TlsException;
import org.securesocket.record.BufferPool;

/**
 * Cuts records out of input that arrives in chunks of any size. A record that lies whole in the
 * caller's buffer is handed back as a view of that buffer (to be decrypted in place); the bytes of
 * a record split across chunks are gathered in one pooled buffer (limited to one maximum record),
 * taken when a record is split and given back once it has been handed out, so at most one record
 * is ever held beyond what the caller keeps and none between records. Every header is checked as soon as its five
 * bytes are known, before any of its body is buffered.
 */
public final class Deframer {

    /** Validates a record header; throws to reject the record before its body is read. */
    @FunctionalInterface
    public interface HeaderCheck {
        void check(int type, int recordVersion, int length) throws TlsException;
    }

    /** The most bytes a record may take on the wire: header plus 2^14 + 2048 (RFC 5246 section 6.2.3). */
    public static final int MAX_WIRE_RECORD = Protection.HEADER_LENGTH + (1 << 14) + 2048;

    private final BufferViews sourceViews = new BufferViews();
    private final BufferViews pendingViews = new BufferViews();
    private ByteBuffer pending;
    private boolean pendingHoldsRecord;
    private int type;
    private int recordVersion;

    /**
     * The body of the next whole record, consuming it from {@code src} (or from what earlier calls
     * gathered), or {@code null} after consuming all of {@code src} when no record is complete yet.
     * The returned view is valid until the next call; it may be written (decrypted in place) unless
     * {@code src} is read-only, in which case the record is always gathered into our own buffer.
     */
    public ByteBuffer next(ByteBuffer src, HeaderCheck check) throws TlsException {
        if (pendingHoldsRecord) {
            release();
            pendingHoldsRecord = false;
        }
        if ((pending == null || pending.position() == 0) && !src.isReadOnly()
                && src.remaining() >= Protection.HEADER_LENGTH) {
            int at = src.position();
            int length = readHeader(src, at, check);
            int end = at + Protection.HEADER_LENGTH + length;
            if (end <= src.limit()) {
                src.position(end);
                return sourceViews.first(src, at + Protection.HEADER_LENGTH, end);
            }
        }
        return gather(src, check);
    }

    /** Gives the gathering buffer back to the pool while no record is split across reads. */
    private void release() {
        BufferPool.give(pending);
        pending = null;
    }

    /** Whether part of a record has been received but not all of it. */
    public boolean hasPartialRecord() {
        return pending != null && pending.position() > 0 && !pendingHoldsRecord;
    }

    /** The content type byte of the record last returned. */
    public int type() {
        return type;
    }

    /** The legacy_record_version of the record last returned. */
    public int recordVersion() {
        return recordVersion;
    }

    private ByteBuffer gather(ByteBuffer src, HeaderCheck check) throws TlsException {
        if (pending == null) {
            if (!src.hasRemaining()) {
                return null;
            }
            pending = BufferPool.take().limit(MAX_WIRE_RECORD);
        }
        if (pending.position() < Protection.HEADER_LENGTH) {
            take(src, Protection.HEADER_LENGTH - pending.position());
            if (pending.position() < Protection.HEADER_LENGTH) {
                return null;
            }
            readHeader(pending, 0, check);
        }
        int end = Protection.HEADER_LENGTH + (pending.getShort(3) & 0xffff);
        take(src, end - pending.position());
        if (pending.position() < end) {
            return null;
        }
        pendingHoldsRecord = true;
        type = pending.get(0) & 0xff;
        recordVersion = pending.getShort(1) & 0xffff;
        return pendingViews.first(pending, Protection.HEADER_LENGTH, end);
    }

    private int readHeader(ByteBuffer buffer, int at, HeaderCheck check) throws TlsException {
        type = buffer.get(at) & 0xff;
        recordVersion = (buffer.get(at + 1) & 0xff) << 8 | buffer.get(at + 2) & 0xff;
        int length = (buffer.get(at + 3) & 0xff) << 8 | buffer.get(at + 4) & 0xff;
        check.check(type, recordVersion, length);
        return length;
    }

    private void take(ByteBuffer src, int wanted) {
        int n = Math.min(wanted, src.remaining());
        pending.put(pending.position(), src, src.position(), n);
        pending.position(pending.position() + n);
        src.position(src.position() + n);
    }
}
