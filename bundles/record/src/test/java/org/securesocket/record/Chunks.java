package org.securesocket.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.securesocket.common.TlsException;

/** Test helper: feeds wire bytes to a reader in chosen chunkings and collects what comes out. */
final class Chunks {
    private Chunks() {
    }

    /** One message as seen by the test, copied out of the reader's reusable views. */
    record Received(InboundMessage message, byte[] applicationData) {
    }

    /** Feeds {@code wire} in chunks of random sizes 1..maxChunk (each chunk its own buffer). */
    static List<Received> feed(RecordReader reader, byte[] wire, Random random, int maxChunk) throws TlsException {
        List<Received> out = new ArrayList<>();
        int at = 0;
        while (at < wire.length) {
            int n = Math.min(wire.length - at, 1 + random.nextInt(maxChunk));
            ByteBuffer chunk = ByteBuffer.allocate(n).put(wire, at, n).flip();
            drain(reader, chunk, out);
            if (chunk.hasRemaining()) {
                throw new AssertionError("the reader left input unconsumed");
            }
            at += n;
        }
        return out;
    }

    /** Reads everything {@code chunk} yields. */
    static void drain(RecordReader reader, ByteBuffer chunk, List<Received> out) throws TlsException {
        InboundMessage m;
        while ((m = reader.read(chunk)) != null) {
            if (m instanceof ApplicationData data) {
                byte[] copy = new byte[data.data().remaining()];
                data.data().duplicate().get(copy);
                out.add(new Received(m, copy));
            } else {
                out.add(new Received(m, null));
            }
        }
    }

    static byte[] bytes(ByteBuffer flipped) {
        byte[] b = new byte[flipped.remaining()];
        flipped.duplicate().get(b);
        return b;
    }

    static java.util.List<Integer> bytesAsInts(byte[] b) {
        java.util.List<Integer> out = new ArrayList<>();
        for (byte x : b) {
            out.add(x & 0xff);
        }
        return out;
    }

    static byte[] record(int type, int version, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putShort((short) version)
                .putShort((short) body.length).put(body).array();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
