package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

class PlaintextLimitTest {

    @Test
    void maxFragmentLengthCodes() throws TlsException {
        assertEquals(512, PlaintextLimit.maxFragmentLength(1).contentLimit());
        assertEquals(1024, PlaintextLimit.maxFragmentLength(2).contentLimit());
        assertEquals(2048, PlaintextLimit.maxFragmentLength(3).contentLimit());
        assertEquals(4096, PlaintextLimit.maxFragmentLength(4).contentLimit());
        for (int bad : new int[] {0, 5, 255}) {
            assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    assertThrows(TlsException.class, () -> PlaintextLimit.maxFragmentLength(bad)).code());
        }
    }

    @Test
    void recordSizeLimitCountsTheInnerTypeByteOnlyInTls13() throws TlsException {
        assertEquals(1000, PlaintextLimit.recordSizeLimit(1000, ProtocolVersion.TLS12).contentLimit());
        assertEquals(999, PlaintextLimit.recordSizeLimit(1000, ProtocolVersion.TLS13).contentLimit());
        assertEquals(16384, PlaintextLimit.recordSizeLimit(16385, ProtocolVersion.TLS13).contentLimit());
        assertEquals(16384, PlaintextLimit.recordSizeLimit(65535, ProtocolVersion.TLS12).contentLimit(), "clamped");
        assertEquals(63, PlaintextLimit.recordSizeLimit(64, ProtocolVersion.TLS13).contentLimit());
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, assertThrows(TlsException.class,
                () -> PlaintextLimit.recordSizeLimit(63, ProtocolVersion.TLS12)).code());
    }
}
