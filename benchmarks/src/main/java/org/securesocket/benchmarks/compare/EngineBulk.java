package org.securesocket.benchmarks.compare;

import java.nio.ByteBuffer;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Bulk transfer without sockets ({@code bulk_memory_<name>}): each client's own engine (ours
 * {@code TlsConnection}, the JSSE and BCJSSE {@code SSLEngine}s) talks to an in-memory JSSE
 * {@code SSLEngine} server through heap buffers. After the handshake, {@code size} bytes go up in
 * 16 KB application writes and as many come down, in batches of {@link #BATCH} records: the client
 * seals a batch, the server opens it; the server seals a batch, the client opens it. Only the
 * client's calls are measured (its thread's CPU time and allocation around them), so neither the
 * server's work nor the loopback's copies dilute the comparison. Figures: MB/s both ways of the
 * client's CPU time, each way, and the bytes the client allocated per record each way; the raw JCA
 * reference ({@link Bulk#raw}) is measured after each run, on the same run.
 */
final class EngineBulk {
    /** Records per batch: 1 MB in flight each way. */
    static final int BATCH = 64;
    /** The application read size: a full record's plaintext fits (an SSLEngine refuses less). */
    private static final int READ = Bulk.RECORD + 2048;

    private final Map<String, Stack> stacks;
    private final Results results;
    private final SSLContext server;
    private final long size;
    private final int runs;

    EngineBulk(Map<String, Stack> stacks, Results results, SSLContext server, long size, int runs) {
        this.stacks = stacks;
        this.results = results;
        this.server = server;
        this.size = size;
        this.runs = runs;
    }

    void run(String name, Target target, String transformation) throws Exception {
        System.err.println("bulk in memory " + name + ", " + (size >> 20) + " MB each way");
        for (Stack stack : stacks.values()) {
            transfer(stack, target, size / 4, null, null);
        }
        Bulk.raw(null, name, transformation, size / 4);
        for (int run = 0; run < runs; run++) {
            for (String stack : Bench.order(run)) {
                transfer(stacks.get(stack), target, size, "bulk_memory_" + name, stack);
            }
            Bulk.raw(results, name, transformation, size);
        }
    }

    private void transfer(Stack stack, Target target, long bytes, String figure, String name) throws Exception {
        Engine client = stack.engine(target);
        Engine peer = serverEngine(target);
        int capacity = BATCH * Math.max(client.maxWireLength(Bulk.RECORD), peer.maxWireLength(Bulk.RECORD));
        ByteBuffer up = ByteBuffer.allocate(capacity);
        ByteBuffer down = ByteBuffer.allocate(capacity);
        handshake(client, peer, up, down);
        ByteBuffer plain = ByteBuffer.allocate(Bulk.RECORD);
        byte[] app = new byte[READ];
        long cpuUp = 0;
        long cpuDown = 0;
        long allocUp = 0;
        long allocDown = 0;
        long records = bytes / Bulk.RECORD;
        for (long done = 0; done < records; done += BATCH) {
            int batch = (int) Math.min(BATCH, records - done);
            long c0 = Bench.Meter.cpu();
            long a0 = Bench.Meter.allocated();
            for (int i = 0; i < batch; i++) {
                client.write(plain.clear(), up);
            }
            long c1 = Bench.Meter.cpu();
            long a1 = Bench.Meter.allocated();
            expect(peer.read(up.flip(), app), batch);
            up.clear();
            for (int i = 0; i < batch; i++) {
                peer.write(plain.clear(), down);
            }
            long c2 = Bench.Meter.cpu();
            long a2 = Bench.Meter.allocated();
            long read = client.read(down.flip(), app);
            long c3 = Bench.Meter.cpu();
            long a3 = Bench.Meter.allocated();
            expect(read, batch);
            down.clear();
            cpuUp += c1 - c0;
            allocUp += a1 - a0;
            cpuDown += c3 - c2;
            allocDown += a3 - a2;
        }
        if (figure != null) {
            double mb = records * Bulk.RECORD / 1e6;
            results.add(figure, name, "MB/s", false, 2 * mb / ((cpuUp + cpuDown) / 1e9));
            results.add(figure + "_up", name, "MB/s", false, mb / (cpuUp / 1e9));
            results.add(figure + "_down", name, "MB/s", false, mb / (cpuDown / 1e9));
            results.add(figure + "_alloc_per_record_up", name, "B", true, (double) allocUp / records);
            results.add(figure + "_alloc_per_record_down", name, "B", true, (double) allocDown / records);
        }
    }

    private static void expect(long plaintext, int records) {
        if (plaintext != (long) records * Bulk.RECORD) {
            throw new IllegalStateException("expected " + records + " records of plaintext, got " + plaintext + " bytes");
        }
    }

    private Engine serverEngine(Target target) {
        SSLEngine engine = server.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(new String[] {target.version()});
        parameters.setCipherSuites(new String[] {target.suite()});
        engine.setSSLParameters(parameters);
        return new Engine.Ssl(engine);
    }

    /** Moves the handshake's flights between the two ends until both are done and nothing is in flight. */
    private static void handshake(Engine client, Engine server, ByteBuffer up, ByteBuffer down) throws Exception {
        for (int step = 0; step < 20; step++) {
            boolean clientDone = client.handshake(down.flip(), up);
            down.compact();
            boolean serverDone = server.handshake(up.flip(), down);
            up.compact();
            if (clientDone && serverDone && up.position() == 0 && down.position() == 0) {
                return;
            }
        }
        throw new IllegalStateException("the in-memory handshake did not complete");
    }
}
