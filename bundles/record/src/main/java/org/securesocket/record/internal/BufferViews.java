package org.securesocket.record.internal;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;

/**
 * Reusable duplicates of the last buffer seen, so that a record can be cut out of a caller's buffer
 * without allocating a view per record (callers usually pass the same buffer again and again: a
 * busy connection gets the same pooled buffer back from the last-in-first-out {@code BufferPool}).
 * The duplicates are held weakly: between calls nothing but this holds them, so the next
 * collection drops them, and an idle connection keeps no view of a buffer it has given back
 * (nor the buffer's memory alive through one); a busy one makes them again after a collection.
 * Not thread-safe.
 */
public final class BufferViews {
    private WeakReference<Views> held;

    /** The duplicates of one buffer; {@code source} is reachable only as long as they are. */
    private static final class Views {
        final ByteBuffer source;
        ByteBuffer first;
        ByteBuffer second;

        Views(ByteBuffer source) {
            this.source = source;
        }
    }

    /** A view of {@code buffer}'s memory framed at [from, to). */
    public ByteBuffer first(ByteBuffer buffer, int from, int to) {
        Views views = of(buffer);
        if (views.first == null) {
            views.first = buffer.duplicate();
        }
        return frame(views.first, from, to);
    }

    /** A second, independent view of the same memory framed at [from, to). */
    public ByteBuffer second(ByteBuffer buffer, int from, int to) {
        Views views = of(buffer);
        if (views.second == null) {
            views.second = buffer.duplicate();
        }
        return frame(views.second, from, to);
    }

    private Views of(ByteBuffer buffer) {
        Views views = held == null ? null : held.get();
        if (views == null || views.source != buffer) {
            views = new Views(buffer);
            held = new WeakReference<>(views);
        }
        return views;
    }

    private static ByteBuffer frame(ByteBuffer view, int from, int to) {
        view.limit(view.capacity()).position(from);
        view.limit(to);
        return view;
    }
}
