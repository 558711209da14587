package org.securesocket.crypto.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.Hmac;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.internal.JcaTlsCryptoComponent;

/** What is particular to the JCA provider: its random source, RSA encryption, its OSGi shell. */
class JcaTlsCryptoTest {

    @Test
    void keySharesFollowTheInjectedRandomSource() throws TlsException {
        for (NamedGroup group : new NamedGroup[] {NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.FFDHE2048}) {
            byte[] a = new JcaTlsCrypto(RandomSource.deterministic(42)).generateKeyShare(group).publicKey();
            byte[] b = new JcaTlsCrypto(RandomSource.deterministic(42)).generateKeyShare(group).publicKey();
            byte[] c = new JcaTlsCrypto(RandomSource.deterministic(43)).generateKeyShare(group).publicKey();
            assertArrayEquals(a, b, group + ": same seed, same share");
            assertFalse(Arrays.equals(a, c), group + ": another seed, another share");
        }
    }

    /** HMACs cloned from the shared uninitialised Mac keep their own keys and state, used interleaved. */
    @Test
    void hmacsAreIndependentOfEachOther() throws Exception {
        JcaTlsCrypto crypto = new JcaTlsCrypto();
        byte[] keyA = new byte[32];
        byte[] keyB = new byte[48];
        Arrays.fill(keyB, (byte) 7);
        Hmac a = crypto.createHmac(HashAlgorithm.SHA256, keyA);
        Hmac b = crypto.createHmac(HashAlgorithm.SHA256, keyB);
        byte[] message = "interleaved".getBytes(StandardCharsets.US_ASCII);
        for (byte m : message) {
            a.update(new byte[] {m}, 0, 1);
            b.update(new byte[] {m}, 0, 1);
        }
        byte[] macA = new byte[32];
        byte[] macB = new byte[32];
        a.doFinal(macA, 0);
        b.doFinal(macB, 0);
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(new byte[1], "HmacSHA256")); // an all-zero key pads like one zero byte
        assertArrayEquals(reference.doFinal(message), macA);
        reference.init(new SecretKeySpec(keyB, "HmacSHA256"));
        assertArrayEquals(reference.doFinal(message), macB);
    }

    /** Threads making HMACs at once (all cloned from one shared Mac) each get the right answer. */
    @Test
    void hmacsFromManyThreadsAtOnce() throws Exception {
        JcaTlsCrypto crypto = new JcaTlsCrypto();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                byte seed = (byte) t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        byte[] key = new byte[32];
                        Arrays.fill(key, (byte) (seed + i));
                        byte[] message = {seed, (byte) i};
                        Hmac hmac = crypto.createHmac(HashAlgorithm.SHA384, key);
                        hmac.update(message, 0, message.length);
                        byte[] out = new byte[48];
                        hmac.doFinal(out, 0);
                        Mac reference = Mac.getInstance("HmacSHA384");
                        reference.init(new SecretKeySpec(key, "HmacSHA384"));
                        if (!Arrays.equals(reference.doFinal(message), out)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** X25519 private keys are the 32 bytes the source gives (RFC 7748 section 6.1 clamps them). */
    @Test
    void x25519ShareIsTheScalarMultipleOfTheSourceBytes() throws Exception {
        byte[] scalar = RandomSource.deterministic(9).bytes(32);
        byte[] share = new JcaTlsCrypto(RandomSource.deterministic(9)).generateKeyShare(NamedGroup.X25519).publicKey();
        byte[] basePoint = new byte[32];
        basePoint[0] = 9;
        assertArrayEquals(share, new JcaProviderUnderTest().agree(NamedGroup.X25519, scalar, basePoint));
    }

    @Test
    void rsaEncryptionDecryptsWithThePrivateKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        TlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(1));
        byte[] premaster = RandomSource.deterministic(2).bytes(48);
        byte[] encrypted = crypto.rsaEncryptPkcs1(pair.getPublic().getEncoded(), premaster);
        assertEquals(256, encrypted.length);
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, pair.getPrivate());
        assertArrayEquals(premaster, rsa.doFinal(encrypted));
        byte[] ecKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic().getEncoded();
        assertEquals(ErrorCode.CRYPTO_INVALID_KEY,
                assertThrows(TlsException.class, () -> crypto.rsaEncryptPkcs1(ecKey, premaster)).code());
    }

    @Test
    void nonceReuseIsRefusedNotSilent() throws TlsException {
        TlsCrypto crypto = new JcaTlsCrypto();
        var gcm = crypto.createAead(AeadAlgorithm.AES_128_GCM, new byte[16]);
        byte[] nonce = new byte[12];
        byte[] out = new byte[32];
        gcm.seal(nonce, new byte[0], java.nio.ByteBuffer.wrap(new byte[16]), java.nio.ByteBuffer.wrap(out));
        TlsException e = assertThrows(TlsException.class, () -> gcm.seal(nonce, new byte[0],
                java.nio.ByteBuffer.wrap(new byte[16]), java.nio.ByteBuffer.wrap(new byte[32])));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
    }

    @Test
    void theOsgiComponentIsTheJcaProviderOnTheSystemSource() {
        JcaTlsCryptoComponent component = new JcaTlsCryptoComponent();
        assertEquals("jca", component.name());
        assertTrue(component.random() == RandomSource.system());
        assertTrue(component.verifySchemes().contains(SignatureScheme.RSA_PKCS1_MD5_SHA1));
    }
}
