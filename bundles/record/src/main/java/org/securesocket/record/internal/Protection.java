package org.securesocket.record.internal;

import java.nio.ByteBuffer;
import org.securesocket.common.TlsException;
import org.securesocket.record.ContentType;

/**
 * The keys and state of one direction: how content becomes a record and back. One instance serves
 * one direction of one connection and is not thread-safe.
 */
public abstract class Protection {
    /** type (1), legacy_record_version (2), length (2). */
    public static final int HEADER_LENGTH = 5;

    private boolean bound;

    /** Claims this instance for one reader or writer; a second claim is a programming error. */
    public final void bind() {
        if (bound) {
            throw new IllegalStateException("a RecordProtection serves exactly one direction of one connection");
        }
        bound = true;
    }

    /** Whether records go unprotected (before the first key change). */
    public abstract boolean isNull();

    /** Whether the true content type is inside the encryption (TLS 1.3 TLSInnerPlaintext). */
    public abstract boolean hidesContentType();

    /**
     * The largest record body the protocol allows under this protection for a full 2^14 plaintext:
     * 2^14 unprotected, 2^14 + 2048 for TLS 1.0 to 1.2 (RFC 5246 section 6.2.3),
     * 2^14 + 256 for TLS 1.3 (RFC 8446 section 5.2).
     */
    public abstract int maxRecordLength();

    /** The exact record body length for {@code contentLength} bytes of content. */
    public abstract int sealedLength(int contentLength);

    /**
     * Writes one whole record (header and protected body) of all of {@code content}'s remaining
     * bytes into {@code out}, which has room for {@link #sealedLength} plus the header.
     */
    public abstract void seal(ContentType type, int recordVersion, ByteBuffer content, ByteBuffer out)
            throws TlsException;

    /**
     * Authenticates and decrypts the record body framed by {@code body}'s position and limit, in
     * place; on return the same buffer frames the plaintext content (padding and inner type
     * removed).
     *
     * @param contentLimit the negotiated content limit, for TLS 1.3's inner plaintext check
     * @return the record's true content type
     */
    public abstract ContentType open(ContentType outerType, int recordVersion, ByteBuffer body, int contentLimit)
            throws TlsException;

    /** Whether a sender should update its keys now; only TLS 1.3 AEADs ever say so. */
    public boolean keyUpdateDue() {
        return false;
    }

    /**
     * Whether application data should go with its first byte alone in a record first: the 1/n-1
     * split against the chosen-plaintext attack on TLS 1.0's chained CBC IVs (BEAST).
     */
    public boolean splitFirstApplicationByte() {
        return false;
    }

    /** Writes a record header, big-endian whatever the buffer's byte order. */
    static void writeHeader(ByteBuffer out, int type, int recordVersion, int length) {
        out.put((byte) type).put((byte) (recordVersion >>> 8)).put((byte) recordVersion)
                .put((byte) (length >>> 8)).put((byte) length);
    }

    /** Writes {@code value} big-endian into {@code out[at, at + 8)}. */
    static void putUint64(byte[] out, int at, long value) {
        for (int i = 0; i < 8; i++) {
            out[at + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    /** The per-record nonce of RFC 8446 section 5.3 and RFC 7905: the sequence number, left-padded, XOR the IV. */
    static void xorNonce(byte[] iv, long sequenceNumber, byte[] nonce) {
        System.arraycopy(iv, 0, nonce, 0, iv.length);
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequenceNumber >>> (8 * i));
        }
    }
}
