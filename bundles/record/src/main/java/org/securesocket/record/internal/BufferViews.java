package org.securesocket.record.internal;

import java.nio.ByteBuffer;

/**
 * Reusable duplicates of the last buffer seen, so that a record can be cut out of a caller's buffer
 * without allocating a view per record (callers usually pass the same buffer again and again).
 */
public final class BufferViews {
    private ByteBuffer source;
    private ByteBuffer first;
    private ByteBuffer second;

    /** A view of {@code buffer}'s memory framed at [from, to). */
    public ByteBuffer first(ByteBuffer buffer, int from, int to) {
        refresh(buffer);
        return frame(first, from, to);
    }

    /** A second, independent view of the same memory framed at [from, to). */
    public ByteBuffer second(ByteBuffer buffer, int from, int to) {
        refresh(buffer);
        return frame(second, from, to);
    }

    private void refresh(ByteBuffer buffer) {
        if (buffer != source) {
            source = buffer;
            first = buffer.duplicate();
            second = buffer.duplicate();
        }
    }

    private static ByteBuffer frame(ByteBuffer view, int from, int to) {
        view.limit(view.capacity()).position(from);
        view.limit(to);
        return view;
    }
}
