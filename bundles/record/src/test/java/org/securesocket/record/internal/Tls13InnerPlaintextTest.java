package org.securesocket.record.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.record.ContentType;
import org.securesocket.record.PlaintextLimit;

/** TLSInnerPlaintext rules of RFC 8446 section 5.4, with inner plaintexts our writer would never make. */
class Tls13InnerPlaintextTest {
    private static final TlsCrypto CRYPTO = new JcaTlsCrypto();
    private static final byte[] KEY = new byte[16];
    private static final byte[] IV = new byte[12];

    /** A record whose TLSInnerPlaintext is exactly {@code inner}, sealed as the peer would at sequence 0. */
    private static ByteBuffer record(byte[] inner) throws TlsException {
        AeadCipher aead = CRYPTO.createAead(AeadAlgorithm.AES_128_GCM, KEY);
        int length = inner.length + 16;
        byte[] header = {23, 3, 3, (byte) (length >>> 8), (byte) length};
        ByteBuffer body = ByteBuffer.allocate(length);
        aead.seal(IV.clone(), header, ByteBuffer.wrap(inner), body);
        return body.flip();
    }

    private static ContentType open(ByteBuffer body, int contentLimit) throws TlsException {
        Tls13AeadProtection p = new Tls13AeadProtection(CRYPTO.createAead(AeadAlgorithm.AES_128_GCM, KEY), IV);
        return p.open(ContentType.APPLICATION_DATA, 0x0303, body, contentLimit);
    }

    @Test
    void paddingIsRemoved() throws TlsException {
        ByteBuffer body = record(new byte[] {'h', 'i', 22, 0, 0, 0, 0, 0, 0, 0});
        assertEquals(ContentType.HANDSHAKE, open(body, PlaintextLimit.MAX_CONTENT));
        byte[] content = new byte[body.remaining()];
        body.get(content);
        assertArrayEquals(new byte[] {'h', 'i'}, content);
    }

    @Test
    void zerosOnlyOrNothingIsUnexpected() {
        for (byte[] inner : new byte[][] {new byte[0], new byte[1], new byte[300]}) {
            TlsException e = assertThrows(TlsException.class, () -> open(record(inner), PlaintextLimit.MAX_CONTENT));
            assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, e.code());
        }
    }

    @Test
    void protectedChangeCipherSpecOrUnknownTypeIsUnexpected() {
        for (int type : new int[] {20, 24, 99, 255}) {
            TlsException e = assertThrows(TlsException.class,
                    () -> open(record(new byte[] {1, (byte) type}), PlaintextLimit.MAX_CONTENT));
            assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, e.code(), "type " + type);
        }
    }

    @Test
    void paddingCountsAgainstTheLimit() throws TlsException {
        byte[] inner = new byte[101];
        inner[0] = 23;
        assertEquals(ContentType.APPLICATION_DATA, open(record(inner), 100), "limit + 1 bytes is the most allowed");
        byte[] over = new byte[102];
        over[0] = 23;
        TlsException e = assertThrows(TlsException.class, () -> open(record(over), 100));
        assertEquals(ErrorCode.RECORD_OVERFLOW, e.code());
    }

    @Test
    void keyUpdateIsDueFrom2To24RecordsAndSendingStopsAt2To24Point5() throws TlsException {
        Tls13AeadProtection p = new Tls13AeadProtection(CRYPTO.createAead(AeadAlgorithm.AES_128_GCM, KEY), IV,
                new SequenceNumber(1L << 24, Tls13AeadProtection.AES_GCM_RECORD_LIMIT, (1L << 24) - 1));
        ByteBuffer out = ByteBuffer.allocate(100);
        assertFalse(p.keyUpdateDue());
        p.seal(ContentType.APPLICATION_DATA, 0x0303, ByteBuffer.wrap(new byte[1]), out);
        assertTrue(p.keyUpdateDue());
        Tls13AeadProtection last = new Tls13AeadProtection(CRYPTO.createAead(AeadAlgorithm.AES_128_GCM, KEY), IV,
                new SequenceNumber(1L << 24, Tls13AeadProtection.AES_GCM_RECORD_LIMIT,
                        Tls13AeadProtection.AES_GCM_RECORD_LIMIT - 1));
        last.seal(ContentType.APPLICATION_DATA, 0x0303, ByteBuffer.wrap(new byte[1]), out.clear());
        TlsException e = assertThrows(TlsException.class,
                () -> last.seal(ContentType.APPLICATION_DATA, 0x0303, ByteBuffer.wrap(new byte[1]), out.clear()));
        assertEquals(ErrorCode.RECORD_SEQUENCE_EXHAUSTED, e.code());
    }
}
