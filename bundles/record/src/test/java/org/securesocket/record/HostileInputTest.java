package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.securesocket.common.TlsException;

/** Random and mutated input may fail only with a TlsException, never with anything else. */
class HostileInputTest {

    static void feedExpectingOnlyTlsExceptions(RecordReader reader, byte[] wire, Random random) {
        try {
            Chunks.feed(reader, wire, random, 1 + random.nextInt(64));
        } catch (TlsException expected) {
            // the only allowed failure
        } catch (RuntimeException e) {
            fail("hostile input escaped as " + e, e);
        }
    }

    @Test
    void randomBytesAndMutatedStreams() throws TlsException {
        Random random = new Random(42);
        RecordWriter writer = new RecordWriter();
        byte[] valid;
        ByteBuffer content = ByteBuffer.allocate(3000);
        content.put(HandshakeFrame.of(2, new byte[1000]).encoded()).put(HandshakeFrame.of(11, new byte[1900]).encoded());
        ByteBuffer wire = ByteBuffer.allocate(4000);
        writer.write(ContentType.HANDSHAKE, content.flip(), wire);
        valid = Chunks.bytes(wire.flip());
        for (int i = 0; i < 3000; i++) {
            byte[] input;
            if (i % 3 == 0) {
                input = new byte[random.nextInt(200)];
                random.nextBytes(input);
                if (input.length > 0) {
                    input[0] = (byte) (20 + random.nextInt(4));
                }
            } else {
                input = valid.clone();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    input[random.nextInt(input.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            RecordReader reader = new RecordReader(1 + random.nextInt(4000));
            if (random.nextBoolean()) {
                reader.setVersion(ProtocolVersion.values()[random.nextInt(4)]);
            }
            feedExpectingOnlyTlsExceptions(reader, input, random);
        }
        Chunks.drain(new RecordReader(), ByteBuffer.wrap(valid), new ArrayList<>());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Mode.class)
    void mutatedProtectedStreams(Mode mode) throws TlsException {
        Random random = new Random(mode.ordinal() + 100);
        byte[][] keys = mode.keys(random);
        RecordWriter writer = mode.writer(keys);
        ByteBuffer wire = ByteBuffer.allocate(20_000);
        byte[] data = new byte[3000];
        random.nextBytes(data);
        writer.write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(data), wire);
        writer.write(ContentType.HANDSHAKE, ByteBuffer.wrap(HandshakeFrame.of(4, new byte[700]).encoded()), wire);
        writer.writeAlert(AlertMessage.CLOSE_NOTIFY, wire);
        byte[] valid = Chunks.bytes(wire.flip());
        for (int i = 0; i < 300; i++) {
            byte[] input = valid.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                input[random.nextInt(input.length)] ^= (byte) (1 + random.nextInt(255));
            }
            feedExpectingOnlyTlsExceptions(mode.reader(keys), input, random);
            byte[] truncated = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            feedExpectingOnlyTlsExceptions(mode.reader(keys), truncated, random);
        }
    }
}
