package org.securesocket.record.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.record.HandshakeFrame;

class HandshakeAssemblerTest {

    @Test
    void splitsAndJoinsAtEveryOffset() throws TlsException {
        byte[] a = HandshakeFrame.of(1, new byte[] {9, 8, 7}).encoded();
        byte[] b = HandshakeFrame.of(2, new byte[0]).encoded();
        byte[] c = HandshakeFrame.of(11, new byte[300]).encoded();
        byte[] all = ByteBuffer.allocate(a.length + b.length + c.length).put(a).put(b).put(c).array();
        for (int cut = 0; cut <= all.length; cut++) {
            HandshakeAssembler assembler = new HandshakeAssembler(1000);
            assembler.add(ByteBuffer.wrap(all, 0, cut));
            int got = 0;
            while (assembler.next() != null) {
                got++;
            }
            assembler.add(ByteBuffer.wrap(all, cut, all.length - cut));
            while (assembler.next() != null) {
                got++;
            }
            assertEquals(3, got, "cut at " + cut);
            assertTrue(assembler.isEmpty());
        }
    }

    @Test
    void givesBackTheRoomOfALargeMessageOnceDrained() throws TlsException {
        HandshakeAssembler assembler = new HandshakeAssembler(10_000);
        byte[] large = HandshakeFrame.of(11, new byte[5000]).encoded();
        byte[] small = HandshakeFrame.of(4, new byte[] {1, 2}).encoded();
        assembler.add(ByteBuffer.wrap(large, 0, 3000));
        assembler.add(ByteBuffer.wrap(large, 3000, large.length - 3000));
        assertTrue(assembler.capacity() >= large.length);
        assertEquals(5000, assembler.next().body().remaining());
        assertEquals(256, assembler.capacity(), "drained: back to the initial buffer");
        assembler.add(ByteBuffer.wrap(small));
        assertEquals(2, assembler.next().body().remaining());
        assertTrue(assembler.isEmpty());
    }

    @Test
    void boundsTheMessageLengthAtTheLimit() throws TlsException {
        HandshakeAssembler exact = new HandshakeAssembler(10);
        exact.add(ByteBuffer.wrap(HandshakeFrame.of(1, new byte[10]).encoded()));
        assertEquals(10, exact.next().body().remaining());
        HandshakeAssembler over = new HandshakeAssembler(10);
        TlsException e = assertThrows(TlsException.class, () -> over.add(ByteBuffer.wrap(new byte[] {1, 0, 0, 11})));
        assertEquals(ErrorCode.RECORD_HANDSHAKE_TOO_LARGE, e.code());
        HandshakeAssembler partialHeader = new HandshakeAssembler(10);
        partialHeader.add(ByteBuffer.wrap(new byte[] {1, 0}));
        assertNull(partialHeader.next());
        assertThrows(TlsException.class, () -> partialHeader.add(ByteBuffer.wrap(new byte[] {(byte) 0xff, 0})));
    }

    @Test
    void rejectsOutOfRangeConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new HandshakeAssembler(-1));
        assertThrows(IllegalArgumentException.class, () -> new HandshakeAssembler(1 << 24));
    }
}
