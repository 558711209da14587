package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.AlertLevel;
import org.securesocket.common.AlertSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

class AlertHandlingTest {

    private static byte[] alertRecord(int level, int description) {
        return Chunks.record(21, 0x0303, new byte[] {(byte) level, (byte) description});
    }

    @Test
    void everyAlertRoundTrips() throws TlsException {
        for (Alert a : Alert.values()) {
            for (AlertLevel level : AlertLevel.values()) {
                AlertMessage m = new AlertMessage(level, a);
                ByteBuffer b = ByteBuffer.allocate(2);
                m.write(b);
                assertEquals(m, AlertMessage.read(b.flip()));
            }
        }
    }

    @Test
    void malformedAlertsAreDecodeErrors() {
        for (byte[] content : new byte[][] {{}, {2}, {2, 40, 0}, {3, 40}, {0, 40}, {2, (byte) 200}}) {
            TlsException e = assertThrows(TlsException.class, () -> AlertMessage.read(ByteBuffer.wrap(content)));
            assertEquals(ErrorCode.RECORD_DECODE_ERROR, e.code());
        }
    }

    @Test
    void closeNotifyEndsTheStreamAndLaterDataIsIgnored() throws TlsException {
        RecordReader reader = new RecordReader();
        byte[] wire = Chunks.concat(alertRecord(1, 0), Chunks.record(99, 0, new byte[] {1, 2, 3}));
        ByteBuffer src = ByteBuffer.wrap(wire);
        assertEquals(AlertMessage.CLOSE_NOTIFY, reader.read(src));
        assertTrue(reader.isClosed());
        assertNull(reader.read(src), "garbage after close_notify is ignored (RFC 8446 section 6.1)");
        assertFalse(src.hasRemaining());
        reader.endOfInput();
    }

    @Test
    void fatalAlertIsReportedAsReceived() {
        TlsException e = assertThrows(TlsException.class,
                () -> new RecordReader().read(ByteBuffer.wrap(alertRecord(2, 40))));
        assertEquals(ErrorCode.HANDSHAKE_ALERT_RECEIVED, e.code());
        assertEquals(Alert.HANDSHAKE_FAILURE, e.alert().orElseThrow());
        assertEquals(AlertSource.PEER, e.alertSource());
        assertFalse(e.alertToSend());
    }

    @Test
    void warningsBeforeTls13AreReturnedUnlessAlwaysFatal() throws TlsException {
        RecordReader reader = new RecordReader();
        reader.setVersion(ProtocolVersion.TLS12);
        assertEquals(new AlertMessage(AlertLevel.WARNING, Alert.UNRECOGNIZED_NAME),
                reader.read(ByteBuffer.wrap(alertRecord(1, 112))));
        assertEquals(new AlertMessage(AlertLevel.WARNING, Alert.NO_RENEGOTIATION),
                reader.read(ByteBuffer.wrap(alertRecord(1, 100))));
        RecordReader strict = new RecordReader();
        strict.setVersion(ProtocolVersion.TLS12);
        TlsException e = assertThrows(TlsException.class, () -> strict.read(ByteBuffer.wrap(alertRecord(1, 20))));
        assertEquals(Alert.BAD_RECORD_MAC, e.alert().orElseThrow(), "bad_record_mac is always fatal");
    }

    @Test
    void tls13TreatsEveryAlertButClosureAsAnError() throws TlsException {
        RecordReader reader = new RecordReader();
        reader.setVersion(ProtocolVersion.TLS13);
        assertEquals(new AlertMessage(AlertLevel.WARNING, Alert.USER_CANCELED), reader.read(ByteBuffer.wrap(alertRecord(1, 90))));
        assertFalse(reader.isClosed());
        RecordReader other = new RecordReader();
        other.setVersion(ProtocolVersion.TLS13);
        TlsException e = assertThrows(TlsException.class, () -> other.read(ByteBuffer.wrap(alertRecord(1, 112))));
        assertEquals(Alert.UNRECOGNIZED_NAME, e.alert().orElseThrow());
    }

    @Test
    void isErrorFollowsTheVersion() {
        AlertMessage warningCert = new AlertMessage(AlertLevel.WARNING, Alert.CERTIFICATE_EXPIRED);
        assertFalse(warningCert.isError(ProtocolVersion.TLS12));
        assertFalse(warningCert.isError(null));
        assertTrue(warningCert.isError(ProtocolVersion.TLS13));
        assertTrue(AlertMessage.fatal(Alert.CERTIFICATE_EXPIRED).isError(ProtocolVersion.TLS10));
        assertFalse(AlertMessage.fatal(Alert.CLOSE_NOTIFY).isError(ProtocolVersion.TLS13));
    }

    @Test
    void alertsWeSendHaveTheLevelTheirVersionPrescribes() {
        assertEquals(AlertMessage.CLOSE_NOTIFY, AlertMessage.toSend(Alert.CLOSE_NOTIFY, ProtocolVersion.TLS13));
        assertEquals(AlertLevel.WARNING, AlertMessage.toSend(Alert.USER_CANCELED, ProtocolVersion.TLS12).level());
        assertEquals(AlertLevel.WARNING, AlertMessage.toSend(Alert.NO_RENEGOTIATION, ProtocolVersion.TLS12).level());
        assertEquals(AlertLevel.FATAL, AlertMessage.toSend(Alert.NO_RENEGOTIATION, ProtocolVersion.TLS13).level());
        for (Alert a : Alert.values()) {
            AlertMessage sent = AlertMessage.toSend(a, ProtocolVersion.TLS13);
            assertEquals(sent.level() == AlertLevel.FATAL, sent.isError(ProtocolVersion.TLS13),
                    a + ": what we send fatal, a TLS 1.3 peer treats as an error");
        }
        assertEquals(AlertLevel.FATAL, AlertMessage.toSend(Alert.BAD_RECORD_MAC, null).level());
    }

    @Test
    void alertRecordsHoldExactlyOneAlert() {
        TlsException e = assertThrows(TlsException.class, () -> new RecordReader()
                .read(ByteBuffer.wrap(Chunks.record(21, 0x0303, new byte[] {1, 0, 1, 0}))));
        assertEquals(ErrorCode.RECORD_DECODE_ERROR, e.code());
    }

    @Test
    void writerEncodesAlertRecords() throws TlsException {
        RecordWriter writer = new RecordWriter();
        writer.setVersion(ProtocolVersion.TLS12);
        ByteBuffer dst = ByteBuffer.allocate(7);
        assertTrue(writer.writeAlert(AlertMessage.fatal(Alert.DECODE_ERROR), dst));
        assertEquals(java.util.List.of(21, 3, 3, 0, 2, 2, 50), Chunks.bytesAsInts(dst.array()));
        assertFalse(writer.writeAlert(AlertMessage.CLOSE_NOTIFY, ByteBuffer.allocate(6)));
    }
}
