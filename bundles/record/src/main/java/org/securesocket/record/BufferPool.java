package org.securesocket.record;

import java.nio.ByteBuffer;

/**
 * Working buffers of {@link #SIZE} bytes shared by the connections of this JVM: a connection takes
 * one only while bytes pass through it (a read from the network, a record split across reads, data
 * waiting to be sent or read) and gives it back when it is empty, so an idle connection keeps no
 * buffer, and a busy one reuses pooled buffers instead of allocating per record. The pool keeps at
 * most {@link #KEEP} free buffers (1.75 MiB); beyond that, returned buffers are left to the collector.
 * Last in, first out: a busy connection gets back the buffer it gave back last, still in the CPU's
 * caches, and the record layer's views of it ({@code BufferViews}) stay valid instead of being made
 * again for another buffer. Thread-safe; taking and giving allocate nothing.
 */
public final class BufferPool {
    /**
     * 56 KiB: a network read of {@link #READ} bytes plus one record carried over from the previous
     * read (at most 5 + 2^14 + 2048 bytes) fit in one buffer, and so does the plaintext they yield.
     */
    public static final int SIZE = 56 * 1024;
    /** The most a connection should read from the network at once (two full records and more). */
    public static final int READ = 36 * 1024;
    /** The most free buffers kept. */
    public static final int KEEP = 32;

    /** The free buffers, a stack (last in, first out: see above). */
    private static final ByteBuffer[] FREE = new ByteBuffer[KEEP];
    private static int free;

    private BufferPool() {
    }

    /** A cleared heap buffer of {@link #SIZE} bytes (array-backed, offset 0), pooled or new. */
    public static ByteBuffer take() {
        synchronized (FREE) {
            if (free > 0) {
                ByteBuffer buffer = FREE[--free];
                FREE[free] = null;
                return buffer.clear();
            }
        }
        return ByteBuffer.allocate(SIZE);
    }

    /** Gives a buffer from {@link #take} back; the caller must not use it any more. */
    public static void give(ByteBuffer buffer) {
        if (buffer.capacity() == SIZE && buffer.hasArray()) {
            synchronized (FREE) {
                if (free < KEEP) {
                    FREE[free++] = buffer;
                }
            }
        }
    }
}
