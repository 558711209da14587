package org.securesocket.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+\\.[a-z0-9_]+");

    @Test
    void codesAreUniqueAndShapedAreaDotName() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(SHAPE.matcher(code.code()).matches(), code.code());
            assertTrue(seen.add(code.code()), "duplicate " + code.code());
            assertEquals(code, ErrorCode.fromCode(code.code()).orElseThrow());
            assertTrue(code.name().replace('_', '.').toLowerCase().startsWith(code.area()), code.name());
        }
    }

    @Test
    void theDesignVocabularyIsPresent() {
        for (String c : new String[] {"certificate.expired", "certificate.unknown_issuer",
                "certificate.missing_trust_anchor", "handshake.no_common_cipher_suite",
                "handshake.alert_received", "record.bad_record_mac", "record.truncated", "io.timeout"}) {
            assertTrue(ErrorCode.fromCode(c).isPresent(), c);
        }
    }

    @Test
    void defaultAlertsFollowTheRfcs() {
        assertEquals(Alert.UNKNOWN_CA, ErrorCode.CERTIFICATE_UNKNOWN_ISSUER.defaultAlert().orElseThrow());
        assertEquals(Alert.RECORD_OVERFLOW, ErrorCode.RECORD_OVERFLOW.defaultAlert().orElseThrow());
        assertEquals(Alert.DECRYPT_ERROR, ErrorCode.HANDSHAKE_BAD_FINISHED.defaultAlert().orElseThrow());
        assertTrue(ErrorCode.HANDSHAKE_ALERT_RECEIVED.defaultAlert().isEmpty());
    }
}
