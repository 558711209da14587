package org.securesocket.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

    @Test
    void deterministicStreamsRepeatAndDoNotDependOnChunking() {
        byte[] whole = RandomSource.deterministic(42).bytes(100);
        RandomSource chunked = RandomSource.deterministic(42);
        byte[] a = chunked.bytes(7);
        byte[] b = chunked.bytes(93);
        byte[] joined = Arrays.copyOf(a, 100);
        System.arraycopy(b, 0, joined, 7, 93);
        assertArrayEquals(whole, joined);
    }

    @Test
    void seedsGiveDifferentStreams() {
        assertFalse(Arrays.equals(RandomSource.deterministic(1).bytes(32), RandomSource.deterministic(2).bytes(32)));
    }

    @Test
    void systemSourceFillsTheArray() {
        byte[] out = RandomSource.system().bytes(64);
        assertEquals(64, out.length);
        assertFalse(Arrays.equals(new byte[64], out));
    }
}
