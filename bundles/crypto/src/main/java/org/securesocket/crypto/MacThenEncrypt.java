package org.securesocket.crypto;

import java.util.Arrays;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * The MAC and padding of TLS 1.0 to 1.2 CBC records (RFC 5246 section 6.2.3.2): MAC-then-encrypt.
 * {@link #seal} appends the MAC and padding before encryption; {@link #open} checks them after
 * decryption without a timing signal (Lucky Thirteen, AlFardan and Paterson 2013): the padding is
 * checked in constant time, the received MAC is read from a fixed window, and the MAC computation
 * is followed by dummy compression work so the total work depends only on the record length,
 * whatever the padding. One instance per connection direction (it keeps scratch buffers; no
 * allocation per record); not thread-safe.
 */
public final class MacThenEncrypt {
    /** Pseudo-header: seq_num(8) type(1) version(2) length(2). */
    private static final int HEADER_LENGTH = 13;
    private static final int MAX_PADDING = 256;
    /** Filler for the dummy compressions: at most (256 + 2 blocks) of data, never written. */
    private static final byte[] FILLER = new byte[MAX_PADDING + 2 * 128];

    private final Hmac hmac;
    private final int blockSize;
    private final int macLength;
    private final int hashBlock;
    private final int lengthField;
    private final byte[] header = new byte[HEADER_LENGTH];
    private final byte[] computed;
    private final byte[] received;
    private final byte[] dummy;

    /**
     * @param hmac      the record MAC, keyed with the MAC key of this direction
     * @param blockSize the cipher block size (16 for AES)
     */
    public MacThenEncrypt(Hmac hmac, int blockSize) {
        if (blockSize <= 0 || blockSize > MAX_PADDING) {
            throw new IllegalArgumentException("block size " + blockSize);
        }
        this.hmac = hmac;
        this.blockSize = blockSize;
        this.macLength = hmac.length();
        this.hashBlock = hmac.algorithm().blockLength();
        this.lengthField = hashBlock == 128 ? 16 : 8; // the message length field of MD/SHA padding
        this.computed = new byte[macLength];
        this.received = new byte[macLength];
        this.dummy = new byte[macLength];
    }

    /** The most bytes {@link #seal} adds after the content: the MAC and at most one block of padding. */
    public int maxOverhead() {
        return macLength + blockSize;
    }

    /**
     * Appends the MAC of {@code buf[offset, offset + contentLength)} and the minimal TLS padding.
     *
     * @param version the record's protocol version, e.g. {@code 0x0303}
     * @return the length to encrypt, {@code contentLength} plus MAC and padding: whole blocks
     * @throws IllegalArgumentException when {@code buf} has less than {@link #maxOverhead} spare room
     */
    public int seal(long sequenceNumber, int contentType, int version, byte[] buf, int offset, int contentLength) {
        if (buf.length - offset - contentLength < maxOverhead()) {
            throw new IllegalArgumentException("no room for the MAC and padding after " + contentLength + " bytes");
        }
        mac(sequenceNumber, contentType, version, buf, offset, contentLength, buf, offset + contentLength);
        int end = offset + contentLength + macLength;
        int paddingLength = blockSize - 1 - (contentLength + macLength) % blockSize;
        Arrays.fill(buf, end, end + paddingLength + 1, (byte) paddingLength);
        return contentLength + macLength + paddingLength + 1;
    }

    /**
     * Checks the padding and MAC of a decrypted record (explicit IV already removed) in
     * {@code buf[offset, offset + length)}.
     *
     * @return the content length; the content starts at {@code offset}
     * @throws TlsException {@code record.bad_record_mac} for a bad padding or a bad MAC alike
     *                      (RFC 5246 section 6.2.3.2: one alert, one timing)
     */
    public int open(long sequenceNumber, int contentType, int version, byte[] buf, int offset, int length)
            throws TlsException {
        if (length < macLength + 1 || length % blockSize != 0) {
            throw badRecordMac(); // depends only on the public length
        }
        int end = offset + length;
        int paddingLength = buf[end - 1] & 0xff;
        int good = lessOrEqualMask(paddingLength + 1 + macLength, length);
        // Every byte of the padding, the length byte included, equals the padding length.
        int toCheck = Math.min(MAX_PADDING, length - macLength);
        for (int i = 0; i < toCheck; i++) {
            int b = buf[end - 1 - i] & 0xff;
            good &= ~(lessOrEqualMask(i, paddingLength) & nonZeroMask(b ^ paddingLength));
        }
        paddingLength &= good; // a bad padding is treated as none, and fails at the MAC check below
        int contentLength = length - macLength - 1 - paddingLength;

        mac(sequenceNumber, contentType, version, buf, offset, contentLength, computed, 0);
        // Equalise the compression function calls with those of the longest possible content.
        int extra = compressions(length - macLength - 1) - compressions(contentLength);
        hmac.update(FILLER, 0, extra * hashBlock);
        hmac.doFinal(dummy, 0);

        // Read the received MAC at a secret position by scanning every position it could start at.
        Arrays.fill(received, (byte) 0);
        int scanStart = Math.max(0, length - macLength - MAX_PADDING);
        for (int i = scanStart; i < length; i++) {
            int b = buf[offset + i];
            int at = i - contentLength;
            for (int j = 0; j < macLength; j++) {
                received[j] |= (byte) (b & equalMask(at, j));
            }
        }
        int diff = 0;
        for (int j = 0; j < macLength; j++) {
            diff |= computed[j] ^ received[j];
        }
        good &= ~nonZeroMask(diff);
        if (good == 0) {
            throw badRecordMac();
        }
        return contentLength;
    }

    private void mac(long seq, int type, int version, byte[] in, int offset, int length, byte[] out, int outOffset) {
        for (int i = 0; i < 8; i++) {
            header[i] = (byte) (seq >>> (56 - 8 * i));
        }
        header[8] = (byte) type;
        header[9] = (byte) (version >>> 8);
        header[10] = (byte) version;
        header[11] = (byte) (length >>> 8);
        header[12] = (byte) length;
        hmac.update(header, 0, HEADER_LENGTH);
        hmac.update(in, offset, length);
        hmac.doFinal(out, outOffset);
    }

    /** Compression calls of the inner hash for a record of {@code contentLength} (after the key block). */
    private int compressions(int contentLength) {
        return (HEADER_LENGTH + contentLength + 1 + lengthField + hashBlock - 1) / hashBlock;
    }

    private static TlsException badRecordMac() {
        return new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                "CBC record failed its padding or MAC check (wrong keys or tampered data)");
    }

    /** All ones when {@code a <= b}, for 0 <= a, b < 2^30; no branch. */
    private static int lessOrEqualMask(int a, int b) {
        return ~((b - a) >> 31);
    }

    /** All ones when {@code x != 0}; no branch. */
    private static int nonZeroMask(int x) {
        return (x | -x) >> 31;
    }

    private static int equalMask(int a, int b) {
        return ~nonZeroMask(a ^ b);
    }
}
