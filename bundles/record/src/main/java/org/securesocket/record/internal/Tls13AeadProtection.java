package org.securesocket.record.internal;

import java.nio.ByteBuffer;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.record.ContentType;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;

/**
 * TLS 1.3 record protection (RFC 8446 section 5.2 to 5.4): TLSInnerPlaintext (content, true type,
 * zero padding) sealed under a per-record nonce (the IV XOR the sequence number, section 5.3) with
 * the record header as additional data. We send no padding.
 */
public final class Tls13AeadProtection extends Protection {
    /** floor(2^24.5) full-size records for AES-GCM (RFC 8446 section 5.5, RFC 9147 section 4.5.3). */
    static final long AES_GCM_RECORD_LIMIT = 23_726_566L;

    private final AeadCipher aead;
    private final int tagLength;
    private final byte[] iv;
    private final byte[] nonce;
    private final byte[] aad = new byte[HEADER_LENGTH];
    private final SequenceNumber sequence;
    private final BufferViews views = new BufferViews();

    /** Keys from the traffic secret (RFC 8446 section 7.3): the AEAD key and its {@code iv}. */
    public Tls13AeadProtection(AeadCipher aead, byte[] iv) {
        this(aead, iv, limitsFor(aead.algorithm()));
    }

    Tls13AeadProtection(AeadCipher aead, byte[] iv, SequenceNumber sequence) {
        AeadAlgorithm algorithm = aead.algorithm();
        if (iv.length != algorithm.nonceLength()) {
            throw new IllegalArgumentException("a TLS 1.3 " + algorithm + " iv has " + algorithm.nonceLength()
                    + " bytes, not " + iv.length);
        }
        this.aead = aead;
        this.tagLength = algorithm.tagLength();
        this.iv = iv.clone();
        this.nonce = new byte[iv.length];
        this.sequence = sequence;
    }

    /**
     * AES-GCM: update keys from 2^24 records, stop at 2^24.5. ChaCha20-Poly1305: its limit lies
     * beyond 2^64 records (RFC 8446 section 5.5), so only the wrap stops it; update at 2^63.
     */
    static SequenceNumber limitsFor(AeadAlgorithm algorithm) {
        return switch (algorithm) {
            case AES_128_GCM, AES_256_GCM -> new SequenceNumber(1L << 24, AES_GCM_RECORD_LIMIT);
            case CHACHA20_POLY1305 -> new SequenceNumber(Long.MIN_VALUE, SequenceNumber.WRAP);
        };
    }

    @Override
    public boolean isNull() {
        return false;
    }

    @Override
    public boolean hidesContentType() {
        return true;
    }

    @Override
    public int maxRecordLength() {
        return PlaintextLimit.MAX_CONTENT + 256;
    }

    @Override
    public int sealedLength(int contentLength) {
        return contentLength + 1 + tagLength;
    }

    @Override
    public void seal(ContentType type, int recordVersion, ByteBuffer content, ByteBuffer out) throws TlsException {
        int contentLength = content.remaining();
        int length = sealedLength(contentLength);
        int header = out.position();
        writeHeader(out, ContentType.APPLICATION_DATA.code(), ProtocolVersion.TLS12.wire(), length);
        int body = out.position();
        out.put(content).put((byte) type.code());
        setAad(ContentType.APPLICATION_DATA.code(), ProtocolVersion.TLS12.wire(), length);
        xorNonce(iv, sequence.nextToSend(), nonce);
        aead.seal(nonce, aad, views.first(out, body, body + contentLength + 1), views.second(out, body, body + length));
        out.position(header + HEADER_LENGTH + length);
    }

    @Override
    public ContentType open(ContentType outerType, int recordVersion, ByteBuffer body, int contentLimit)
            throws TlsException {
        if (outerType != ContentType.APPLICATION_DATA) {
            throw new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE, "a " + outerType + " record arrived"
                    + " unprotected after the keys were set; TLS 1.3 protects every record as application_data"
                    + " (RFC 8446 section 5.2)");
        }
        int start = body.position();
        int length = body.remaining();
        if (length < tagLength) {
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                    "a protected record of " + length + " bytes is shorter than its authentication tag");
        }
        setAad(outerType.code(), recordVersion, length);
        xorNonce(iv, sequence.nextReceived(), nonce);
        int plaintextLength = aead.open(nonce, aad, views.first(body, start, start + length),
                views.second(body, start, start + length));
        // RFC 8446 section 5.4: the inner plaintext, padding included, counts against the limit.
        if (plaintextLength > contentLimit + 1) {
            throw new TlsException(ErrorCode.RECORD_OVERFLOW, "a decrypted TLS 1.3 record holds " + plaintextLength
                    + " bytes, more than the limit of " + (contentLimit + 1) + " (content type and padding included)");
        }
        int typeAt = start + plaintextLength - 1;
        while (typeAt >= start && body.get(typeAt) == 0) {
            typeAt--;
        }
        if (typeAt < start) {
            throw new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE,
                    "a TLS 1.3 record decrypted to zeros only, with no content type (RFC 8446 section 5.4)");
        }
        int typeCode = body.get(typeAt) & 0xff;
        ContentType type = ContentType.fromCode(typeCode).orElse(null);
        if (type == null || type == ContentType.CHANGE_CIPHER_SPEC) {
            throw new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE, "a protected TLS 1.3 record carries the"
                    + " content type " + typeCode + ", which is never protected or unknown (RFC 8446 section 5)");
        }
        body.limit(typeAt).position(start);
        return type;
    }

    @Override
    public boolean keyUpdateDue() {
        return sequence.updateDue();
    }

    private void setAad(int type, int recordVersion, int length) {
        aad[0] = (byte) type;
        aad[1] = (byte) (recordVersion >>> 8);
        aad[2] = (byte) recordVersion;
        aad[3] = (byte) (length >>> 8);
        aad[4] = (byte) length;
    }
}
