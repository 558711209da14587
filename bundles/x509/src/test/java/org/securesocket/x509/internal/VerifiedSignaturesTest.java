package org.securesocket.x509.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/** The cache's key covers every input, and the cache never holds more than its capacity. */
class VerifiedSignaturesTest {
    private static final JcaTlsCrypto CRYPTO = new JcaTlsCrypto();

    private static ByteBuffer key(SignatureScheme scheme, String spki, String tbs, String signature) {
        return VerifiedSignatures.key(CRYPTO, scheme, spki.getBytes(), tbs.getBytes(), signature.getBytes());
    }

    @Test
    void everyInputAndTheirBoundariesChangeTheKey() {
        ByteBuffer base = key(SignatureScheme.ECDSA_SECP256R1_SHA256, "key", "tbs", "sig");
        assertEquals(base, key(SignatureScheme.ECDSA_SECP256R1_SHA256, "key", "tbs", "sig"));
        assertNotEquals(base, key(SignatureScheme.ECDSA_SECP384R1_SHA384, "key", "tbs", "sig"));
        assertNotEquals(base, key(SignatureScheme.ECDSA_SECP256R1_SHA256, "kez", "tbs", "sig"));
        assertNotEquals(base, key(SignatureScheme.ECDSA_SECP256R1_SHA256, "key", "tbt", "sig"));
        assertNotEquals(base, key(SignatureScheme.ECDSA_SECP256R1_SHA256, "key", "tbs", "sih"));
        // Length prefixes: moving a byte from one field to the next is another key.
        assertNotEquals(base, key(SignatureScheme.ECDSA_SECP256R1_SHA256, "ke", "ytbs", "sig"));
    }

    @Test
    void boundedLeastRecentlyUsedFirstOut() {
        List<ByteBuffer> keys = new ArrayList<>();
        for (int i = 0; i < VerifiedSignatures.CAPACITY + 50; i++) {
            ByteBuffer k = key(SignatureScheme.ED25519, "bounded", "tbs " + i, "sig");
            keys.add(k);
            VerifiedSignatures.add(k);
            if (i == VerifiedSignatures.CAPACITY - 1) {
                assertTrue(VerifiedSignatures.contains(keys.get(0))); // used: kept past the others of its age
            }
        }
        // CAPACITY + 50 added, the first used again before the last 50: the next 50 oldest went out.
        assertTrue(VerifiedSignatures.contains(keys.get(0)));
        for (int i = 1; i <= 50; i++) {
            assertFalse(VerifiedSignatures.contains(keys.get(i)), "entry " + i);
        }
        for (int i = 51; i < keys.size(); i++) {
            assertTrue(VerifiedSignatures.contains(keys.get(i)), "entry " + i);
        }
    }
}
