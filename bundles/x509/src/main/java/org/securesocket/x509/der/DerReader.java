package org.securesocket.x509.der;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * A strict, bounded DER reader over one byte array (X.690 section 10). Only definite lengths in
 * their shortest form, low tag numbers, nesting at most {@value #MAX_DEPTH} deep; every value is
 * checked against the bytes that remain, so no input can make it allocate more than it was given.
 * Failures are {@link TlsException}s carrying the error code given at construction.
 */
public final class DerReader {
    /** Deepest nesting accepted: certificates need about 10. */
    public static final int MAX_DEPTH = 32;

    private final byte[] data;
    private final int end;
    private final int depth;
    private final ErrorCode code;
    private int pos;

    /** A reader over all of {@code data}, failing with {@code code}. */
    public DerReader(byte[] data, ErrorCode code) {
        this(Objects.requireNonNull(data, "data"), 0, data.length, 0, Objects.requireNonNull(code, "code"));
    }

    private DerReader(byte[] data, int start, int end, int depth, ErrorCode code) {
        this.data = data;
        this.pos = start;
        this.end = end;
        this.depth = depth;
        this.code = code;
    }

    /** Whether any element remains. */
    public boolean hasRemaining() {
        return pos < end;
    }

    /** The tag of the next element, or -1 at the end. */
    public int peekTag() {
        return pos < end ? data[pos] & 0xff : -1;
    }

    /** Whether the next element has this tag. */
    public boolean nextIs(int tag) {
        return peekTag() == tag;
    }

    /** Fails unless every byte was consumed. */
    public void expectEnd(String what) throws TlsException {
        if (pos != end) {
            throw fail(what + ": " + (end - pos) + " unexpected trailing bytes");
        }
    }

    /** The code this reader's failures carry. */
    public ErrorCode errorCode() {
        return code;
    }

    /** A failure with this reader's code. */
    public TlsException fail(String message) {
        return new TlsException(code, message);
    }

    /** The contents of a constructed element with this tag, as a reader one level deeper. */
    public DerReader readConstructed(int tag, String what) throws TlsException {
        if (depth + 1 > MAX_DEPTH) {
            throw fail(what + ": nesting deeper than " + MAX_DEPTH + " levels");
        }
        int[] tlv = next(tag, what);
        return new DerReader(data, tlv[1], tlv[2], depth + 1, code);
    }

    /** The contents of a SEQUENCE. */
    public DerReader readSequence(String what) throws TlsException {
        return readConstructed(DerTag.SEQUENCE, what);
    }

    /** The contents of a primitive element with this tag. */
    public byte[] readContents(int tag, String what) throws TlsException {
        int[] tlv = next(tag, what);
        return Arrays.copyOfRange(data, tlv[1], tlv[2]);
    }

    /** The whole encoding (tag, length and contents) of the next element, whatever its tag. */
    public byte[] readElement(String what) throws TlsException {
        int[] tlv = next(-1, what);
        return Arrays.copyOfRange(data, tlv[0], tlv[2]);
    }

    /** The whole encoding of the next element, which must have this tag. */
    public byte[] readElement(int tag, String what) throws TlsException {
        int[] tlv = next(tag, what);
        return Arrays.copyOfRange(data, tlv[0], tlv[2]);
    }

    /** An INTEGER's contents in minimal two's complement (X.690 section 8.3.2). */
    public byte[] readIntegerBytes(String what) throws TlsException {
        byte[] v = readContents(DerTag.INTEGER, what);
        if (v.length == 0) {
            throw fail(what + ": empty INTEGER");
        }
        if (v.length > 1 && ((v[0] == 0 && v[1] >= 0) || (v[0] == -1 && v[1] < 0))) {
            throw fail(what + ": INTEGER not in its minimal encoding");
        }
        return v;
    }

    public BigInteger readInteger(String what) throws TlsException {
        return new BigInteger(readIntegerBytes(what));
    }

    /** A small non-negative INTEGER (a version, a pathLenConstraint). */
    public int readSmallInt(int max, String what) throws TlsException {
        BigInteger v = readInteger(what);
        if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw fail(what + ": " + v + " outside 0.." + max);
        }
        return v.intValue();
    }

    /** A BOOLEAN, which DER encodes as 00 or FF. */
    public boolean readBoolean(String what) throws TlsException {
        byte[] v = readContents(DerTag.BOOLEAN, what);
        if (v.length != 1 || (v[0] != 0 && v[0] != (byte) 0xff)) {
            throw fail(what + ": BOOLEAN not encoded as 00 or FF");
        }
        return v[0] != 0;
    }

    public void readNull(String what) throws TlsException {
        if (readContents(DerTag.NULL, what).length != 0) {
            throw fail(what + ": NULL with contents");
        }
    }

    /** An OBJECT IDENTIFIER in dotted form; sub-identifiers minimal and below 2^63. */
    public String readOid(String what) throws TlsException {
        byte[] v = readContents(DerTag.OBJECT_IDENTIFIER, what);
        if (v.length == 0 || (v[v.length - 1] & 0x80) != 0) {
            throw fail(what + ": truncated OBJECT IDENTIFIER");
        }
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        boolean start = true;
        for (byte b : v) {
            if (start && b == (byte) 0x80) {
                throw fail(what + ": OBJECT IDENTIFIER sub-identifier not minimal");
            }
            if (value > (Long.MAX_VALUE >> 7)) {
                throw fail(what + ": OBJECT IDENTIFIER sub-identifier too large");
            }
            value = (value << 7) | (b & 0x7f);
            start = (b & 0x80) == 0;
            if (start) {
                if (first) {
                    // X.690 section 8.19.4: the first sub-identifier packs two arcs.
                    long arc1 = value < 40 ? 0 : value < 80 ? 1 : 2;
                    sb.append(arc1).append('.').append(value - arc1 * 40);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }

    /** A BIT STRING: its octets and the unused bit count, unused bits zero as DER requires. */
    public BitString readBitString(String what) throws TlsException {
        byte[] v = readContents(DerTag.BIT_STRING, what);
        if (v.length == 0 || v[0] < 0 || v[0] > 7 || (v.length == 1 && v[0] != 0)) {
            throw fail(what + ": bad BIT STRING unused-bit count");
        }
        int unused = v[0];
        byte[] bits = Arrays.copyOfRange(v, 1, v.length);
        if (unused > 0 && (bits[bits.length - 1] & ((1 << unused) - 1)) != 0) {
            throw fail(what + ": BIT STRING has non-zero unused bits");
        }
        return new BitString(bits, unused);
    }

    /** A BIT STRING that must hold whole octets (keys, signatures). */
    public byte[] readOctetAlignedBitString(String what) throws TlsException {
        BitString b = readBitString(what);
        if (b.unusedBits() != 0) {
            throw fail(what + ": BIT STRING is not octet-aligned");
        }
        return b.bytes();
    }

    public byte[] readOctetString(String what) throws TlsException {
        return readContents(DerTag.OCTET_STRING, what);
    }

    /** A UTCTime or GeneralizedTime (RFC 5280 section 4.1.2.5: seconds, 'Z', no fractions). */
    public Instant readTime(String what) throws TlsException {
        int tag = peekTag();
        if (tag != DerTag.UTC_TIME && tag != DerTag.GENERALIZED_TIME) {
            throw fail(what + ": expected UTCTime or GeneralizedTime, found tag " + tagName(tag));
        }
        String s = new String(readContents(tag, what), StandardCharsets.ISO_8859_1);
        int yearDigits = tag == DerTag.UTC_TIME ? 2 : 4;
        if (s.length() != yearDigits + 11 || s.charAt(s.length() - 1) != 'Z') {
            throw fail(what + ": time '" + printable(s) + "' is not YYMMDDHHMMSSZ / YYYYMMDDHHMMSSZ");
        }
        for (int i = 0; i < s.length() - 1; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw fail(what + ": time '" + printable(s) + "' has a non-digit");
            }
        }
        int year = Integer.parseInt(s.substring(0, yearDigits));
        if (yearDigits == 2) {
            year += year >= 50 ? 1900 : 2000; // RFC 5280 section 4.1.2.5.1
        }
        int i = yearDigits;
        try {
            return LocalDateTime.of(year, Integer.parseInt(s.substring(i, i + 2)),
                    Integer.parseInt(s.substring(i + 2, i + 4)), Integer.parseInt(s.substring(i + 4, i + 6)),
                    Integer.parseInt(s.substring(i + 6, i + 8)), Integer.parseInt(s.substring(i + 8, i + 10)))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw fail(what + ": time '" + s + "' is not a valid date");
        }
    }

    /**
     * One of the directory string types as text: UTF8String, PrintableString (checked), IA5String
     * and VisibleString (ASCII), TeletexString (read as Latin-1), BMPString, UniversalString.
     */
    public String readString(String what) throws TlsException {
        int tag = peekTag();
        byte[] v;
        switch (tag) {
            case DerTag.UTF8_STRING:
                v = readContents(tag, what);
                return DerStrings.utf8(v, this, what);
            case DerTag.PRINTABLE_STRING:
                return DerStrings.printable(readContents(tag, what), this, what);
            case DerTag.IA5_STRING:
            case DerTag.VISIBLE_STRING:
                return DerStrings.ascii(readContents(tag, what), this, what);
            case DerTag.TELETEX_STRING:
                return new String(readContents(tag, what), StandardCharsets.ISO_8859_1);
            case DerTag.BMP_STRING:
                return DerStrings.bmp(readContents(tag, what), this, what);
            case DerTag.UNIVERSAL_STRING:
                return DerStrings.universal(readContents(tag, what), this, what);
            default:
                throw fail(what + ": expected a string, found tag " + tagName(tag));
        }
    }

    /** An IA5String (dNSName, rfc822Name, URI) as ASCII text. */
    public String readIa5(int tag, String what) throws TlsException {
        return DerStrings.ascii(readContents(tag, what), this, what);
    }

    /** Reads one TLV: {start, contentStart, end}; {@code tag} -1 accepts any tag. */
    private int[] next(int tag, String what) throws TlsException {
        if (pos >= end) {
            throw fail(what + ": missing (data ends early)");
        }
        int start = pos;
        int actual = data[pos] & 0xff;
        if ((actual & 0x1f) == 0x1f) {
            throw fail(what + ": high tag numbers are not used in X.509");
        }
        if (tag >= 0 && actual != tag) {
            throw fail(what + ": expected tag " + tagName(tag) + ", found " + tagName(actual));
        }
        int p = pos + 1;
        if (p >= end) {
            throw fail(what + ": truncated length");
        }
        int first = data[p++] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            throw fail(what + ": indefinite length is BER, not DER");
        } else {
            int n = first & 0x7f;
            if (n > 4) {
                throw fail(what + ": length of " + n + " octets is too large");
            }
            if (end - p < n) {
                throw fail(what + ": truncated length");
            }
            if (data[p] == 0) {
                throw fail(what + ": length has a leading zero octet (not DER)");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (data[p++] & 0xff);
            }
            if (length < 0x80) {
                throw fail(what + ": length " + length + " should use the short form (not DER)");
            }
        }
        if (length > end - p) {
            throw fail(what + ": length " + length + " exceeds the " + (end - p) + " bytes that remain");
        }
        pos = p + (int) length;
        return new int[] {start, p, pos};
    }

    static String tagName(int tag) {
        return tag < 0 ? "end of data" : String.format("0x%02x", tag);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The contents of a BIT STRING. */
    public record BitString(byte[] bytes, int unusedBits) {
        /** Whether named bit {@code n} (0 = most significant bit of the first octet) is set. */
        public boolean bit(int n) {
            int index = n / 8;
            return index < bytes.length && (bytes[index] & (0x80 >>> (n % 8))) != 0;
        }
    }
}
