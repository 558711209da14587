package org.securesocket.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * TLS CBC MAC-then-encrypt: the record format (RFC 5246 section 6.2.3.2), every invalid padding
 * length and byte, and the Lucky Thirteen property (the same compression work whatever the padding).
 */
class MacThenEncryptTest {
    private static final byte[] MAC_KEY = Hex.decode("000102030405060708090a0b0c0d0e0f10111213");
    private static final long SEQ = 0x0102030405060708L;
    private static final int TYPE = 23;
    private static final int VERSION = 0x0303;
    private static final HashAlgorithm[] MACS = {HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA384};

    /** The record as RFC 5246 defines it, built here independently of MacThenEncrypt. */
    private static byte[] record(TlsCrypto crypto, HashAlgorithm mac, byte[] content, int paddingLength)
            throws TlsException {
        Hmac hmac = crypto.createHmac(mac, MAC_KEY);
        ByteBuffer header = ByteBuffer.allocate(13).putLong(SEQ).put((byte) TYPE).putShort((short) VERSION)
                .putShort((short) content.length);
        hmac.update(header.array());
        hmac.update(content);
        byte[] tag = hmac.doFinal();
        byte[] out = Arrays.copyOf(content, content.length + tag.length + paddingLength + 1);
        System.arraycopy(tag, 0, out, content.length, tag.length);
        Arrays.fill(out, content.length + tag.length, out.length, (byte) paddingLength);
        return out;
    }

    private static byte[] content(int length) {
        byte[] c = new byte[length];
        for (int i = 0; i < length; i++) {
            c[i] = (byte) (i * 7 + 1);
        }
        return c;
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void sealWritesTheRfcRecordAndOpenReturnsTheContent(ProviderUnderTest provider) throws TlsException {
        for (HashAlgorithm mac : MACS) {
            MacThenEncrypt sealer = new MacThenEncrypt(provider.crypto().createHmac(mac, MAC_KEY), 16);
            MacThenEncrypt opener = new MacThenEncrypt(provider.crypto().createHmac(mac, MAC_KEY), 16);
            for (int length = 0; length <= 70; length++) {
                byte[] buf = Arrays.copyOf(content(length), length + sealer.maxOverhead());
                int total = sealer.seal(SEQ, TYPE, VERSION, buf, 0, length);
                assertEquals(0, total % 16);
                int padding = total - length - mac.outputLength() - 1;
                assertTrue(padding >= 0 && padding < 16, "minimal padding");
                assertArrayEquals(record(provider.crypto(), mac, content(length), padding), Arrays.copyOf(buf, total));
                assertEquals(length, opener.open(SEQ, TYPE, VERSION, buf, 0, total));
            }
        }
    }

    /** Every padding length 0..255 with correct bytes opens; the longest is 256 bytes of padding. */
    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void everyValidPaddingLengthOpens(ProviderUnderTest provider) throws TlsException {
        for (HashAlgorithm mac : MACS) {
            MacThenEncrypt mte = new MacThenEncrypt(provider.crypto().createHmac(mac, MAC_KEY), 16);
            for (int padding = 0; padding < 256; padding++) {
                int length = Math.floorMod(-(mac.outputLength() + padding + 1), 16) + 5 * 16;
                byte[] rec = record(provider.crypto(), mac, content(length), padding);
                byte[] framed = new byte[rec.length + 3];
                System.arraycopy(rec, 0, framed, 3, rec.length);
                assertEquals(length, mte.open(SEQ, TYPE, VERSION, framed, 3, rec.length), mac + " padding " + padding);
            }
        }
    }

    /**
     * For a record of fixed length, every wrong padding-length byte (with padding bytes that agree
     * with it, and with the MAC wherever that puts it) and every wrong byte inside a valid padding is
     * refused with bad_record_mac, and so are a wrong sequence number, type or version.
     */
    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void everyInvalidPaddingLengthAndByteIsBadRecordMac(ProviderUnderTest provider) throws TlsException {
        HashAlgorithm mac = HashAlgorithm.SHA256;
        MacThenEncrypt mte = new MacThenEncrypt(provider.crypto().createHmac(mac, MAC_KEY), 16);
        int padding = 47;
        byte[] good = record(provider.crypto(), mac, content(16), padding); // 16 + 32 + 48 = 96 bytes
        assertEquals(96, good.length);
        for (int wrong = 0; wrong < 256; wrong++) {
            if (wrong == padding) {
                continue;
            }
            byte[] bad = good.clone();
            for (int i = Math.max(0, bad.length - 1 - wrong); i < bad.length; i++) {
                bad[i] = (byte) wrong;
            }
            assertBadRecordMac(mte, bad, "padding length " + wrong);
        }
        for (int pos = good.length - padding - 1; pos < good.length - 1; pos++) {
            for (int delta : new int[] {1, 0x80, 0xff}) {
                byte[] bad = good.clone();
                bad[pos] ^= (byte) delta;
                assertBadRecordMac(mte, bad, "padding byte at " + pos);
            }
        }
        byte[] flippedMac = good.clone();
        flippedMac[16] ^= 1;
        assertBadRecordMac(mte, flippedMac, "MAC");
        assertThrows(TlsException.class, () -> mte.open(SEQ + 1, TYPE, VERSION, good.clone(), 0, good.length));
        assertThrows(TlsException.class, () -> mte.open(SEQ, TYPE + 1, VERSION, good.clone(), 0, good.length));
        assertThrows(TlsException.class, () -> mte.open(SEQ, TYPE, 0x0302, good.clone(), 0, good.length));
        assertEquals(16, mte.open(SEQ, TYPE, VERSION, good.clone(), 0, good.length));
        assertBadRecordMac(mte, new byte[32], "shorter than MAC + 1");
        assertBadRecordMac(mte, Arrays.copyOf(good, 95), "not whole blocks");
    }

    private static void assertBadRecordMac(MacThenEncrypt mte, byte[] rec, String what) {
        TlsException e = assertThrows(TlsException.class, () -> mte.open(SEQ, TYPE, VERSION, rec, 0, rec.length), what);
        assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code(), what);
    }

    /**
     * Lucky Thirteen: for one record length, the hash compression calls made by open are the same
     * for every padding, valid or not (counted on an instrumented Hmac).
     */
    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void macWorkDoesNotDependOnThePadding(ProviderUnderTest provider) throws TlsException {
        for (HashAlgorithm mac : MACS) {
            CountingHmac counting = new CountingHmac(provider.crypto().createHmac(mac, MAC_KEY));
            MacThenEncrypt mte = new MacThenEncrypt(counting, 16);
            int recordLength = 320;
            Set<Long> work = new HashSet<>();
            for (int padding = 0; padding < 256; padding++) {
                int length = recordLength - mac.outputLength() - padding - 1;
                if (length < 0) {
                    break;
                }
                byte[] rec = record(provider.crypto(), mac, content(length), padding);
                counting.compressions = 0;
                assertEquals(length, mte.open(SEQ, TYPE, VERSION, rec, 0, rec.length));
                work.add(counting.compressions);
                rec[rec.length - 2] ^= 1; // now an invalid padding (or MAC, for padding 0)
                counting.compressions = 0;
                assertThrows(TlsException.class, () -> mte.open(SEQ, TYPE, VERSION, rec, 0, rec.length));
                work.add(counting.compressions);
            }
            assertEquals(1, work.size(), mac + ": compression counts " + work);
        }
    }

    /** Counts the compression function calls an HMAC computation makes (RFC 2104 over MD-style hashes). */
    private static final class CountingHmac implements Hmac {
        private final Hmac delegate;
        private final int block;
        private final int lengthField;
        private long pending;
        long compressions;

        CountingHmac(Hmac delegate) {
            this.delegate = delegate;
            this.block = delegate.algorithm().blockLength();
            this.lengthField = block == 128 ? 16 : 8;
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
            long inner = (block + pending + 1 + lengthField + block - 1) / block;
            long outer = (block + length() + 1 + lengthField + block - 1) / block;
            compressions += inner + outer;
            pending = 0;
            delegate.doFinal(out, offset);
        }
    }
}
