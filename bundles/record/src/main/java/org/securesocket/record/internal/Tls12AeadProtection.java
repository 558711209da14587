package org.securesocket.record.internal;

import java.nio.ByteBuffer;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.record.ContentType;
import org.securesocket.record.PlaintextLimit;

/**
 * TLS 1.2 AEAD record protection (RFC 5246 section 6.2.3.3). AES-GCM (RFC 5288 section 3): the
 * nonce is a 4-byte implicit salt and an 8-byte explicit part carried in the record; we send our
 * sequence number there, and accept whatever the peer sends (OpenSSL starts from a random value).
 * ChaCha20-Poly1305 (RFC 7905 section 2): no explicit part, the 12-byte IV XOR the sequence number.
 * The additional data is seq_num, type, version and the plaintext length.
 */
public final class Tls12AeadProtection extends Protection {
    private static final int GCM_SALT_LENGTH = 4;
    private static final int GCM_EXPLICIT_LENGTH = 8;
    private static final int AAD_LENGTH = 13;

    private final AeadCipher aead;
    private final int tagLength;
    private final int explicitLength;
    private final byte[] fixedIv;
    private final byte[] nonce;
    private final byte[] aad = new byte[AAD_LENGTH];
    private final SequenceNumber sequence;
    private final BufferViews views = new BufferViews();

    /**
     * @param fixedIv the key block's write IV: 4 bytes for AES-GCM, 12 for ChaCha20-Poly1305
     */
    public Tls12AeadProtection(AeadCipher aead, byte[] fixedIv) {
        this(aead, fixedIv, new SequenceNumber(SequenceNumber.WRAP, SequenceNumber.WRAP));
    }

    Tls12AeadProtection(AeadCipher aead, byte[] fixedIv, SequenceNumber sequence) {
        AeadAlgorithm algorithm = aead.algorithm();
        boolean chacha = algorithm == AeadAlgorithm.CHACHA20_POLY1305;
        int ivLength = chacha ? algorithm.nonceLength() : GCM_SALT_LENGTH;
        if (fixedIv.length != ivLength) {
            throw new IllegalArgumentException("a TLS 1.2 " + algorithm + " write IV has " + ivLength
                    + " bytes, not " + fixedIv.length);
        }
        this.aead = aead;
        this.tagLength = algorithm.tagLength();
        this.explicitLength = chacha ? 0 : GCM_EXPLICIT_LENGTH;
        this.fixedIv = fixedIv.clone();
        this.nonce = new byte[algorithm.nonceLength()];
        this.sequence = sequence;
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
        return explicitLength + contentLength + tagLength;
    }

    @Override
    public void seal(ContentType type, int recordVersion, ByteBuffer content, ByteBuffer out) throws TlsException {
        int contentLength = content.remaining();
        int length = sealedLength(contentLength);
        writeHeader(out, type.code(), recordVersion, length);
        int body = out.position();
        long seq = sequence.nextToSend();
        if (explicitLength > 0) {
            System.arraycopy(fixedIv, 0, nonce, 0, GCM_SALT_LENGTH);
            putUint64(nonce, GCM_SALT_LENGTH, seq);
            out.put(nonce, GCM_SALT_LENGTH, GCM_EXPLICIT_LENGTH);
        } else {
            xorNonce(fixedIv, seq, nonce);
        }
        setAad(seq, type.code(), recordVersion, contentLength);
        aead.seal(nonce, aad, content, views.first(out, body + explicitLength, body + length));
        out.position(body + length);
    }

    @Override
    public ContentType open(ContentType outerType, int recordVersion, ByteBuffer body, int contentLimit)
            throws TlsException {
        int start = body.position();
        int length = body.remaining();
        if (length < explicitLength + tagLength) {
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC, "a protected record of " + length
                    + " bytes is shorter than its explicit nonce and authentication tag");
        }
        long seq = sequence.nextReceived();
        if (explicitLength > 0) {
            System.arraycopy(fixedIv, 0, nonce, 0, GCM_SALT_LENGTH);
            body.get(start, nonce, GCM_SALT_LENGTH, GCM_EXPLICIT_LENGTH);
        } else {
            xorNonce(fixedIv, seq, nonce);
        }
        int from = start + explicitLength;
        int end = start + length;
        setAad(seq, outerType.code(), recordVersion, length - explicitLength - tagLength);
        int plaintextLength = aead.open(nonce, aad, views.first(body, from, end), views.second(body, from, end));
        body.limit(from + plaintextLength).position(from);
        return outerType;
    }

    private void setAad(long seq, int type, int recordVersion, int plaintextLength) {
        putUint64(aad, 0, seq);
        aad[8] = (byte) type;
        aad[9] = (byte) (recordVersion >>> 8);
        aad[10] = (byte) recordVersion;
        aad[11] = (byte) (plaintextLength >>> 8);
        aad[12] = (byte) plaintextLength;
    }
}
