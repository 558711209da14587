package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/** Round trips, tampering, replay and reordering for every protection mode and version. */
class ProtectedRecordTest {

    /** One write of random content: application data or handshake messages. */
    private record Write(ContentType type, byte[] content) {
    }

    private static List<Write> randomWrites(Random random) {
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (random.nextInt(4) == 0) {
                byte[] body = new byte[random.nextInt(3000)];
                random.nextBytes(body);
                writes.add(new Write(ContentType.HANDSHAKE, HandshakeFrame.of(4, body).encoded()));
            } else {
                byte[] data = new byte[1 + random.nextInt(random.nextBoolean() ? 200 : 40_000)];
                random.nextBytes(data);
                writes.add(new Write(ContentType.APPLICATION_DATA, data));
            }
        }
        return writes;
    }

    private static byte[] encode(RecordWriter writer, List<Write> writes) throws TlsException {
        ByteBuffer wire = ByteBuffer.allocate(1 << 20);
        for (Write w : writes) {
            int expected = writer.wireLength(w.type(), w.content().length);
            int before = wire.position();
            assertEquals(w.content().length, writer.write(w.type(), ByteBuffer.wrap(w.content()), wire));
            assertEquals(expected, wire.position() - before, "wireLength is exact");
        }
        return Chunks.bytes(wire.flip());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void roundTripsRandomSizesThroughRandomChunkings(Mode mode) throws TlsException {
        Random random = new Random(mode.ordinal());
        for (int round = 0; round < 6; round++) {
            byte[][] keys = mode.keys(random);
            RecordWriter writer = mode.writer(keys);
            RecordReader reader = mode.reader(keys);
            if (round % 2 == 1) {
                PlaintextLimit limit = PlaintextLimit.maxFragmentLength(1 + random.nextInt(4));
                writer.setPlaintextLimit(limit);
                reader.setPlaintextLimit(limit);
            }
            List<Write> writes = randomWrites(random);
            byte[] wire = encode(writer, writes);
            List<Chunks.Received> got = Chunks.feed(reader, wire, random, 1 + random.nextInt(round < 3 ? 50 : 20_000));
            ByteBuffer expectedData = ByteBuffer.allocate(wire.length);
            ByteBuffer gotData = ByteBuffer.allocate(wire.length);
            List<InboundMessage> expectedFrames = new ArrayList<>();
            for (Write w : writes) {
                if (w.type() == ContentType.APPLICATION_DATA) {
                    expectedData.put(w.content());
                } else {
                    expectedFrames.add(new HandshakeFrame(w.content()));
                }
            }
            List<InboundMessage> gotFrames = new ArrayList<>();
            for (Chunks.Received r : got) {
                if (r.applicationData() != null) {
                    gotData.put(r.applicationData());
                } else {
                    gotFrames.add(r.message());
                }
            }
            assertEquals(expectedFrames, gotFrames);
            assertArrayEquals(Chunks.bytes(expectedData.flip()), Chunks.bytes(gotData.flip()));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void recordsRespectTheNegotiatedLimitAndAreRejectedAboveIt(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(7));
        RecordWriter writer = mode.writer(keys);
        PlaintextLimit rsl = PlaintextLimit.recordSizeLimit(1000, mode.version);
        writer.setPlaintextLimit(rsl);
        byte[] wire = encode(writer, List.of(new Write(ContentType.APPLICATION_DATA, new byte[5000])));
        RecordReader strict = mode.reader(keys);
        strict.setPlaintextLimit(rsl);
        assertEquals(5000, Chunks.feed(strict, wire, new Random(1), 100).stream()
                .mapToInt(r -> r.applicationData().length).sum());
        RecordReader tiny = mode.reader(keys);
        tiny.setPlaintextLimit(PlaintextLimit.maxFragmentLength(1));
        int expansion = mode.version == ProtocolVersion.TLS13 ? 256 : 2048;
        ByteBuffer header = ByteBuffer.allocate(5).put((byte) 23).putShort((short) mode.version.recordVersion())
                .putShort((short) (512 + expansion + 1)).flip();
        assertEquals(ErrorCode.RECORD_OVERFLOW, assertThrows(TlsException.class, () -> tiny.read(header)).code(),
                "refused from the header: more than the negotiated limit plus the protocol's expansion");
        RecordReader smaller = mode.reader(keys);
        smaller.setPlaintextLimit(PlaintextLimit.recordSizeLimit(999, mode.version));
        TlsException e = assertThrows(TlsException.class, () -> Chunks.feed(smaller, wire, new Random(1), 100));
        assertEquals(ErrorCode.RECORD_OVERFLOW, e.code());
    }

    private static int firstRecordLength(byte[] wire) {
        return (wire[3] & 0xff) << 8 | wire[4] & 0xff;
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = "TLS13_AES_128_GCM")
    void tls13CountsTheInnerTypeByteForRecordSizeLimitOnly(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(8));
        RecordWriter rsl = mode.writer(keys);
        rsl.setPlaintextLimit(PlaintextLimit.recordSizeLimit(1000, ProtocolVersion.TLS13));
        byte[] wire = encode(rsl, List.of(new Write(ContentType.APPLICATION_DATA, new byte[3000])));
        assertEquals(1000 + 16, firstRecordLength(wire), "999 content + 1 type byte = the limit of 1000");
        RecordWriter mfl = mode.writer(keys);
        mfl.setPlaintextLimit(PlaintextLimit.maxFragmentLength(1));
        wire = encode(mfl, List.of(new Write(ContentType.APPLICATION_DATA, new byte[3000])));
        assertEquals(512 + 1 + 16, firstRecordLength(wire), "512 content, the type byte on top");
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = "TLS10.*", mode = EnumSource.Mode.MATCH_ANY)
    void tls10SplitsApplicationDataOneAndRest(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(9));
        byte[] wire = encode(mode.writer(keys), List.of(new Write(ContentType.APPLICATION_DATA, new byte[100])));
        int first = firstRecordLength(wire);
        if (mode.name().endsWith("ETM")) {
            assertEquals(16 + 20, first, "1 byte and padding in one block, then the 20-byte MAC");
        } else {
            assertEquals(32, first, "1 byte, the 20-byte MAC and padding: two blocks");
        }
        int second = (wire[5 + first + 3] & 0xff) << 8 | wire[5 + first + 4] & 0xff;
        assertEquals(wire.length, 5 + first + 5 + second, "exactly two records");
    }

    /** One record of 100 bytes: a handshake message (application data would be split in TLS 1.0). */
    private static byte[] oneRecord(Mode mode, byte[][] keys) throws TlsException {
        return encode(mode.writer(keys), List.of(new Write(ContentType.HANDSHAKE, HandshakeFrame.of(1, new byte[96]).encoded())));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void tamperingAnyBodyByteFailsWithBadRecordMac(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(11));
        byte[] record = oneRecord(mode, keys);
        for (int i = 5; i < record.length; i++) {
            byte[] tampered = record.clone();
            tampered[i] ^= 0x01;
            RecordReader reader = mode.reader(keys);
            TlsException e = assertThrows(TlsException.class, () -> reader.read(ByteBuffer.wrap(tampered)), "byte " + i);
            assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code(), "byte " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void tamperingTheHeaderNeverDeliversData(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(12));
        byte[] record = oneRecord(mode, keys);
        for (int i = 0; i < 5; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = record.clone();
                tampered[i] ^= (byte) (1 << bit);
                RecordReader reader = mode.reader(keys);
                List<Chunks.Received> got = new ArrayList<>();
                try {
                    Chunks.drain(reader, ByteBuffer.wrap(tampered), got);
                    assertTrue(got.isEmpty(), "byte " + i + " bit " + bit + " delivered " + got);
                    assertThrows(TlsException.class, reader::endOfInput);
                } catch (TlsException expected) {
                    assertNotEquals(ErrorCode.INTERNAL_ERROR, expected.code());
                }
            }
        }
        // the type byte is authenticated: another valid type fails the MAC, not a type check
        byte[] retyped = record.clone();
        retyped[0] = (byte) ContentType.APPLICATION_DATA.code();
        if (mode.version != ProtocolVersion.TLS13) {
            TlsException e = assertThrows(TlsException.class, () -> mode.reader(keys).read(ByteBuffer.wrap(retyped)));
            assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void replayedOrReorderedRecordsFail(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(13));
        RecordWriter writer = mode.writer(keys);
        byte[] first = encode(writer, List.of(new Write(ContentType.APPLICATION_DATA, new byte[] {1})));
        byte[] second = encode(writer, List.of(new Write(ContentType.APPLICATION_DATA, new byte[] {4})));
        RecordReader replay = mode.reader(keys);
        assertTrue(replay.read(ByteBuffer.wrap(first.clone())) instanceof ApplicationData);
        TlsException e = assertThrows(TlsException.class, () -> replay.read(ByteBuffer.wrap(first.clone())));
        assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code());

        RecordReader reorder = mode.reader(keys);
        e = assertThrows(TlsException.class, () -> reorder.read(ByteBuffer.wrap(second.clone())));
        assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code());

        RecordReader inOrder = mode.reader(keys);
        ApplicationData data = (ApplicationData) inOrder.read(ByteBuffer.wrap(Chunks.concat(first, second)));
        assertEquals(1, data.data().get());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = "TLS13.*", mode = EnumSource.Mode.MATCH_ANY)
    void tls13HidesTheTypeAndRefusesPlaintextRecordsAfterKeys(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(14));
        RecordWriter writer = mode.writer(keys);
        ByteBuffer wire = ByteBuffer.allocate(100);
        writer.writeAlert(AlertMessage.CLOSE_NOTIFY, wire);
        assertEquals(ContentType.APPLICATION_DATA.code(), wire.get(0), "outer type of an alert");
        assertEquals(AlertMessage.CLOSE_NOTIFY, mode.reader(keys).read(wire.flip()));

        TlsException e = assertThrows(TlsException.class,
                () -> mode.reader(keys).read(ByteBuffer.wrap(Chunks.record(21, 0x0303, new byte[] {2, 40}))));
        assertEquals(ErrorCode.RECORD_UNEXPECTED_MESSAGE, e.code());
        e = assertThrows(TlsException.class,
                () -> mode.reader(keys).read(ByteBuffer.wrap(Chunks.record(23, 0x0303, new byte[15]))));
        assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code(), "shorter than the tag");
        e = assertThrows(TlsException.class, () -> mode.reader(keys).read(ByteBuffer.wrap(Chunks.record(23, 0x0303,
                new byte[PlaintextLimit.MAX_CONTENT + 257]))));
        assertEquals(ErrorCode.RECORD_OVERFLOW, e.code(), "2^14 + 256 is the TLS 1.3 ciphertext maximum");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void worksOnDirectBuffersAsNioAdaptersUseThem(Mode mode) throws TlsException {
        Random random = new Random(16);
        byte[][] keys = mode.keys(random);
        RecordWriter writer = mode.writer(keys);
        byte[] data = new byte[50_000];
        random.nextBytes(data);
        ByteBuffer src = ByteBuffer.allocateDirect(data.length).put(data).flip();
        ByteBuffer wire = ByteBuffer.allocateDirect(writer.wireLength(ContentType.APPLICATION_DATA, data.length));
        assertEquals(data.length, writer.write(ContentType.APPLICATION_DATA, src, wire));
        wire.flip();
        RecordReader reader = mode.reader(keys);
        ByteBuffer received = ByteBuffer.allocate(data.length);
        ByteBuffer chunk = ByteBuffer.allocateDirect(7000);
        while (wire.hasRemaining()) {
            int n = Math.min(wire.remaining(), 1 + random.nextInt(chunk.capacity()));
            chunk.clear();
            chunk.put(wire.slice().limit(n)).flip();
            wire.position(wire.position() + n);
            InboundMessage m;
            while ((m = reader.read(chunk)) != null) {
                received.put(((ApplicationData) m).data());
            }
        }
        assertArrayEquals(data, received.array());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void decryptsInPlaceInTheCallersBuffer(Mode mode) throws TlsException {
        byte[][] keys = mode.keys(new Random(15));
        byte[] data = "in place".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] wire = encode(mode.writer(keys), List.of(new Write(ContentType.APPLICATION_DATA, data)));
        ByteBuffer src = ByteBuffer.wrap(wire);
        RecordReader reader = mode.reader(keys);
        ByteBuffer received = ByteBuffer.allocate(data.length);
        InboundMessage m;
        while ((m = reader.read(src)) != null) {
            ByteBuffer view = ((ApplicationData) m).data();
            int at = view.position();
            byte[] copy = new byte[view.remaining()];
            view.get(copy);
            assertArrayEquals(copy, java.util.Arrays.copyOfRange(wire, at, at + copy.length),
                    "the plaintext lies in the caller's array");
            received.put(copy);
        }
        assertArrayEquals(data, received.array());
        assertFalse(src.hasRemaining());
    }
}
