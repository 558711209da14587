package org.securesocket.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.TlsCrypto;

/**
 * The crypto bundle registers its JCA provider as a TlsCrypto service named jca, and the
 * highest-ranked TlsCrypto (the composition, see CryptoProvidersIT) works in the framework.
 */
public class CryptoServiceIT extends SecureSocketFramework {

    @Test
    public void theJcaProviderIsRegisteredWithItsName() throws Exception {
        service(TlsCrypto.class);
        Collection<ServiceReference<TlsCrypto>> refs = context.getServiceReferences(TlsCrypto.class, "(crypto.provider=jca)");
        assertEquals(1, refs.size());
        TlsCrypto crypto = context.getService(refs.iterator().next());
        assertEquals("jca", crypto.name());
        assertTrue(crypto.namedGroups().contains(NamedGroup.X25519));
        assertTrue(crypto.aeads().contains(AeadAlgorithm.AES_128_GCM));
    }

    @Test
    public void keyAgreementAndAeadWorkInsideTheFramework() throws Exception {
        TlsCrypto crypto = service(TlsCrypto.class);
        KeyShare client = crypto.generateKeyShare(NamedGroup.X25519);
        KeyShare server = crypto.generateKeyShare(NamedGroup.X25519);
        byte[] secret = client.agree(server.publicKey());
        assertArrayEquals(secret, server.agree(client.publicKey()));

        AeadCipher sealer = crypto.createAead(AeadAlgorithm.AES_128_GCM, java.util.Arrays.copyOf(secret, 16));
        AeadCipher opener = crypto.createAead(AeadAlgorithm.AES_128_GCM, java.util.Arrays.copyOf(secret, 16));
        byte[] nonce = new byte[12];
        byte[] aad = {23, 3, 3};
        byte[] message = "hello from Felix".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer sealed = ByteBuffer.allocate(message.length + 16);
        sealer.seal(nonce, aad, ByteBuffer.wrap(message), sealed);
        sealed.flip();
        assertFalse(java.util.Arrays.equals(message, java.util.Arrays.copyOf(sealed.array(), message.length)));
        ByteBuffer opened = ByteBuffer.allocate(message.length);
        assertEquals(message.length, opener.open(nonce, aad, sealed, opened));
        assertArrayEquals(message, opened.array());
    }
}
