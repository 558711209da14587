package org.securesocket.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.bc.BcTlsCrypto;
import org.securesocket.crypto.compose.Primitive;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * The composed service as SCR drives it: providers bound and unbound at run time change the routing
 * in place, by the recorded measurements.
 */
class ComposedTlsCryptoComponentTest {

    @Test
    void routingFollowsProvidersAsTheyComeAndGo() throws TlsException {
        ComposedTlsCryptoComponent composed = new ComposedTlsCryptoComponent();
        JcaTlsCrypto jca = new JcaTlsCrypto();
        BcTlsCrypto bc = new BcTlsCrypto();
        assertEquals(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM,
                assertThrows(TlsException.class, () -> composed.generateKeyShare(NamedGroup.X25519)).code());

        composed.addProvider(jca, Map.of("service.id", 9L));
        assertEquals(EnumSet.allOf(Primitive.class), composed.servedBy().keySet());
        composed.servedBy().forEach((primitive, name) -> assertEquals("jca", name, primitive.toString()));

        // bc registered earlier (a lower service id) still serves only what it was measured faster at.
        composed.addProvider(bc, Map.of("service.id", 3L));
        for (Primitive primitive : Primitive.values()) {
            assertEquals(faster(primitive), composed.servedBy().get(primitive), primitive.toString());
        }
        assertEquals("bc", composed.servedBy().get(Primitive.ECDSA_VERIFY));
        assertEquals("bc", composed.servedBy().get(Primitive.ECDH_P256));
        assertEquals("jca", composed.servedBy().get(Primitive.AES_GCM));
        // The key share of a group now routed to bc works against one from jca.
        byte[] secret = composed.generateKeyShare(NamedGroup.SECP256R1).agree(jca.generateKeyShare(NamedGroup.SECP256R1).publicKey());
        assertEquals(32, secret.length);

        composed.removeProvider(jca, Map.of("service.id", 9L));
        composed.servedBy().forEach((primitive, name) -> assertEquals("bc", name, primitive.toString()));
        assertTrue(composed.aeads().contains(AeadAlgorithm.AES_128_GCM), "bc alone still does everything");

        composed.removeProvider(bc, Map.of("service.id", 3L));
        assertTrue(composed.servedBy().isEmpty());
        assertTrue(composed.namedGroups().isEmpty());
        assertSame("composed", composed.name());
    }

    /** The recorded faster of the two, or jca (the platform) where neither was measured. */
    private static String faster(Primitive primitive) {
        double jca = primitive.measured("jca").orElse(-1);
        double bc = primitive.measured("bc").orElse(-1);
        return bc > jca ? "bc" : "jca";
    }
}
