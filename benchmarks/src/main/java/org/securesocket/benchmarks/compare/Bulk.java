package org.securesocket.benchmarks.compare;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bulk transfer with the JSSE {@link Server}: {@code size} bytes up, then {@code size} bytes down,
 * in 16 KB writes (one full record each), on one connection per run and client. Figures: MB/s both
 * ways together ({@code bulk_<name>}) and each way, the client thread's CPU per MB and its
 * allocation per 16 KB record each way. On the same run, the raw JCA cipher sealing and opening
 * 16 KB records ({@link #raw}), the reference of the 80% target; {@link EngineBulk} measures the
 * clients' own engines in memory against it.
 */
final class Bulk {
    static final int RECORD = Server.CHUNK;

    private final Map<String, Stack> stacks;
    private final Results results;
    private final long size;
    private final int runs;

    Bulk(Map<String, Stack> stacks, Results results, long size, int runs) {
        this.stacks = stacks;
        this.results = results;
        this.size = size;
        this.runs = runs;
    }

    void run(String name, Target target, String transformation) throws IOException, GeneralSecurityException {
        System.err.println("bulk " + name + " port " + target.port() + ", " + (size >> 20) + " MB each way");
        for (Stack stack : stacks.values()) {
            transfer(stack, target, size / 4, null, null);
        }
        raw(null, name, transformation, size / 4);
        for (int run = 0; run < runs; run++) {
            for (String stack : Bench.order(run)) {
                transfer(stacks.get(stack), target, size, "bulk_" + name, stack);
            }
            raw(results, name, transformation, size);
        }
    }

    void transfer(Stack stack, Target target, long bytes, String figure, String name) throws IOException {
        byte[] buffer = new byte[RECORD];
        try (Conn conn = stack.open(target)) {
            OutputStream out = conn.out();
            InputStream in = conn.in();
            long t0 = System.nanoTime();
            long c0 = Bench.Meter.cpu();
            long a0 = Bench.Meter.allocated();
            out.write(header('U', bytes));
            for (long left = bytes; left > 0; left -= RECORD) {
                out.write(buffer, 0, (int) Math.min(RECORD, left));
            }
            out.flush();
            if (in.read() != 'K') {
                throw new IOException("no acknowledgement from the server");
            }
            long t1 = System.nanoTime();
            long c1 = Bench.Meter.cpu();
            long a1 = Bench.Meter.allocated();
            out.write(header('D', bytes));
            out.flush();
            for (long left = bytes; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(RECORD, left));
                if (n < 0) {
                    throw new EOFException("the server closed early");
                }
                left -= n;
            }
            long t2 = System.nanoTime();
            long c2 = Bench.Meter.cpu();
            long a2 = Bench.Meter.allocated();
            if (figure != null) {
                double mb = bytes / 1e6;
                double records = (double) bytes / RECORD;
                results.add(figure, name, "MB/s", false, 2 * mb / ((t2 - t0) / 1e9));
                results.add(figure + "_up", name, "MB/s", false, mb / ((t1 - t0) / 1e9));
                results.add(figure + "_down", name, "MB/s", false, mb / ((t2 - t1) / 1e9));
                results.add(figure + "_cpu", name, "ms/MB", true, (c2 - c0) / 1e6 / (2 * mb));
                results.add(figure + "_alloc_per_record_up", name, "B", true, (a1 - a0) / records);
                results.add(figure + "_alloc_per_record_down", name, "B", true, (a2 - a1) / records);
            }
        }
    }

    private static byte[] header(char op, long length) {
        return ByteBuffer.allocate(9).put((byte) op).putLong(length).array();
    }

    /**
     * The raw JCA reference of {@code name} on this run ({@code raw_jca_<name>}): a bare {@link Cipher}
     * sealing {@code bytes} in 16 KB records, then opening as many, each with a fresh nonce and the
     * 5-byte record header as additional data (the work of one TLS 1.3 record), byte arrays at
     * offset 0 (the JCA's cheapest call shape). Figures: MB/s of the thread's CPU time both ways, and
     * the bytes the JCA allocated per record sealed ({@code _alloc_per_record_up}) and opened
     * ({@code _alloc_per_record_down}): what no TLS stack over this JCA can avoid.
     */
    static void raw(Results results, String name, String transformation, long bytes)
            throws GeneralSecurityException {
        boolean gcm = transformation.startsWith("AES");
        SecretKeySpec key = new SecretKeySpec(new byte[gcm ? 16 : 32], gcm ? "AES" : "ChaCha20");
        byte[] plain = new byte[RECORD];
        byte[][] sealed = new byte[2][RECORD + 16];
        byte[] opened = new byte[RECORD];
        byte[] nonce = new byte[12];
        byte[] header = {23, 3, 3, (RECORD + 16) >>> 8, (byte) (RECORD + 16)};
        Cipher cipher = Cipher.getInstance(transformation);
        long records = bytes / RECORD;
        long c0 = Bench.Meter.cpu();
        long a0 = Bench.Meter.allocated();
        for (long i = 0; i < records; i++) {
            sequence(nonce, i);
            cipher.init(Cipher.ENCRYPT_MODE, key, gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
            cipher.updateAAD(header);
            cipher.doFinal(plain, 0, RECORD, sealed[(int) (i & 1)], 0);
        }
        long c1 = Bench.Meter.cpu();
        long a1 = Bench.Meter.allocated();
        // opens the last two records in turn (ChaCha20 refuses the same key and nonce twice in a row)
        for (long i = records - 2; i < 2 * records - 2; i++) {
            sequence(nonce, records - 2 + (i & 1));
            cipher.init(Cipher.DECRYPT_MODE, key, gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
            cipher.updateAAD(header);
            cipher.doFinal(sealed[(int) (i & 1)], 0, RECORD + 16, opened, 0);
        }
        long c2 = Bench.Meter.cpu();
        long a2 = Bench.Meter.allocated();
        if (results != null) {
            results.add("raw_jca_" + name, "jca", "MB/s", false, 2 * records * RECORD / 1e6 / ((c2 - c0) / 1e9));
            results.add("raw_jca_" + name + "_alloc_per_record_up", "jca", "B", true, (double) (a1 - a0) / records);
            results.add("raw_jca_" + name + "_alloc_per_record_down", "jca", "B", true, (double) (a2 - a1) / records);
        }
    }

    /** The record's sequence number in the last eight bytes of the nonce (no buffer: nothing allocated). */
    private static void sequence(byte[] nonce, long value) {
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (value >>> 8 * i);
        }
    }
}
