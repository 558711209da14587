package org.securesocket.crypto.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;

/** AEAD ciphers of many keys sharing pooled JCA instances, record by record. */
class CipherPoolTest {
    private final RandomSource random = RandomSource.deterministic(7);

    @Test
    void leasesAreLastInFirstOut() throws TlsException {
        CipherPool pool = CipherPool.of(AeadAlgorithm.AES_128_GCM, true);
        CipherPool.Lease a = pool.take();
        CipherPool.Lease b = pool.take();
        pool.give(a);
        pool.give(b);
        assertSame(b, pool.take(), "the instance given back last comes first");
        assertSame(a, pool.take());
        pool.give(a);
        pool.give(b);
    }

    @Test
    void keysTakingTurnsOnSharedInstancesMatchTheirOwnJcaCipher() throws Exception {
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            JcaTlsCrypto crypto = new JcaTlsCrypto(random);
            byte[][] keys = {random.bytes(algorithm.keyLength()), random.bytes(algorithm.keyLength())};
            // one direction each, as in a connection: the sealing side and the peer's opening side
            AeadCipher[] sealers = {crypto.createAead(algorithm, keys[0]), crypto.createAead(algorithm, keys[1])};
            AeadCipher[] openers = {crypto.createAead(algorithm, keys[0]), crypto.createAead(algorithm, keys[1])};
            for (int record = 0; record < 6; record++) {
                int k = record % 2;
                byte[] nonce = random.bytes(algorithm.nonceLength());
                byte[] aad = random.bytes(5);
                byte[] plaintext = random.bytes(100 + record);
                ByteBuffer sealed = ByteBuffer.allocate(plaintext.length + algorithm.tagLength());
                sealers[k].seal(nonce, aad, ByteBuffer.wrap(plaintext), sealed);
                assertArrayEquals(reference(algorithm, keys[k], nonce, aad, plaintext), sealed.array(),
                        algorithm + " record " + record);
                // opened at a non-zero offset (ChaCha20-Poly1305 goes through the lease's scratch array)
                ByteBuffer received = ByteBuffer.allocate(3 + sealed.capacity()).position(3);
                received.put(sealed.flip()).position(3);
                ByteBuffer opened = ByteBuffer.allocate(plaintext.length);
                assertEquals(plaintext.length, openers[k].open(nonce, aad, received, opened));
                assertArrayEquals(plaintext, opened.array());
            }
            assertTrue(CipherPool.of(algorithm, true).free() >= 1, algorithm + ": the instance went back to the pool");
        }
    }

    /** The JDK's refusal of a repeated key and nonce stands for one cipher, not across users of an instance. */
    @Test
    void aRepeatedNonceIsRefusedForOneCipherOnly() throws TlsException {
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            JcaTlsCrypto crypto = new JcaTlsCrypto(random);
            byte[] key = random.bytes(algorithm.keyLength());
            byte[] nonce = random.bytes(algorithm.nonceLength());
            AeadCipher one = crypto.createAead(algorithm, key);
            ByteBuffer sealed = ByteBuffer.allocate(16 + algorithm.tagLength());
            one.seal(nonce, new byte[5], ByteBuffer.allocate(16), sealed);
            TlsException e = assertThrows(TlsException.class,
                    () -> one.seal(nonce, new byte[5], ByteBuffer.allocate(16), ByteBuffer.allocate(sealed.capacity())));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code(), algorithm + ": " + e.getMessage());
            // another protection on the same key (as tests have) and the reading side of a loopback
            AeadCipher other = crypto.createAead(algorithm, key);
            ByteBuffer again = ByteBuffer.allocate(sealed.capacity());
            other.seal(nonce, new byte[5], ByteBuffer.allocate(16), again);
            assertArrayEquals(sealed.array(), again.array(), algorithm + ": same key, nonce and input");
            ByteBuffer opened = ByteBuffer.allocate(16);
            crypto.createAead(algorithm, key).open(nonce, new byte[5], again.flip(), opened);
            assertEquals(16, opened.position());
        }
    }

    private static byte[] reference(AeadAlgorithm algorithm, byte[] key, byte[] nonce, byte[] aad, byte[] plaintext)
            throws Exception {
        Cipher cipher = Cipher.getInstance(JcaAeadCipher.transformation(algorithm));
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, JcaAeadCipher.keyAlgorithm(algorithm)),
                algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? new IvParameterSpec(nonce)
                        : new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(plaintext);
    }
}
