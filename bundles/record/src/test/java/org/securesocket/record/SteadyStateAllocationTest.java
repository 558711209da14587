package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.securesocket.common.RandomSource;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * Bytes allocated per full 16 KB TLS 1.3 record, sealed and opened through the record layer the
 * way a connection does it (each "read" takes a pooled buffer, the records are decrypted in place
 * there, the buffer goes back), against the same AES-GCM work on a bare JCA Cipher: the
 * difference is our own code's allocation, which must be nothing (less than one ByteBuffer).
 */
class SteadyStateAllocationTest {
    private static final int CONTENT = PlaintextLimit.MAX_CONTENT;
    private static final int RECORDS_PER_READ = 2;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void ourCodeAllocatesNothingPerRecord() throws Exception {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        // other connections have given buffers back: the pool holds several
        java.util.List<ByteBuffer> others = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(BufferPool.take());
        }
        others.forEach(BufferPool::give);
        RecordLayer layer = new RecordLayer();
        BareJca jca = new BareJca();
        layer.reads(2000);
        jca.records(2000 * RECORDS_PER_READ);
        // the least of five interleaved rounds: a collection in a round (which drops the weakly held
        // views, made again once) or the JIT's work is not what is measured
        double ours = Double.MAX_VALUE;
        double bare = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            ours = Math.min(ours, perRecord(() -> layer.reads(250)));
            bare = Math.min(bare, perRecord(() -> jca.records(250 * RECORDS_PER_READ)));
        }
        System.out.printf("steady state: record layer %.1f B/record, bare JCA %.1f B/record%n", ours, bare);
        assertTrue(ours - bare < 48, "record layer " + ours + " B/record, bare JCA " + bare + " B/record");
    }

    private static double perRecord(ThrowingRunnable run) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        int records = run.run();
        return (double) (THREADS.getCurrentThreadAllocatedBytes() - before) / records;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        int run() throws Exception;
    }

    /** A writer and a reader on the same keys, the writer's output fed to the reader in pooled buffers. */
    private static final class RecordLayer {
        private final RecordWriter writer = new RecordWriter();
        private final RecordReader reader = new RecordReader();
        private final ByteBuffer content = ByteBuffer.allocate(CONTENT * RECORDS_PER_READ);
        private final ByteBuffer wire = ByteBuffer.allocate(RECORDS_PER_READ * (CONTENT + 256 + 5));

        RecordLayer() throws Exception {
            JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(1));
            byte[] key = RandomSource.deterministic(2).bytes(16);
            byte[] iv = RandomSource.deterministic(3).bytes(12);
            writer.setVersion(ProtocolVersion.TLS13);
            reader.setVersion(ProtocolVersion.TLS13);
            writer.setProtection(RecordProtection.tls13(crypto, AeadAlgorithm.AES_128_GCM, key, iv));
            reader.setProtection(RecordProtection.tls13(crypto, AeadAlgorithm.AES_128_GCM, key, iv));
        }

        int reads(int count) throws Exception {
            for (int i = 0; i < count; i++) {
                content.clear();
                wire.clear();
                writer.write(ContentType.APPLICATION_DATA, content, wire);
                ByteBuffer read = BufferPool.take();
                read.put(wire.flip()).flip();
                int got = 0;
                InboundMessage message;
                while ((message = reader.read(read)) != null) {
                    got += ((ApplicationData) message).data().remaining();
                }
                BufferPool.give(read);
                assertEquals(CONTENT * RECORDS_PER_READ, got);
            }
            return count * RECORDS_PER_READ;
        }
    }

    /** The same AEAD work in place on a bare JCA Cipher, one init per record. */
    private static final class BareJca {
        private final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        private final SecretKeySpec key = new SecretKeySpec(RandomSource.deterministic(2).bytes(16), "AES");
        private final byte[] aad = new byte[5];
        private final byte[] nonce = new byte[12];
        private final ByteBuffer buffer = ByteBuffer.allocate(CONTENT + 1 + 16);
        private final ByteBuffer in = buffer.duplicate();
        private final ByteBuffer out = buffer.duplicate();
        private long sequence;

        BareJca() throws Exception {
        }

        int records(int count) throws Exception {
            for (int i = 0; i < count; i++) {
                nonce[11] = (byte) ++sequence;
                nonce[10] = (byte) (sequence >>> 8);
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(aad);
                cipher.doFinal(in.limit(CONTENT + 1).position(0), out.limit(CONTENT + 17).position(0));
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(aad);
                cipher.doFinal(in.limit(CONTENT + 17).position(0), out.limit(CONTENT + 17).position(0));
            }
            return count;
        }
    }
}
