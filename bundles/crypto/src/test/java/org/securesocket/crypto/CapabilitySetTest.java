package org.securesocket.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class CapabilitySetTest {

    /** Holds the groups whose wire code is odd, and records what it was asked to decide. */
    private static final class OddGroups extends CapabilitySet<NamedGroup> {
        final List<NamedGroup> decided = new ArrayList<>();

        OddGroups() {
            super(NamedGroup.class);
        }

        @Override
        protected boolean decide(NamedGroup group) {
            decided.add(group);
            return group.codepoint() % 2 == 1;
        }
    }

    private static EnumSet<NamedGroup> expected() {
        EnumSet<NamedGroup> odd = EnumSet.noneOf(NamedGroup.class);
        for (NamedGroup group : NamedGroup.values()) {
            if (group.codepoint() % 2 == 1) {
                odd.add(group);
            }
        }
        return odd;
    }

    @Test
    void decidesOnlyWhatIsAskedAndOnlyOnce() {
        OddGroups set = new OddGroups();
        assertTrue(set.decided.isEmpty(), "nothing decided at construction");
        boolean x25519 = NamedGroup.X25519.codepoint() % 2 == 1;
        assertEquals(x25519, set.contains(NamedGroup.X25519));
        assertEquals(x25519, set.contains(NamedGroup.X25519));
        assertEquals(List.of(NamedGroup.X25519), set.decided);
        assertFalse(set.contains("X25519"), "another type is never a member");
        assertFalse(set.contains(null));
        assertEquals(List.of(NamedGroup.X25519), set.decided);
    }

    @Test
    void iteratingDecidesEveryConstantOnceAndYieldsTheMembersInOrder() {
        OddGroups set = new OddGroups();
        set.contains(NamedGroup.SECP256R1);
        assertEquals(expected(), EnumSet.copyOf(set));
        assertEquals(expected().size(), set.size());
        assertEquals(NamedGroup.values().length, set.decided.size(), "each constant decided exactly once");
        assertEquals(expected(), set);
        assertEquals(new ArrayList<>(expected()), new ArrayList<>(set));
        Iterator<NamedGroup> it = set.iterator();
        for (int i = 0; i < expected().size(); i++) {
            it.next();
        }
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertThrows(UnsupportedOperationException.class, () -> set.add(NamedGroup.X25519));
    }
}
