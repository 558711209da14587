package org.securesocket.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TlsExceptionTest {

    @Test
    void ourFailureCarriesTheDefaultAlertToSend() {
        TlsException e = new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC, "record 3 failed authentication");
        assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code());
        assertEquals(Alert.BAD_RECORD_MAC, e.alert().orElseThrow());
        assertEquals(AlertSource.US, e.alertSource());
        assertTrue(e.alertToSend());
        assertTrue(e instanceof IOException);
        assertEquals("TlsException[record.bad_record_mac, alert bad_record_mac(20) from us]: record 3 failed authentication",
                e.toString());
    }

    @Test
    void aSpecificAlertOverridesTheDefault() {
        TlsException e = new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.DECODE_ERROR, "x", null);
        assertEquals(Alert.DECODE_ERROR, e.alert().orElseThrow());
    }

    @Test
    void aPeerAlertIsNotSentBack() {
        TlsException e = TlsException.alertReceived(Alert.HANDSHAKE_FAILURE);
        assertEquals(ErrorCode.HANDSHAKE_ALERT_RECEIVED, e.code());
        assertEquals(AlertSource.PEER, e.alertSource());
        assertFalse(e.alertToSend());
        assertTrue(e.getMessage().contains("handshake_failure(40)"));
    }

    @Test
    void codesWithoutAlertSendNothing() {
        TlsException e = new TlsException(ErrorCode.IO_TIMEOUT, "no data for 30 s");
        assertTrue(e.alert().isEmpty());
        assertFalse(e.alertToSend());
    }
}
