package org.securesocket.record.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;

class SequenceNumberTest {

    @Test
    void sendingStopsAtTheHardLimitAfterSignallingTheSoftOne() throws TlsException {
        SequenceNumber seq = new SequenceNumber(3, 5, 2);
        assertFalse(seq.updateDue());
        assertEquals(2, seq.nextToSend());
        assertTrue(seq.updateDue());
        assertEquals(3, seq.nextToSend());
        assertEquals(4, seq.nextToSend());
        assertEquals(ErrorCode.RECORD_SEQUENCE_EXHAUSTED, assertThrows(TlsException.class, seq::nextToSend).code());
    }

    @Test
    void neverWrapsPast2To64() throws TlsException {
        SequenceNumber send = new SequenceNumber(SequenceNumber.WRAP, SequenceNumber.WRAP, -3L);
        assertEquals(-3L, send.nextToSend());
        assertEquals(-2L, send.nextToSend());
        assertThrows(TlsException.class, send::nextToSend);
        SequenceNumber receive = new SequenceNumber(SequenceNumber.WRAP, SequenceNumber.WRAP, -2L);
        assertEquals(-2L, receive.nextReceived());
        assertEquals(ErrorCode.RECORD_SEQUENCE_EXHAUSTED, assertThrows(TlsException.class, receive::nextReceived).code());
    }

    @Test
    void tls13LimitsFollowRfc8446Section55() {
        SequenceNumber gcm = Tls13AeadProtection.limitsFor(AeadAlgorithm.AES_128_GCM);
        assertFalse(gcm.updateDue());
        // floor(2^24.5) = 23726566
        assertEquals(23_726_566L, (long) Math.floor(Math.pow(2, 24.5)));
        assertEquals(Tls13AeadProtection.AES_GCM_RECORD_LIMIT, (long) Math.floor(Math.pow(2, 24.5)));
        assertFalse(Tls13AeadProtection.limitsFor(AeadAlgorithm.CHACHA20_POLY1305).updateDue());
    }
}
