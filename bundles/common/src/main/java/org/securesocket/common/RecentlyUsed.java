package org.securesocket.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map that forgets its least recently used entry beyond {@code capacity}: the JVM-wide
 * caches of decoded certificates and keys and of verified signatures. Thread-safe; {@code null}
 * keys and values are refused.
 */
public final class RecentlyUsed<K, V> {
    private final Map<K, V> entries;

    public RecentlyUsed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for {@code key}, now the most recently used, or {@code null}. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    /** Keeps {@code value} for {@code key}, forgetting the least recently used entry when full. */
    public synchronized void put(K key, V value) {
        if (key == null || value == null) {
            throw new NullPointerException("key and value are required");
        }
        entries.put(key, value);
    }
}
