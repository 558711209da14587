package org.securesocket.crypto.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
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
}
