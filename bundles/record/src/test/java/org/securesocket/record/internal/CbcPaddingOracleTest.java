package org.securesocket.record.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.CbcCipher;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.Hmac;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.record.ContentType;
import org.securesocket.record.PlaintextLimit;

/**
 * Padding-oracle inputs against TLS 1.2 AES-CBC HMAC-SHA256 MAC-then-encrypt: records whose
 * decrypted padding is wrong in every way, or whose MAC is wrong, all fail with the same code and
 * message after the same number of hash compressions (the work Lucky Thirteen measures).
 */
class CbcPaddingOracleTest {
    private static final TlsCrypto CRYPTO = new JcaTlsCrypto();
    private static final byte[] KEY = new byte[16];
    private static final byte[] MAC_KEY = new byte[32];
    private static final int RECORD = 16 + 160; // explicit IV and ten blocks
    private static final int SHA256_BLOCK = 64;

    /** Counts the inner-hash compression calls of every MAC computed (whole messages, SHA-256). */
    private static final class CountingHmac implements Hmac {
        private final Hmac delegate;
        private long pending;
        long compressions;

        CountingHmac(Hmac delegate) {
            this.delegate = delegate;
        }

        @Override
        public HashAlgorithm algorithm() {
            return delegate.algorithm();
        }

        @Override
        public int length() {
            return delegate.length();
        }

        @Override
        public void update(byte[] data, int offset, int length) {
            pending += length;
            delegate.update(data, offset, length);
        }

        @Override
        public void update(ByteBuffer data) {
            pending += data.remaining();
            delegate.update(data);
        }

        @Override
        public void doFinal(byte[] out, int offset) {
            // key block, then the message, the 0x80 byte and the 8-byte length, in 64-byte blocks
            compressions += 1 + (pending + 1 + 8 + SHA256_BLOCK - 1) / SHA256_BLOCK;
            pending = 0;
            delegate.doFinal(out, offset);
        }
    }

    /** A record body (explicit IV and ciphertext) whose CBC plaintext is exactly {@code plaintext}. */
    private static ByteBuffer record(byte[] plaintext) throws TlsException {
        CbcCipher cipher = CRYPTO.createCbc(KEY);
        byte[] iv = new byte[16];
        Arrays.fill(iv, (byte) 7);
        ByteBuffer body = ByteBuffer.allocate(16 + plaintext.length).put(iv);
        cipher.encrypt(iv, ByteBuffer.wrap(plaintext), body);
        return body.flip();
    }

    /** content, its correct MAC at sequence 0, then {@code padding} (whose last byte is its length). */
    private static byte[] plaintext(int contentLength, boolean goodMac, byte[] padding) throws TlsException {
        byte[] p = new byte[contentLength + 32 + padding.length];
        Hmac mac = CRYPTO.createHmac(HashAlgorithm.SHA256, MAC_KEY);
        mac.update(new byte[8]);
        mac.update(new byte[] {23, 3, 3, (byte) (contentLength >>> 8), (byte) contentLength});
        mac.update(p, 0, contentLength);
        mac.doFinal(p, contentLength);
        if (!goodMac) {
            p[contentLength + 5] ^= 1;
        }
        System.arraycopy(padding, 0, p, contentLength + 32, padding.length);
        return p;
    }

    private static byte[] padding(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static String[] open(ByteBuffer body, CountingHmac hmac) throws TlsException {
        CbcProtection p = new CbcProtection(CRYPTO.createCbc(KEY), hmac, null, false, RandomSource.deterministic(1));
        try {
            p.open(ContentType.APPLICATION_DATA, 0x0303, body, PlaintextLimit.MAX_CONTENT);
            return new String[] {"ok", Long.toString(hmac.compressions)};
        } catch (TlsException e) {
            return new String[] {e.code() + ": " + e.getMessage(), Long.toString(hmac.compressions)};
        }
    }

    @Test
    void everyBadPaddingAndBadMacLooksTheSame() throws TlsException {
        int len = RECORD - 16; // 160 bytes of CBC plaintext
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("good record, 1-byte padding", plaintext(len - 32 - 1, true, padding(1, 0)));
        cases.put("good record, 16-byte padding", plaintext(len - 32 - 16, true, padding(16, 15)));
        cases.put("bad MAC, good padding", plaintext(len - 32 - 1, false, padding(1, 0)));
        cases.put("bad MAC, long good padding", plaintext(len - 32 - 100, false, padding(100, 99)));
        byte[] wrongByte = padding(8, 7);
        wrongByte[2] = 6;
        cases.put("one padding byte wrong", plaintext(len - 32 - 8, true, wrongByte));
        cases.put("padding longer than the record", plaintext(len - 32 - 1, true, new byte[] {(byte) 255}));
        cases.put("padding into the MAC", plaintext(len - 32 - 1, true, new byte[] {(byte) 140}));
        byte[] allButLast = padding(16, 0);
        allButLast[15] = 15;
        cases.put("zeros then a length byte", plaintext(len - 32 - 16, true, allButLast));
        cases.put("good record, 128-byte padding, no content", plaintext(0, true, padding(len - 32, len - 33)));
        cases.put("bad MAC, 128-byte padding", plaintext(0, false, padding(len - 32, len - 33)));

        String failure = null;
        String work = null;
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            assertEquals(len, c.getValue().length, c.getKey());
            String[] outcome = open(record(c.getValue()), new CountingHmac(CRYPTO.createHmac(HashAlgorithm.SHA256, MAC_KEY)));
            if (c.getKey().startsWith("good record")) {
                assertEquals("ok", outcome[0], c.getKey());
            } else {
                failure = failure == null ? outcome[0] : failure;
                assertEquals(failure, outcome[0], c.getKey());
            }
            work = work == null ? outcome[1] : work;
            assertEquals(work, outcome[1], c.getKey() + ": hash compressions");
        }
        assertEquals(true, failure.startsWith(ErrorCode.RECORD_BAD_RECORD_MAC.code()), failure);
    }

    @Test
    void lengthsThatCannotBeValidFailBeforeAnyWork() {
        for (int length : new int[] {0, 15, 16, 17, 16 + 16, 16 + 33, 16 + 47}) {
            CountingHmac hmac;
            try {
                hmac = new CountingHmac(CRYPTO.createHmac(HashAlgorithm.SHA256, MAC_KEY));
            } catch (TlsException e) {
                throw new AssertionError(e);
            }
            CbcProtection p;
            try {
                p = new CbcProtection(CRYPTO.createCbc(KEY), hmac, null, false, RandomSource.deterministic(1));
            } catch (TlsException e) {
                throw new AssertionError(e);
            }
            TlsException e = assertThrows(TlsException.class, () -> p.open(ContentType.APPLICATION_DATA, 0x0303,
                    ByteBuffer.allocate(length), PlaintextLimit.MAX_CONTENT), "length " + length);
            assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code());
            assertEquals(0, hmac.compressions);
        }
    }
}
