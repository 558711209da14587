package org.securesocket.x509.der;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

class DerReaderTest {
    private static DerReader reader(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new DerReader(b, ErrorCode.CERTIFICATE_MALFORMED);
    }

    private static void rejects(String why, ThrowingRead read) {
        TlsException e = assertThrows(TlsException.class, read::run, why);
        assertEquals(ErrorCode.CERTIFICATE_MALFORMED, e.code());
    }

    interface ThrowingRead {
        void run() throws TlsException;
    }

    @Test
    void lengthsMustBeDefiniteMinimalAndWithinTheInput() throws TlsException {
        assertArrayEquals(new byte[] {1, 2}, reader(0x04, 0x02, 1, 2).readOctetString("s"));
        rejects("indefinite", () -> reader(0x30, 0x80, 0, 0).readSequence("s"));
        rejects("long form for a short length", () -> reader(0x04, 0x81, 0x01, 0).readOctetString("s"));
        rejects("leading zero length octet", () -> reader(0x04, 0x82, 0x00, 0x81).readOctetString("s"));
        rejects("five length octets", () -> reader(0x04, 0x85, 1, 0, 0, 0, 0).readOctetString("s"));
        rejects("length beyond input", () -> reader(0x04, 0x03, 1, 2).readOctetString("s"));
        rejects("huge length", () -> reader(0x04, 0x84, 0x7f, 0xff, 0xff, 0xff).readOctetString("s"));
        rejects("truncated length", () -> reader(0x04, 0x82, 0x01).readOctetString("s"));
        rejects("high tag number", () -> reader(0x1f, 0x81, 0x00, 0x00).readElement("s"));
        rejects("wrong tag", () -> reader(0x02, 0x01, 0x00).readOctetString("s"));
        rejects("empty input", () -> reader().readElement("s"));
    }

    @Test
    void nestingIsBounded() throws TlsException {
        int depth = DerReader.MAX_DEPTH + 1;
        byte[] nested = new byte[2 * depth];
        for (int i = 0; i < depth; i++) {
            nested[2 * i] = 0x30;
            nested[2 * i + 1] = (byte) (2 * (depth - i - 1));
        }
        DerReader r = new DerReader(nested, ErrorCode.CERTIFICATE_MALFORMED);
        for (int i = 0; i < DerReader.MAX_DEPTH; i++) {
            r = r.readSequence("level " + i);
        }
        DerReader deepest = r;
        rejects("too deep", () -> deepest.readSequence("one more"));
    }

    @Test
    void integersAndBooleansMustBeMinimal() throws TlsException {
        assertEquals(BigInteger.valueOf(128), reader(0x02, 0x02, 0x00, 0x80).readInteger("i"));
        assertEquals(BigInteger.valueOf(-1), reader(0x02, 0x01, 0xff).readInteger("i"));
        rejects("redundant 00", () -> reader(0x02, 0x02, 0x00, 0x7f).readInteger("i"));
        rejects("redundant ff", () -> reader(0x02, 0x02, 0xff, 0x80).readInteger("i"));
        rejects("empty", () -> reader(0x02, 0x00).readInteger("i"));
        rejects("out of range", () -> reader(0x02, 0x02, 0x01, 0x00).readSmallInt(255, "i"));
        assertTrue(reader(0x01, 0x01, 0xff).readBoolean("b"));
        assertFalse(reader(0x01, 0x01, 0x00).readBoolean("b"));
        rejects("BER true", () -> reader(0x01, 0x01, 0x01).readBoolean("b"));
        rejects("NULL with contents", () -> reader(0x05, 0x01, 0x00).readNull("n"));
    }

    @Test
    void objectIdentifiersRoundTripAndRejectNonMinimalArcs() throws TlsException {
        for (String oid : new String[] {"1.2.840.113549.1.1.11", "2.5.29.17", "0.9.2342.19200300.100.1.25", "2.999.3"}) {
            byte[] der = new DerWriter().writeOid(oid).toByteArray();
            assertEquals(oid, new DerReader(der, ErrorCode.CERTIFICATE_MALFORMED).readOid("oid"));
        }
        rejects("0x80 leading sub-identifier octet", () -> reader(0x06, 0x03, 0x2a, 0x80, 0x01).readOid("oid"));
        rejects("truncated sub-identifier", () -> reader(0x06, 0x02, 0x2a, 0x86).readOid("oid"));
        rejects("empty", () -> reader(0x06, 0x00).readOid("oid"));
    }

    @Test
    void bitStringsNeedZeroUnusedBits() throws TlsException {
        DerReader.BitString ku = reader(0x03, 0x02, 0x05, 0xa0).readBitString("ku");
        assertTrue(ku.bit(0));
        assertFalse(ku.bit(1));
        assertTrue(ku.bit(2));
        assertFalse(ku.bit(12));
        rejects("non-zero unused bits", () -> reader(0x03, 0x02, 0x01, 0x01).readBitString("b"));
        rejects("eight unused bits", () -> reader(0x03, 0x02, 0x08, 0x00).readBitString("b"));
        rejects("unused bits without octets", () -> reader(0x03, 0x01, 0x03).readBitString("b"));
        rejects("not octet aligned", () -> reader(0x03, 0x02, 0x01, 0x02).readOctetAlignedBitString("b"));
    }

    @Test
    void timesAreStrict() throws TlsException {
        assertEquals(Instant.parse("2049-12-31T23:59:59Z"), time(0x17, "491231235959Z"));
        assertEquals(Instant.parse("1950-01-01T00:00:00Z"), time(0x17, "500101000000Z"));
        assertEquals(Instant.parse("2969-05-03T00:00:01Z"), time(0x18, "29690503000001Z"));
        rejects("no Z", () -> time(0x17, "4912312359590"));
        rejects("offset", () -> time(0x18, "20240101000000+0100"));
        rejects("fraction", () -> time(0x18, "20240101000000.5Z"));
        rejects("no seconds", () -> time(0x17, "4912312359Z"));
        rejects("month 13", () -> time(0x17, "491331235959Z"));
        rejects("sign", () -> time(0x17, "-91231235959Z"));
    }

    private static Instant time(int tag, String text) throws TlsException {
        byte[] der = new DerWriter().write(tag, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toByteArray();
        return new DerReader(der, ErrorCode.CERTIFICATE_MALFORMED).readTime("t");
    }

    @Test
    void stringTypesDecodeAndCheckTheirAlphabets() throws TlsException {
        assertEquals("h\u00e9", str(0x0c, 'h', 0xc3, 0xa9));
        assertEquals("Ab 1", str(0x13, 'A', 'b', ' ', '1'));
        assertEquals("a@b", str(0x16, 'a', '@', 'b'));
        assertEquals("\u00e9", str(0x14, 0xe9));
        assertEquals("\u00e9A", str(0x1e, 0x00, 0xe9, 0x00, 'A'));
        assertEquals("\ud83d\ude00", str(0x1c, 0x00, 0x01, 0xf6, 0x00));
        rejects("bad UTF-8", () -> str(0x0c, 0xc3));
        rejects("PrintableString with _", () -> str(0x13, '_'));
        rejects("IA5String with 8-bit", () -> str(0x16, 0xe9));
        rejects("odd BMPString", () -> str(0x1e, 0x00));
        rejects("bad UniversalString", () -> str(0x1c, 0x7f, 0, 0, 0));
        rejects("not a string", () -> str(0x04, 'a'));
    }

    private static String str(int tag, int... contents) throws TlsException {
        int[] all = new int[contents.length + 2];
        all[0] = tag;
        all[1] = contents.length;
        System.arraycopy(contents, 0, all, 2, contents.length);
        return reader(all).readString("s");
    }

    @Test
    void writerProducesMinimalLengths() throws TlsException {
        for (int len : new int[] {0, 127, 128, 255, 256, 65536}) {
            byte[] der = new DerWriter().writeOctetString(new byte[len]).toByteArray();
            DerReader r = new DerReader(der, ErrorCode.CERTIFICATE_MALFORMED);
            assertEquals(len, r.readOctetString("s").length);
            r.expectEnd("s");
        }
        byte[] seq = new DerWriter().writeSequence(w -> w.writeInteger(BigInteger.valueOf(-129)).writeNull()
                .writeBitString(new byte[] {1})).toByteArray();
        DerReader s = new DerReader(seq, ErrorCode.CERTIFICATE_MALFORMED).readSequence("seq");
        assertEquals(BigInteger.valueOf(-129), s.readInteger("i"));
        s.readNull("n");
        assertArrayEquals(new byte[] {1}, s.readOctetAlignedBitString("b"));
        s.expectEnd("seq");
        rejects("trailing", () -> reader(0x05, 0x00, 0x05, 0x00).expectEnd("x"));
    }
}
