package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/** Framing, assembly and header checks, before any keys: writer to reader through random chunkings. */
class PlaintextRecordTest {

    private static byte[] handshakeWire(RecordWriter writer, List<HandshakeFrame> frames) throws TlsException {
        ByteBuffer content = ByteBuffer.allocate(1 << 20);
        for (HandshakeFrame f : frames) {
            content.put(f.encoded());
        }
        content.flip();
        ByteBuffer wire = ByteBuffer.allocate(writer.wireLength(ContentType.HANDSHAKE, content.remaining()));
        assertEquals(content.remaining(), writer.write(ContentType.HANDSHAKE, content, wire));
        assertFalse(wire.hasRemaining(), "wireLength is exact");
        return wire.array();
    }

    private static List<HandshakeFrame> randomFrames(Random random, int count, int maxBody) {
        List<HandshakeFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] body = new byte[random.nextInt(maxBody + 1)];
            random.nextBytes(body);
            frames.add(HandshakeFrame.of(1 + random.nextInt(24), body));
        }
        return frames;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 7, 100, 4096, 40000})
    void handshakeMessagesSurviveAnyChunkingAndFragmentLimit(int maxChunk) throws TlsException {
        Random random = new Random(maxChunk);
        for (int round = 0; round < 20; round++) {
            RecordWriter writer = new RecordWriter();
            if (random.nextBoolean()) {
                writer.setPlaintextLimit(PlaintextLimit.maxFragmentLength(1 + random.nextInt(4)));
            }
            List<HandshakeFrame> frames = randomFrames(random, 1 + random.nextInt(6), random.nextInt(3) == 0 ? 30000 : 300);
            byte[] wire = handshakeWire(writer, frames);
            List<Chunks.Received> got = Chunks.feed(new RecordReader(), wire, random, maxChunk);
            assertEquals(frames, got.stream().map(Chunks.Received::message).toList());
        }
    }

    @Test
    void manyMessagesInOneRecordComeOutOneByOne() throws TlsException {
        List<HandshakeFrame> frames = randomFrames(new Random(3), 10, 20);
        byte[] wire = handshakeWire(new RecordWriter(), frames);
        assertEquals(1, countRecords(wire));
        RecordReader reader = new RecordReader();
        ByteBuffer src = ByteBuffer.wrap(wire);
        for (HandshakeFrame f : frames) {
            assertEquals(f, reader.read(src));
        }
        assertNull(reader.read(src));
    }

    @Test
    void consumesNoMoreThanTheRecordItReturns() throws TlsException {
        byte[] one = Chunks.record(22, 0x0303, HandshakeFrame.of(1, new byte[100]).encoded());
        ByteBuffer src = ByteBuffer.wrap(Chunks.concat(one, one, one));
        RecordReader reader = new RecordReader();
        reader.read(src);
        assertEquals(one.length, src.position(), "the rest stays with the caller");
        reader.read(src);
        assertEquals(2 * one.length, src.position());
    }

    @Test
    void oneMessageAcrossManyRecords() throws TlsException {
        RecordWriter writer = new RecordWriter();
        writer.setPlaintextLimit(PlaintextLimit.maxFragmentLength(1));
        byte[] body = new byte[50_000];
        new Random(5).nextBytes(body);
        HandshakeFrame big = HandshakeFrame.of(11, body);
        byte[] wire = handshakeWire(writer, List.of(big));
        assertEquals((50_004 + 511) / 512, countRecords(wire));
        assertEquals(big, new RecordReader().read(ByteBuffer.wrap(wire)));
    }

    private static int countRecords(byte[] wire) {
        int n = 0;
        for (int at = 0; at < wire.length; n++) {
            int length = (wire[at + 3] & 0xff) << 8 | wire[at + 4] & 0xff;
            assertTrue(length <= PlaintextLimit.MAX_CONTENT);
            at += 5 + length;
        }
        return n;
    }

    @Test
    void writesNoMoreThanFitsAndNeverDrops() throws TlsException {
        RecordWriter writer = new RecordWriter();
        writer.setPlaintextLimit(PlaintextLimit.maxFragmentLength(1));
        ByteBuffer src = ByteBuffer.wrap(new byte[1500]);
        ByteBuffer dst = ByteBuffer.allocate(5 + 512 + 5 + 100);
        assertEquals(512, writer.write(ContentType.HANDSHAKE, src, dst), "only whole records are written");
        assertEquals(988, src.remaining());
        dst = ByteBuffer.allocate(3000);
        assertEquals(988, writer.write(ContentType.HANDSHAKE, src, dst));
        assertEquals(5 + 512 + 5 + 476, dst.position());
    }

    @Test
    void recordVersionFollowsThePhase() throws TlsException {
        RecordWriter writer = new RecordWriter();
        ByteBuffer dst = ByteBuffer.allocate(100);
        writer.write(ContentType.HANDSHAKE, ByteBuffer.wrap(new byte[] {1, 0, 0, 0}), dst);
        assertEquals(0x0301, dst.getShort(1), "initial ClientHello record version");
        writer.setVersion(ProtocolVersion.TLS13);
        dst.clear();
        writer.write(ContentType.HANDSHAKE, ByteBuffer.wrap(new byte[] {1, 0, 0, 0}), dst);
        assertEquals(0x0303, dst.getShort(1), "TLS 1.3 legacy_record_version");
    }

    private static TlsException readFails(RecordReader reader, byte[] wire) {
        return assertThrows(TlsException.class, () -> Chunks.drain(reader, ByteBuffer.wrap(wire), new ArrayList<>()));
    }

    @Test
    void unknownContentTypeIsUnexpected() {
        TlsException e = readFails(new RecordReader(), Chunks.record(24, 0x0303, new byte[] {1}));
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, e.code());
        e = readFails(new RecordReader(), "HTTP/1.1 400 Bad Request\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(e.getMessage().contains("HTTP"), e.getMessage());
    }

    @Test
    void recordVersionIsCheckedPerPhase() throws TlsException {
        byte[] hello = HandshakeFrame.of(2, new byte[3]).encoded();
        assertEquals(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, readFails(new RecordReader(), Chunks.record(22, 0x0200, hello)).code());
        assertTrue(new RecordReader().read(ByteBuffer.wrap(Chunks.record(22, 0x0300, hello))) instanceof HandshakeFrame,
                "any {3, x} before the version is known (RFC 5246 appendix E.1)");
        RecordReader tls12 = new RecordReader();
        tls12.setVersion(ProtocolVersion.TLS12);
        assertEquals(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, readFails(tls12, Chunks.record(22, 0x0301, hello)).code());
        RecordReader tls13 = new RecordReader();
        tls13.setVersion(ProtocolVersion.TLS13);
        assertTrue(tls13.read(ByteBuffer.wrap(Chunks.record(22, 0x0301, hello))) instanceof HandshakeFrame,
                "TLS 1.3 ignores legacy_record_version (RFC 8446 section 5.1)");
    }

    @Test
    void oversizedRecordIsRefusedFromItsHeaderAlone() throws TlsException {
        ByteBuffer header = ByteBuffer.allocate(5).put((byte) 22).putShort((short) 0x0303).putShort((short) 16385).flip();
        TlsException e = assertThrows(TlsException.class, () -> new RecordReader().read(header));
        assertEquals(ErrorCode.RECORD_OVERFLOW, e.code());
        RecordReader limited = new RecordReader();
        limited.setPlaintextLimit(PlaintextLimit.maxFragmentLength(1));
        TlsException broken = readFails(limited, Chunks.record(22, 0x0303, new byte[513]));
        assertEquals(ErrorCode.RECORD_OVERFLOW, broken.code());
        assertTrue(broken.getMessage().contains("agreed to at most 512 bytes (max_fragment_length 512)"),
                broken::getMessage);
        assertFalse(e.getMessage().contains("agreed"), "no hint without a negotiated limit: " + e.getMessage());
    }

    @Test
    void applicationDataBeforeKeysAndEmptyHandshakeAreRefused() {
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE,
                readFails(new RecordReader(), Chunks.record(23, 0x0303, new byte[] {1})).code());
        assertEquals(ErrorCode.RECORD_DECODE_ERROR, readFails(new RecordReader(), Chunks.record(22, 0x0303, new byte[0])).code());
    }

    @Test
    void nothingMayInterruptAFragmentedHandshakeMessage() {
        byte[] msg = HandshakeFrame.of(11, new byte[10]).encoded();
        byte[] wire = Chunks.concat(Chunks.record(22, 0x0303, java.util.Arrays.copyOf(msg, 6)),
                Chunks.record(21, 0x0303, new byte[] {1, 0}));
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, readFails(new RecordReader(), wire).code());
    }

    @Test
    void keysMayNotChangeInsideAHandshakeMessage() throws TlsException {
        byte[] msg = HandshakeFrame.of(2, new byte[10]).encoded();
        RecordReader reader = new RecordReader();
        assertNull(reader.read(ByteBuffer.wrap(Chunks.record(22, 0x0303, java.util.Arrays.copyOf(msg, 7)))));
        TlsException e = assertThrows(TlsException.class, () -> reader.setProtection(RecordProtection.none()));
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, e.code());
        assertSame(e, assertThrows(TlsException.class, () -> reader.read(ByteBuffer.allocate(0))), "failure is final");

        RecordReader trailing = new RecordReader();
        byte[] two = Chunks.concat(msg, HandshakeFrame.of(8, new byte[2]).encoded());
        assertTrue(trailing.read(ByteBuffer.wrap(Chunks.record(22, 0x0303, two))) instanceof HandshakeFrame);
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE,
                assertThrows(TlsException.class, () -> trailing.setProtection(RecordProtection.none())).code(),
                "a whole message still queued behind the key change is refused too");
    }

    @Test
    void tooLargeHandshakeMessageIsRefusedFromItsHeader() {
        byte[] header = {11, 0x01, 0x00, 0x01}; // 65537 bytes announced
        TlsException e = readFails(new RecordReader(), Chunks.record(22, 0x0303, header));
        assertEquals(ErrorCode.RECORD_HANDSHAKE_TOO_LARGE, e.code());
        assertTrue(e.getMessage().contains("65536"), e.getMessage());
        assertEquals(ErrorCode.RECORD_HANDSHAKE_TOO_LARGE,
                readFails(new RecordReader(100), Chunks.record(22, 0x0303, new byte[] {11, 0, 0, 101})).code());
    }

    @Test
    void readOnlyInputIsGatheredNotDecryptedInPlace() throws TlsException {
        HandshakeFrame f = HandshakeFrame.of(20, new byte[] {1, 2, 3});
        ByteBuffer src = ByteBuffer.wrap(Chunks.record(22, 0x0303, f.encoded())).asReadOnlyBuffer();
        assertEquals(f, new RecordReader().read(src));
        assertFalse(src.hasRemaining());
    }

    @Test
    void endOfInputReportsTruncation() throws TlsException {
        RecordReader midRecord = new RecordReader();
        assertNull(midRecord.read(ByteBuffer.wrap(new byte[] {22, 3, 3, 0, 10, 1})));
        TlsException e = assertThrows(TlsException.class, midRecord::endOfInput);
        assertEquals(ErrorCode.RECORD_TRUNCATED, e.code());
        assertTrue(e.getMessage().contains("middle of a record"));
        assertEquals(ErrorCode.RECORD_TRUNCATED, assertThrows(TlsException.class, new RecordReader()::endOfInput).code());
    }

    @Test
    void changeCipherSpecBeforeTls13() throws TlsException {
        assertSame(ChangeCipherSpec.INSTANCE, new RecordReader().read(ByteBuffer.wrap(Chunks.record(20, 0x0303, new byte[] {1}))));
        assertEquals(ErrorCode.RECORD_DECODE_ERROR, readFails(new RecordReader(), Chunks.record(20, 0x0303, new byte[] {2})).code());
        assertEquals(ErrorCode.RECORD_DECODE_ERROR, readFails(new RecordReader(), Chunks.record(20, 0x0303, new byte[] {1, 1})).code());
    }

    @Test
    void tls13CompatibilityCcsIsDroppedOnceBeforeFinished() throws TlsException {
        byte[] ccs = Chunks.record(20, 0x0303, new byte[] {1});
        byte[] hs = Chunks.record(22, 0x0303, HandshakeFrame.of(8, new byte[0]).encoded());
        RecordReader reader = new RecordReader();
        reader.setVersion(ProtocolVersion.TLS13);
        assertTrue(reader.read(ByteBuffer.wrap(Chunks.concat(ccs, hs))) instanceof HandshakeFrame);
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, readFails(reader, ccs).code(), "a second CCS");

        RecordReader afterFinished = new RecordReader();
        afterFinished.setVersion(ProtocolVersion.TLS13);
        afterFinished.peerFinished();
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, readFails(afterFinished, ccs).code());

        RecordReader badValue = new RecordReader();
        badValue.setVersion(ProtocolVersion.TLS13);
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, readFails(badValue, Chunks.record(20, 0x0303, new byte[] {2})).code());
    }

    @Test
    void writerSendsTls13CompatibilityCcsUnprotected() throws TlsException {
        RecordWriter writer = new RecordWriter();
        writer.setVersion(ProtocolVersion.TLS13);
        ByteBuffer dst = ByteBuffer.allocate(6);
        assertTrue(writer.writeChangeCipherSpec(dst));
        assertArrayEquals(new byte[] {20, 3, 3, 0, 1, 1}, dst.array());
        assertFalse(writer.writeChangeCipherSpec(ByteBuffer.allocate(5)));
    }
}
