package org.securesocket.crypto;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * An unmodifiable set of enum constants whose membership is decided one constant at a time, on the
 * first question about it, and then remembered: a provider's capability set that costs nothing until
 * asked. Asking whether the JDK does X25519 instantiates the JDK's X25519 code, which takes
 * milliseconds in a fresh JVM; a handshake that never needs X25519 from this provider should not pay
 * it (the protocol layers only ask {@code contains}). Iterating or sizing the set decides every constant.
 * Thread-safe: two threads may decide the same constant at once, which is harmless as deciding has no
 * effect beyond its answer.
 *
 * @param <E> the enum the set draws from
 */
public abstract class CapabilitySet<E extends Enum<E>> extends AbstractSet<E> {
    private static final int UNKNOWN = 0;
    private static final int PRESENT = 1;
    private static final int ABSENT = 2;

    private final Class<E> type;
    private final E[] universe;
    private final AtomicIntegerArray decided;

    /** A set drawing from every constant of {@code type}. */
    protected CapabilitySet(Class<E> type) {
        this.type = type;
        this.universe = type.getEnumConstants();
        this.decided = new AtomicIntegerArray(universe.length);
    }

    /** Whether {@code element} belongs to the set; called at most once per constant unless threads race. */
    protected abstract boolean decide(E element);

    @Override
    public final boolean contains(Object o) {
        if (!type.isInstance(o)) {
            return false;
        }
        int i = type.cast(o).ordinal();
        int state = decided.get(i);
        if (state == UNKNOWN) {
            state = decide(universe[i]) ? PRESENT : ABSENT;
            decided.set(i, state);
        }
        return state == PRESENT;
    }

    @Override
    public final Iterator<E> iterator() {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < universe.length && !contains(universe[i])) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < universe.length;
            }

            @Override
            public E next() {
                if (next >= universe.length) {
                    throw new NoSuchElementException();
                }
                E element = universe[next];
                next = advance(next + 1);
                return element;
            }
        };
    }

    @Override
    public final int size() {
        int n = 0;
        for (E element : universe) {
            if (contains(element)) {
                n++;
            }
        }
        return n;
    }
}
