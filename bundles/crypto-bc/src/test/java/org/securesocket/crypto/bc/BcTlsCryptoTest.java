package org.securesocket.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.bc.internal.BcTlsCryptoComponent;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/** What is particular to the BouncyCastle provider: its random source, its AEAD objects, its OSGi shell. */
class BcTlsCryptoTest {

    @Test
    void keySharesFollowTheInjectedRandomSource() throws TlsException {
        for (NamedGroup group : new NamedGroup[] {NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1}) {
            byte[] a = new BcTlsCrypto(RandomSource.deterministic(42)).generateKeyShare(group).publicKey();
            byte[] b = new BcTlsCrypto(RandomSource.deterministic(42)).generateKeyShare(group).publicKey();
            byte[] c = new BcTlsCrypto(RandomSource.deterministic(43)).generateKeyShare(group).publicKey();
            assertArrayEquals(a, b, group + ": same seed, same share");
            assertFalse(Arrays.equals(a, c), group + ": another seed, another share");
        }
    }

    /** Same source, same X25519 share as the JCA provider: both take the 32 source bytes as the scalar. */
    @Test
    void x25519SharesMatchTheJcaProviderOnTheSameSource() throws TlsException {
        assertArrayEquals(new JcaTlsCrypto(RandomSource.deterministic(9)).generateKeyShare(NamedGroup.X25519).publicKey(),
                new BcTlsCrypto(RandomSource.deterministic(9)).generateKeyShare(NamedGroup.X25519).publicKey());
    }

    /** Key generation by the ladder (before the comb's tables are ready) gives the comb's public key. */
    @Test
    void x25519LadderAndCombGiveTheSamePublicKey() {
        Random random = new Random(25519);
        for (int i = 0; i < 50; i++) {
            byte[] k = new byte[32];
            random.nextBytes(k);
            assertArrayEquals(BcX25519KeyShare.publicKey(k, true), BcX25519KeyShare.publicKey(k, false));
        }
    }

    /** Our comb-based agreement and the JDK's agree across providers on every NIST curve. */
    @Test
    void ecdhAgreesWithTheJcaProvider() throws TlsException {
        for (NamedGroup group : new NamedGroup[] {NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1}) {
            KeyShare ours = new BcTlsCrypto().generateKeyShare(group);
            KeyShare theirs = new JcaTlsCrypto().generateKeyShare(group);
            assertArrayEquals(theirs.agree(ours.publicKey()), ours.agree(theirs.publicKey()), group.toString());
        }
    }

    @Test
    void sealingTwiceWithOneNonceIsRefused() throws TlsException {
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            AeadCipher aead = new BcTlsCrypto().createAead(algorithm, new byte[algorithm.keyLength()]);
            byte[] nonce = new byte[12];
            aead.seal(nonce, new byte[0], ByteBuffer.wrap(new byte[16]), ByteBuffer.wrap(new byte[32]));
            TlsException e = assertThrows(TlsException.class, () -> aead.seal(nonce, new byte[0],
                    ByteBuffer.wrap(new byte[16]), ByteBuffer.wrap(new byte[32])), algorithm.toString());
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            nonce[11] = 1;
            assertEquals(32, aead.seal(nonce, new byte[0], ByteBuffer.wrap(new byte[16]), ByteBuffer.wrap(new byte[32])));
        }
    }

    /** BouncyCastle writes plaintext before it checks the tag: a failed open leaves zeros, not plaintext. */
    @Test
    void aFailedOpenReleasesNoPlaintext() throws TlsException {
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            BcTlsCrypto crypto = new BcTlsCrypto();
            byte[] key = new byte[algorithm.keyLength()];
            byte[] message = new byte[100];
            Arrays.fill(message, (byte) 'p');
            byte[] sealed = new byte[116];
            crypto.createAead(algorithm, key).seal(new byte[12], new byte[0], ByteBuffer.wrap(message), ByteBuffer.wrap(sealed));
            sealed[115] ^= 1;
            byte[] out = new byte[100];
            ByteBuffer direct = ByteBuffer.allocateDirect(116).put(sealed).flip();
            TlsException e = assertThrows(TlsException.class, () -> crypto.createAead(algorithm, key)
                    .open(new byte[12], new byte[0], ByteBuffer.wrap(sealed), ByteBuffer.wrap(out)));
            assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code());
            assertArrayEquals(new byte[100], out, algorithm.toString());
            ByteBuffer directOut = ByteBuffer.allocateDirect(100);
            assertThrows(TlsException.class, () -> crypto.createAead(algorithm, key)
                    .open(new byte[12], new byte[0], direct, directOut));
            assertEquals(0, directOut.position(), "nothing written to a direct buffer on failure");
        }
    }

    @Test
    void directBuffersSealAsArraysDo() throws TlsException {
        BcTlsCrypto crypto = new BcTlsCrypto();
        byte[] message = RandomSource.deterministic(3).bytes(1000);
        byte[] viaArrays = new byte[1016];
        crypto.createAead(AeadAlgorithm.CHACHA20_POLY1305, new byte[32])
                .seal(new byte[12], new byte[] {1}, ByteBuffer.wrap(message), ByteBuffer.wrap(viaArrays));
        ByteBuffer out = ByteBuffer.allocateDirect(1016);
        ByteBuffer in = ByteBuffer.allocateDirect(1000).put(message).flip();
        assertEquals(1016, crypto.createAead(AeadAlgorithm.CHACHA20_POLY1305, new byte[32])
                .seal(new byte[12], new byte[] {1}, in, out));
        assertEquals(0, in.remaining());
        byte[] viaDirect = new byte[1016];
        out.flip().get(viaDirect);
        assertArrayEquals(viaArrays, viaDirect);
    }

    @Test
    void theOsgiComponentIsTheBcProviderOnTheSystemSource() {
        BcTlsCryptoComponent component = new BcTlsCryptoComponent();
        assertEquals("bc", component.name());
        assertTrue(component.random() == RandomSource.system());
    }
}
