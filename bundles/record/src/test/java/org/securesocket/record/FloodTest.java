package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.record.internal.Protection;

/**
 * Records that carry nothing for the application (empty application data, warning alerts,
 * post-handshake messages) are accepted a few at a time but a flood of them is refused after
 * {@link RecordReader#MAX_NON_ADVANCING_RECORDS} in a row, whatever the protection.
 */
class FloodTest {
    private static final int LIMIT = RecordReader.MAX_NON_ADVANCING_RECORDS;

    /** One record of {@code type} holding {@code content}, sealed under {@code sealer}. */
    private static byte[] sealed(Protection sealer, Mode mode, ContentType type, byte[] content) throws TlsException {
        ByteBuffer out = ByteBuffer.allocate(Protection.HEADER_LENGTH + sealer.sealedLength(content.length));
        sealer.seal(type, mode.version.recordVersion(), ByteBuffer.wrap(content), out);
        return Chunks.bytes(out.flip());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void endlessEmptyApplicationDataIsRefused(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(mode.ordinal()));
        Protection sealer = mode.protection(keys).protection();
        sealer.bind();
        RecordReader reader = mode.reader(keys);
        ByteBuffer wire = ByteBuffer.allocate((LIMIT + 1) * 200);
        for (int i = 0; i <= LIMIT; i++) {
            wire.put(sealed(sealer, mode, ContentType.APPLICATION_DATA, new byte[0]));
        }
        TlsException e = assertThrows(TlsException.class, () -> reader.read(wire.flip()));
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, e.code(), e::toString);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"TLS12_AES_128_GCM", "TLS13_AES_128_GCM"})
    void endlessWarningAlertsAndPostHandshakeMessagesAreRefused(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(7));
        RecordReader alerts = mode.reader(keys);
        // user_canceled is a warning in TLS 1.2 and the one non-closure alert that is no error in TLS 1.3
        RecordWriter alertWriter = mode.writer(keys);
        ByteBuffer stream = ByteBuffer.allocate((LIMIT + 2) * 64);
        for (int i = 0; i <= LIMIT; i++) {
            alertWriter.writeAlert(new AlertMessage(org.securesocket.common.AlertLevel.WARNING,
                    org.securesocket.common.Alert.USER_CANCELED), stream);
        }
        TlsException e = assertThrows(TlsException.class, () -> Chunks.drain(alerts, stream.flip(),
                new java.util.ArrayList<>()));
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, e.code(), e::toString);

        RecordWriter handshakeWriter = mode.writer(keys);
        ByteBuffer messages = ByteBuffer.allocate((LIMIT + 2) * 64);
        for (int i = 0; i <= LIMIT; i++) {
            handshakeWriter.write(ContentType.HANDSHAKE, ByteBuffer.wrap(HandshakeFrame.of(24, new byte[1]).encoded()),
                    messages);
        }
        TlsException flood = assertThrows(TlsException.class, () -> Chunks.drain(mode.reader(keys), messages.flip(),
                new java.util.ArrayList<>()));
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, flood.code(), flood::toString);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"TLS12_AES_128_GCM", "TLS13_AES_128_GCM"})
    void applicationDataBetweenThemResetsTheCount(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(9));
        RecordWriter writer = mode.writer(keys);
        ByteBuffer stream = ByteBuffer.allocate(10 * LIMIT * 64);
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < LIMIT; i++) {
                writer.writeAlert(new AlertMessage(org.securesocket.common.AlertLevel.WARNING,
                        org.securesocket.common.Alert.USER_CANCELED), stream);
            }
            writer.write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(new byte[] {1}), stream);
        }
        java.util.List<Chunks.Received> out = new java.util.ArrayList<>();
        Chunks.drain(mode.reader(keys), stream.flip(), out);
        assertEquals(4 * (LIMIT + 1), out.size());
    }
}
