package org.securesocket.crypto.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.CapabilitySet;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * The composition as this bundle alone has it: the JCA provider only. (bundles/crypto-bc runs the
 * whole provider suite against the composition of jca and bc, and its routing as providers come and go.)
 */
class ComposedTlsCryptoTest {

    @Test
    void withTheJcaAloneItIsTheJca() throws TlsException {
        JcaTlsCrypto jca = new JcaTlsCrypto();
        ComposedTlsCrypto composed = new ComposedTlsCrypto(List.of(jca));
        assertEquals(EnumSet.allOf(Primitive.class), composed.servedBy().keySet());
        composed.servedBy().forEach((primitive, name) -> assertEquals("jca", name, primitive.toString()));
        assertEquals(jca.namedGroups(), composed.namedGroups());
        assertEquals(jca.verifySchemes(), composed.verifySchemes());
        assertEquals(jca.signSchemes(), composed.signSchemes());
        assertEquals(jca.hashes(), composed.hashes());
        assertEquals(jca.aeads(), composed.aeads());
        assertTrue(composed.supportsCbc());
        assertEquals(jca.random(), composed.random());
        assertEquals(NamedGroup.X25519, composed.generateKeyShare(NamedGroup.X25519).group());
    }

    /** Every request maps to a primitive its provider offers, so servedBy() names who serves it. */
    @Test
    void everyGroupAndSchemeMapsToAnOfferedPrimitive() {
        JcaTlsCrypto jca = new JcaTlsCrypto();
        for (NamedGroup group : jca.namedGroups()) {
            assertTrue(ComposedTlsCrypto.keyExchange(group).offeredBy(jca), group.toString());
        }
        for (SignatureScheme scheme : jca.verifySchemes()) {
            assertTrue(ComposedTlsCrypto.signature(scheme, false).offeredBy(jca), scheme + " verify");
        }
        for (SignatureScheme scheme : jca.signSchemes()) {
            assertTrue(ComposedTlsCrypto.signature(scheme, true).offeredBy(jca), scheme + " sign");
        }
    }

    @Test
    void withoutProvidersEveryRequestIsUnsupported() {
        ComposedTlsCrypto empty = new ComposedTlsCrypto(List.of());
        assertTrue(empty.servedBy().isEmpty());
        TlsException e = assertThrows(TlsException.class, () -> empty.generateKeyShare(NamedGroup.SECP256R1));
        assertEquals(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM, e.code());
        assertTrue(e.getMessage().contains("SECP256R1"), e.getMessage());
        assertEquals(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM,
                assertThrows(TlsException.class, () -> empty.verify(SignatureScheme.ED25519, new byte[0], new byte[0], new byte[0])).code());
    }

    /** A JCA provider under another name, whose named groups record what they were asked about. */
    private static final class Recording extends JcaTlsCrypto {
        private final String name;
        final List<NamedGroup> asked = new ArrayList<>();
        private final Set<NamedGroup> groups = new CapabilitySet<>(NamedGroup.class) {
            @Override
            protected boolean decide(NamedGroup group) {
                asked.add(group);
                return true;
            }
        };

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<NamedGroup> namedGroups() {
            return groups;
        }
    }

    /**
     * The union of the capability sets asks the providers in the order the request would be routed
     * and stops at the first that has it: asking about X25519, which bc was measured faster at, never
     * asks the jca provider (whose probe would instantiate the JDK's X25519 in a fresh JVM).
     */
    @Test
    void capabilityQuestionsGoOnlyAsFarAsTheProviderThatWouldServe() throws TlsException {
        Recording jca = new Recording("jca");
        Recording bc = new Recording("bc");
        ComposedTlsCrypto composed = new ComposedTlsCrypto(List.of(jca, bc));
        assertTrue(jca.asked.isEmpty() && bc.asked.isEmpty(), "nothing asked when composing");
        assertTrue(composed.namedGroups().contains(NamedGroup.X25519));
        assertTrue(composed.namedGroups().contains(NamedGroup.SECP256R1));
        assertEquals(List.of(), jca.asked);
        assertEquals(List.of(NamedGroup.X25519, NamedGroup.SECP256R1), bc.asked);
        // ffdhe was measured for neither: the platform provider comes first
        assertTrue(composed.namedGroups().contains(NamedGroup.FFDHE2048));
        assertEquals(List.of(NamedGroup.FFDHE2048), jca.asked);
        assertEquals("bc", composed.servedBy().get(Primitive.X25519));
        assertEquals(NamedGroup.X25519, composed.generateKeyShare(NamedGroup.X25519).group());
    }
}
