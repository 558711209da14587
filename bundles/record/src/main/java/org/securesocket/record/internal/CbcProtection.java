package org.securesocket.record.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.CbcCipher;
import org.securesocket.crypto.Hmac;
import org.securesocket.crypto.MacThenEncrypt;
import org.securesocket.record.ContentType;
import org.securesocket.record.PlaintextLimit;

/**
 * CBC block cipher with HMAC for TLS 1.0 to 1.2 (RFC 5246 section 6.2.3.2). TLS 1.0 chains the IV
 * from the last ciphertext block of the previous record (RFC 2246 section 6.2.3.2) and so splits
 * application data 1/n-1 against BEAST; TLS 1.1 and 1.2 send a fresh random IV in every record.
 * MAC-then-encrypt by default, its padding and MAC checked by the crypto SPI's constant-time
 * {@link MacThenEncrypt}; encrypt-then-MAC when RFC 7366 was negotiated, where the MAC is
 * verified before anything is decrypted.
 */
public final class CbcProtection extends Protection {
    private static final int PSEUDO_HEADER = 13;

    private final CbcCipher cipher;
    private final Hmac hmac;
    private final MacThenEncrypt macThenEncrypt;
    private final boolean encryptThenMac;
    private final boolean chainedIv;
    private final RandomSource random;
    private final int blockSize;
    private final int macLength;
    private final int ivLength;
    private final byte[] iv;
    private final byte[] nextIv;
    private final byte[] pseudoHeader = new byte[PSEUDO_HEADER];
    private final byte[] computedMac;
    private final byte[] scratch;
    private final ByteBuffer scratchView;
    private final SequenceNumber sequence = new SequenceNumber(SequenceNumber.WRAP, SequenceNumber.WRAP);
    private final BufferViews views = new BufferViews();

    /**
     * @param chainedIv the key block's write IV for TLS 1.0; {@code null} for TLS 1.1 and 1.2,
     *                  whose IVs are explicit and drawn from {@code random}
     */
    public CbcProtection(CbcCipher cipher, Hmac hmac, byte[] chainedIv, boolean encryptThenMac, RandomSource random) {
        this.cipher = cipher;
        this.hmac = hmac;
        this.blockSize = cipher.blockSize();
        this.macLength = hmac.length();
        this.macThenEncrypt = new MacThenEncrypt(hmac, blockSize);
        this.encryptThenMac = encryptThenMac;
        this.chainedIv = chainedIv != null;
        if (chainedIv != null && chainedIv.length != blockSize) {
            throw new IllegalArgumentException(
                    "a TLS 1.0 CBC write IV has " + blockSize + " bytes, not " + chainedIv.length);
        }
        this.random = random;
        this.ivLength = this.chainedIv ? 0 : blockSize;
        this.iv = this.chainedIv ? chainedIv.clone() : new byte[blockSize];
        this.nextIv = new byte[blockSize];
        this.computedMac = new byte[macLength];
        this.scratch = new byte[PlaintextLimit.MAX_CONTENT + 2048];
        this.scratchView = ByteBuffer.wrap(scratch);
    }

    @Override
    public boolean isNull() {
        return false;
    }

    @Override
    public boolean hidesContentType() {
        return false;
    }

    @Override
    public int maxRecordLength() {
        return PlaintextLimit.MAX_CONTENT + 2048;
    }

    @Override
    public int sealedLength(int contentLength) {
        int padded = roundUp(contentLength + (encryptThenMac ? 0 : macLength) + 1);
        return ivLength + padded + (encryptThenMac ? macLength : 0);
    }

    @Override
    public boolean splitFirstApplicationByte() {
        return chainedIv;
    }

    @Override
    public void seal(ContentType type, int recordVersion, ByteBuffer content, ByteBuffer out) throws TlsException {
        int contentLength = content.remaining();
        int length = sealedLength(contentLength);
        long seq = sequence.nextToSend();
        content.get(scratch, 0, contentLength);
        int encrypted;
        if (encryptThenMac) {
            encrypted = roundUp(contentLength + 1);
            Arrays.fill(scratch, contentLength, encrypted, (byte) (encrypted - contentLength - 1));
        } else {
            encrypted = macThenEncrypt.seal(seq, type.code(), recordVersion, scratch, 0, contentLength);
        }
        writeHeader(out, type.code(), recordVersion, length);
        int body = out.position();
        if (!chainedIv) {
            random.nextBytes(iv);
            out.put(iv);
        }
        int cipherAt = body + ivLength;
        ByteBuffer target = views.first(out, cipherAt, cipherAt + encrypted);
        cipher.encrypt(iv, scratchView.limit(encrypted).position(0), target);
        if (chainedIv) {
            out.get(cipherAt + encrypted - blockSize, iv);
        }
        if (encryptThenMac) {
            mac(seq, type.code(), recordVersion, out, body, ivLength + encrypted);
            out.put(body + ivLength + encrypted, computedMac);
        }
        out.position(body + length);
    }

    @Override
    public ContentType open(ContentType outerType, int recordVersion, ByteBuffer body, int contentLimit)
            throws TlsException {
        int start = body.position();
        int length = body.remaining();
        int encrypted = length - ivLength - (encryptThenMac ? macLength : 0);
        int minimum = encryptThenMac ? blockSize : roundUp(macLength + 1);
        // Decided on the public length alone (RFC 5246 section 6.2.3.2).
        if (encrypted < minimum || encrypted % blockSize != 0) {
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC, "a CBC record of " + length
                    + " bytes cannot hold whole blocks, a MAC and padding");
        }
        long seq = sequence.nextReceived();
        if (encryptThenMac) {
            // RFC 7366 section 3: authenticate IV and ciphertext before decrypting anything.
            mac(seq, outerType.code(), recordVersion, body, start, ivLength + encrypted);
            if (!macEquals(body, start + ivLength + encrypted)) {
                throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                        "a CBC record failed its encrypt-then-MAC check (wrong keys or tampered data)");
            }
        }
        int cipherAt = start + ivLength;
        if (chainedIv) {
            body.get(cipherAt + encrypted - blockSize, nextIv);
        } else {
            body.get(start, iv);
        }
        // Decrypt into our scratch array, which MacThenEncrypt reads; the content is copied back.
        cipher.decrypt(iv, views.first(body, cipherAt, cipherAt + encrypted), scratchView.clear());
        if (chainedIv) {
            System.arraycopy(nextIv, 0, iv, 0, blockSize);
        }
        int contentLength = encryptThenMac
                ? removePadding(encrypted)
                : macThenEncrypt.open(seq, outerType.code(), recordVersion, scratch, 0, encrypted);
        body.put(cipherAt, scratch, 0, contentLength);
        body.limit(cipherAt + contentLength).position(cipherAt);
        return outerType;
    }

    /** RFC 7366: the padding is checked after the MAC, so its timing reveals nothing new. */
    private int removePadding(int encrypted) throws TlsException {
        int paddingLength = scratch[encrypted - 1] & 0xff;
        boolean good = paddingLength + 1 <= encrypted;
        for (int i = 0; good && i <= paddingLength; i++) {
            good = (scratch[encrypted - 1 - i] & 0xff) == paddingLength;
        }
        if (!good) {
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC, "a CBC record's padding is malformed");
        }
        return encrypted - paddingLength - 1;
    }

    /** HMAC over seq, type, version, length and {@code data[from, from + length)} into {@link #computedMac}. */
    private void mac(long seq, int type, int recordVersion, ByteBuffer data, int from, int length) {
        putUint64(pseudoHeader, 0, seq);
        pseudoHeader[8] = (byte) type;
        pseudoHeader[9] = (byte) (recordVersion >>> 8);
        pseudoHeader[10] = (byte) recordVersion;
        pseudoHeader[11] = (byte) (length >>> 8);
        pseudoHeader[12] = (byte) length;
        hmac.update(pseudoHeader, 0, PSEUDO_HEADER);
        hmac.update(views.second(data, from, from + length));
        hmac.doFinal(computedMac, 0);
    }

    private boolean macEquals(ByteBuffer data, int at) {
        int diff = 0;
        for (int i = 0; i < macLength; i++) {
            diff |= computedMac[i] ^ data.get(at + i);
        }
        return diff == 0;
    }

    private int roundUp(int n) {
        return (n + blockSize - 1) / blockSize * blockSize;
    }
}
