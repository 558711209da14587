package org.securesocket.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecentlyUsedTest {
    @Test
    void forgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        RecentlyUsed<String, Integer> recent = new RecentlyUsed<>(2);
        recent.put("a", 1);
        recent.put("b", 2);
        assertEquals(1, recent.get("a")); // a is now more recent than b
        recent.put("c", 3);
        assertNull(recent.get("b"));
        assertEquals(1, recent.get("a"));
        assertEquals(3, recent.get("c"));
    }

    @Test
    void replacesTheValueOfAKnownKey() {
        RecentlyUsed<String, Integer> recent = new RecentlyUsed<>(1);
        recent.put("a", 1);
        recent.put("a", 2);
        assertEquals(2, recent.get("a"));
    }

    @Test
    void refusesNullsAndNoCapacity() {
        RecentlyUsed<String, Integer> recent = new RecentlyUsed<>(1);
        assertThrows(NullPointerException.class, () -> recent.put(null, 1));
        assertThrows(NullPointerException.class, () -> recent.put("a", null));
        assertThrows(IllegalArgumentException.class, () -> new RecentlyUsed<String, Integer>(0));
    }
}
