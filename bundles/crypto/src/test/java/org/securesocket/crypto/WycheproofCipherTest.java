package org.securesocket.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.crypto.Wycheproof.Case;
import org.securesocket.crypto.Wycheproof.Outcome;

/**
 * Record ciphers against Wycheproof: AES-GCM and ChaCha20-Poly1305 (sealed and opened, out of place
 * and in place) and raw AES-CBC (the PKCS#7 padding of the file is added and checked here).
 */
class WycheproofCipherTest {

    /** TLS AEADs have 96-bit nonces, 128-bit tags (RFC 8446 section 5.3, RFC 5288, RFC 7905). */
    private static String aeadSkip(Case c) {
        if (c.groupInt("ivSize") != 96) {
            return "nonce not 96 bits (TLS nonces are 12 bytes)";
        }
        if (c.groupInt("keySize") == 192) {
            return "AES-192 (no TLS cipher suite)";
        }
        return null;
    }

    private static AeadAlgorithm aead(String file, int keyBits) {
        if (file.startsWith("chacha")) {
            return AeadAlgorithm.CHACHA20_POLY1305;
        }
        return keyBits == 128 ? AeadAlgorithm.AES_128_GCM : AeadAlgorithm.AES_256_GCM;
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void aeads(ProviderUnderTest provider) {
        for (String file : new String[] {"aes_gcm_test.json", "chacha20_poly1305_test.json"}) {
            Wycheproof.run(file, provider.toString(), WycheproofCipherTest::aeadSkip, Wycheproof.NONE_EXPECTED, c -> {
                AeadAlgorithm alg = aead(file, c.groupInt("keySize"));
                byte[] msg = c.hex("msg");
                byte[] sealed = concat(c.hex("ct"), c.hex("tag"));
                if (c.result().equals("valid")) {
                    // Seal: a fresh cipher per vector (the JDK refuses a repeated key and nonce).
                    byte[] out = new byte[msg.length + alg.tagLength()];
                    int n = provider.crypto().createAead(alg, c.hex("key"))
                            .seal(c.hex("iv"), c.hex("aad"), ByteBuffer.wrap(msg), ByteBuffer.wrap(out));
                    assertEquals(out.length, n);
                    if (!Arrays.equals(out, sealed)) {
                        return Outcome.WRONG_OUTPUT;
                    }
                }
                AeadCipher cipher = provider.crypto().createAead(alg, c.hex("key"));
                byte[] plain = new byte[msg.length];
                int n = cipher.open(c.hex("iv"), c.hex("aad"), ByteBuffer.wrap(sealed), ByteBuffer.wrap(plain));
                if (n != msg.length || !Arrays.equals(plain, msg)) {
                    return Outcome.WRONG_OUTPUT;
                }
                // In place: plaintext lands over the ciphertext in the same buffer. A fresh cipher
                // again: the JDK's ChaCha20 refuses a key and nonce pair twice in a row, even to open.
                byte[] buf = sealed.clone();
                ByteBuffer region = ByteBuffer.wrap(buf);
                int m = provider.crypto().createAead(alg, c.hex("key")).open(c.hex("iv"), c.hex("aad"), region.duplicate(), region.duplicate());
                return m == msg.length && Arrays.equals(Arrays.copyOf(buf, m), msg)
                        ? Outcome.ACCEPTED : Outcome.WRONG_OUTPUT;
            });
        }
    }

    /** Raw CBC: 128- and 256-bit keys only (createCbc's contract); the file's PKCS#7 padding is ours here. */
    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void aesCbc(ProviderUnderTest provider) {
        Wycheproof.run("aes_cbc_pkcs5_test.json", provider.toString(),
                c -> c.groupInt("keySize") == 192 ? "AES-192 (no TLS cipher suite)" : null,
                Wycheproof.NONE_EXPECTED, c -> {
                    CbcCipher cbc = provider.crypto().createCbc(c.hex("key"));
                    byte[] ct = c.hex("ct");
                    if (c.result().equals("valid")) {
                        byte[] msg = c.hex("msg");
                        int pad = 16 - msg.length % 16;
                        byte[] padded = Arrays.copyOf(msg, msg.length + pad);
                        Arrays.fill(padded, msg.length, padded.length, (byte) pad);
                        byte[] out = new byte[padded.length];
                        cbc.encrypt(c.hex("iv"), ByteBuffer.wrap(padded), ByteBuffer.wrap(out));
                        if (!Arrays.equals(out, ct)) {
                            return Outcome.WRONG_OUTPUT;
                        }
                    }
                    // In place decryption, then the PKCS#7 check.
                    byte[] buf = ct.clone();
                    ByteBuffer region = ByteBuffer.wrap(buf);
                    cbc.decrypt(c.hex("iv"), region.duplicate(), region.duplicate());
                    int pad = buf.length == 0 ? 0 : buf[buf.length - 1] & 0xff;
                    if (pad < 1 || pad > 16 || pad > buf.length) {
                        return Outcome.REJECTED;
                    }
                    for (int i = buf.length - pad; i < buf.length; i++) {
                        if ((buf[i] & 0xff) != pad) {
                            return Outcome.REJECTED;
                        }
                    }
                    return c.compare(Arrays.copyOf(buf, buf.length - pad), "msg");
                });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
