package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
    @Test
    void aGivenBufferIsTakenAgainCleared() {
        ByteBuffer first = BufferPool.take();
        first.position(100).limit(200);
        BufferPool.give(first);
        List<ByteBuffer> taken = new ArrayList<>();
        boolean reused = false;
        for (int i = 0; i < BufferPool.KEEP + 1 && !reused; i++) {
            ByteBuffer b = BufferPool.take();
            taken.add(b);
            reused = b == first;
        }
        assertTrue(reused, "the buffer given back is handed out again");
        assertEquals(0, first.position());
        assertEquals(BufferPool.SIZE, first.limit());
        taken.forEach(BufferPool::give);
    }

    @Test
    void theBufferGivenBackLastIsTakenFirst() {
        ByteBuffer a = BufferPool.take();
        ByteBuffer b = BufferPool.take();
        BufferPool.give(a);
        BufferPool.give(b);
        assertSame(b, BufferPool.take(), "last in, first out: a busy connection gets its buffer back");
        assertSame(a, BufferPool.take());
        BufferPool.give(a);
        BufferPool.give(b);
    }

    @Test
    void buffersAreArrayBackedAndBigEnoughForAReadPlusACarriedOverRecord() {
        ByteBuffer b = BufferPool.take();
        assertTrue(b.hasArray());
        assertEquals(0, b.arrayOffset());
        assertTrue(BufferPool.SIZE >= BufferPool.READ + 5 + (1 << 14) + 2048);
        BufferPool.give(b);
    }

    @Test
    void aForeignBufferIsNotPooled() {
        ByteBuffer foreign = ByteBuffer.allocate(100);
        BufferPool.give(foreign);
        for (int i = 0; i < BufferPool.KEEP + 1; i++) {
            ByteBuffer b = BufferPool.take();
            assertNotSame(foreign, b);
            assertEquals(BufferPool.SIZE, b.capacity());
        }
    }

    @Test
    void atMostKeepBuffersAreKept() {
        List<ByteBuffer> many = new ArrayList<>();
        for (int i = 0; i < BufferPool.KEEP * 2; i++) {
            many.add(BufferPool.take());
        }
        many.forEach(BufferPool::give);
        List<ByteBuffer> again = new ArrayList<>();
        for (int i = 0; i < BufferPool.KEEP * 2; i++) {
            again.add(BufferPool.take());
        }
        long reused = again.stream().filter(b -> many.stream().anyMatch(m -> m == b)).count();
        assertEquals(BufferPool.KEEP, reused);
        again.forEach(BufferPool::give);
    }
}
