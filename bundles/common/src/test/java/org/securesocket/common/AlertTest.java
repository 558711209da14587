package org.securesocket.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertTest {

    @Test
    void everyAlertRoundTripsThroughItsCode() {
        Set<Integer> seen = new HashSet<>();
        for (Alert alert : Alert.values()) {
            assertTrue(seen.add(alert.code()), "duplicate code " + alert.code());
            assertEquals(alert, Alert.fromCode(alert.code()).orElseThrow());
        }
    }

    @Test
    void rfc8446AlertsHaveTheirWireValues() {
        assertEquals(0, Alert.CLOSE_NOTIFY.code());
        assertEquals(20, Alert.BAD_RECORD_MAC.code());
        assertEquals(109, Alert.MISSING_EXTENSION.code());
        assertEquals(116, Alert.CERTIFICATE_REQUIRED.code());
        assertEquals(120, Alert.NO_APPLICATION_PROTOCOL.code());
        assertEquals("bad_record_mac", Alert.BAD_RECORD_MAC.rfcName());
    }

    @Test
    void unknownValuesAreEmpty() {
        assertTrue(Alert.fromCode(1).isEmpty());
        assertTrue(Alert.fromCode(255).isEmpty());
        assertTrue(Alert.fromCode(-1).isEmpty());
        assertTrue(Alert.fromCode(1000).isEmpty());
        assertTrue(AlertLevel.fromCode(0).isEmpty());
        assertEquals(AlertLevel.FATAL, AlertLevel.fromCode(2).orElseThrow());
    }
}
