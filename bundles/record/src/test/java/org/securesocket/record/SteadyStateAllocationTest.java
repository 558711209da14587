package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * Bytes our own code allocates per full 16 KB TLS 1.3 record, sealed and opened through the
 * record layer the way a connection does it (each "read" takes a pooled buffer while others are
 * in the pool, the records are decrypted in place there, the buffer goes back): everything the
 * thread allocates, minus what it allocates inside the JCA's seal and open (measured around each
 * call). It must be nothing: less than one ByteBuffer view.
 */
class SteadyStateAllocationTest {
    private static final int CONTENT = PlaintextLimit.MAX_CONTENT;
    private static final int RECORDS_PER_READ = 2;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void ourCodeAllocatesNothingPerRecord() throws Exception {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        List<ByteBuffer> others = new ArrayList<>(); // other connections have given buffers back
        for (int i = 0; i < 4; i++) {
            others.add(BufferPool.take());
        }
        others.forEach(BufferPool::give);
        MeasuredCrypto crypto = new MeasuredCrypto();
        RecordLayer layer = new RecordLayer(crypto);
        layer.reads(2000);
        // the least of five rounds: a collection in a round (which drops the weakly held views,
        // made again once after it) is not what is measured
        double ours = Double.MAX_VALUE;
        double jca = 0;
        for (int round = 0; round < 5; round++) {
            long inside = crypto.inside;
            long before = THREADS.getCurrentThreadAllocatedBytes();
            int records = layer.reads(250);
            long all = THREADS.getCurrentThreadAllocatedBytes() - before;
            long theirs = crypto.inside - inside;
            ours = Math.min(ours, (double) (all - theirs) / records);
            jca = (double) theirs / records;
        }
        System.out.printf("steady state: our code %.1f B/record, the JCA %.1f B/record (sealed and opened)%n",
                ours, jca);
        assertTrue(ours < 16, "our code allocates " + ours + " B per record");
    }

    /** The JCA provider, counting the bytes the thread allocates inside its AEAD calls. */
    private static final class MeasuredCrypto extends JcaTlsCrypto {
        long inside;

        MeasuredCrypto() {
            super(RandomSource.deterministic(1));
        }

        @Override
        public AeadCipher createAead(AeadAlgorithm algorithm, byte[] key) throws TlsException {
            AeadCipher cipher = super.createAead(algorithm, key);
            return new AeadCipher() {
                @Override
                public AeadAlgorithm algorithm() {
                    return cipher.algorithm();
                }

                @Override
                public int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer out) throws TlsException {
                    long before = THREADS.getCurrentThreadAllocatedBytes();
                    int n = cipher.seal(nonce, aad, plaintext, out);
                    inside += THREADS.getCurrentThreadAllocatedBytes() - before;
                    return n;
                }

                @Override
                public int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer out) throws TlsException {
                    long before = THREADS.getCurrentThreadAllocatedBytes();
                    int n = cipher.open(nonce, aad, ciphertext, out);
                    inside += THREADS.getCurrentThreadAllocatedBytes() - before;
                    return n;
                }
            };
        }
    }

    /** A writer and a reader on the same keys, the writer's output fed to the reader in pooled buffers. */
    private static final class RecordLayer {
        private final RecordWriter writer = new RecordWriter();
        private final RecordReader reader = new RecordReader();
        private final ByteBuffer content = ByteBuffer.allocate(CONTENT * RECORDS_PER_READ);
        private final ByteBuffer wire = ByteBuffer.allocate(RECORDS_PER_READ * (CONTENT + 256 + 5));

        RecordLayer(JcaTlsCrypto crypto) throws TlsException {
            byte[] key = RandomSource.deterministic(2).bytes(16);
            byte[] iv = RandomSource.deterministic(3).bytes(12);
            writer.setVersion(ProtocolVersion.TLS13);
            reader.setVersion(ProtocolVersion.TLS13);
            writer.setProtection(RecordProtection.tls13(crypto, AeadAlgorithm.AES_128_GCM, key, iv));
            reader.setProtection(RecordProtection.tls13(crypto, AeadAlgorithm.AES_128_GCM, key, iv));
        }

        int reads(int count) throws TlsException {
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
}
