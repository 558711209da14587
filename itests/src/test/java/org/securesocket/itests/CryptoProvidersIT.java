package org.securesocket.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.compose.ComposedTlsCrypto;
import org.securesocket.crypto.compose.Primitive;

/**
 * The highest-ranked TlsCrypto is the composition; with the BouncyCastle bundle active it routes the
 * elliptic-curve work to bc and AES-GCM to jca, and with that bundle stopped the JCA serves alone,
 * through the same service object, which keeps working.
 */
public class CryptoProvidersIT extends SecureSocketFramework {
    private static final byte[] MESSAGE = "CertificateVerify".getBytes(StandardCharsets.US_ASCII);

    @Test
    public void theDefaultServiceIsTheCompositionAndFollowsTheBcBundle() throws Exception {
        ServiceReference<TlsCrypto> best = highestRanked();
        assertEquals("composed", best.getProperty("crypto.provider"));
        ComposedTlsCrypto composed = (ComposedTlsCrypto) context.getService(best);
        Map<Primitive, String> served = awaitServedBy(composed, Primitive.ECDSA_VERIFY, "bc");
        System.out.println("TlsCrypto service, with bc: " + served);
        assertEquals("bc", served.get(Primitive.ECDH_P256));
        assertEquals("bc", served.get(Primitive.X25519));
        assertEquals("jca", served.get(Primitive.AES_GCM));
        assertEquals("jca", served.get(Primitive.RSA_VERIFY)); // not measured: the platform's
        assertWorks(composed);

        Bundle bc = Arrays.stream(context.getBundles())
                .filter(b -> "org.securesocket.crypto.bc".equals(b.getSymbolicName())).findFirst().orElseThrow();
        bc.stop();
        try {
            served = awaitServedBy(composed, Primitive.ECDSA_VERIFY, "jca");
            System.out.println("TlsCrypto service, bc stopped: " + served);
            served.forEach((primitive, name) -> assertEquals(primitive.toString(), "jca", name));
            assertEquals(0, context.getServiceReferences(TlsCrypto.class, "(crypto.provider=bc)").size());
            assertEquals(best, highestRanked());
            assertWorks(composed);
        } finally {
            bc.start();
        }
        awaitServedBy(composed, Primitive.ECDSA_VERIFY, "bc");
        assertWorks(composed);
    }

    private ServiceReference<TlsCrypto> highestRanked() throws InterruptedException {
        service(TlsCrypto.class);
        return context.getServiceReference(TlsCrypto.class);
    }

    /** SCR binds and unbinds asynchronously to the bundle event: wait for the routing to change. */
    private static Map<Primitive, String> awaitServedBy(ComposedTlsCrypto composed, Primitive primitive, String provider)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVICE_TIMEOUT_SECONDS);
        while (!provider.equals(composed.servedBy().get(primitive)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(primitive + " served by", provider, composed.servedBy().get(primitive));
        return composed.servedBy();
    }

    private static void assertWorks(TlsCrypto crypto) throws Exception {
        for (NamedGroup group : new NamedGroup[] {NamedGroup.SECP256R1, NamedGroup.X25519}) {
            KeyShare a = crypto.generateKeyShare(group);
            KeyShare b = crypto.generateKeyShare(group);
            assertArrayEquals(a.agree(b.publicKey()), b.agree(a.publicKey()));
        }
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = ec.generateKeyPair();
        byte[] sig = crypto.createSigner(SignatureScheme.ECDSA_SECP256R1_SHA256, pair.getPrivate().getEncoded()).sign(MESSAGE);
        assertTrue(crypto.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, pair.getPublic().getEncoded(), MESSAGE, sig));
    }
}
