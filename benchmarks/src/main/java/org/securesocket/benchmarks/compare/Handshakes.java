package org.securesocket.benchmarks.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Sequential handshakes against an openssl server: each connects, completes the handshake and
 * closes (full handshakes drop the session first, so none resumes). Per run and client: the
 * client thread's CPU time per handshake (ThreadMXBean), handshakes per second of wall time and
 * the bytes the thread allocated per handshake.
 */
final class Handshakes {
    private static final byte[] LINE = "ping\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Map<String, Stack> stacks;
    private final Results results;
    private final int batch;
    private final int warmup;
    private final int runs;

    Handshakes(Map<String, Stack> stacks, Results results, int batch, int warmup, int runs) {
        this.stacks = stacks;
        this.results = results;
        this.batch = batch;
        this.warmup = warmup;
        this.runs = runs;
    }

    /** Full handshakes: {@code handshake_cpu_<name>}, {@code handshake_rate_<name>}, {@code handshake_alloc_<name>}. */
    void full(String name, Target target) throws IOException {
        System.err.println("full handshakes " + name + " port " + target.port());
        measure(target, "handshake_cpu_" + name, "handshake_rate_" + name, "handshake_alloc_" + name);
    }

    /**
     * Resumption (TLS 1.3 PSK from a ticket; TLS 1.2 by ticket or session ID): every connection also
     * sends one line and reads the server's answer, which delivers the ticket the next one resumes with.
     */
    void resumed(String name, Target target) throws IOException {
        System.err.println(name + " port " + target.port());
        measure(target, name, name + "_rate", name + "_alloc");
    }

    private void measure(Target target, String cpuName, String rateName, String allocName) throws IOException {
        for (Stack stack : stacks.values()) {
            for (int i = 0; i < warmup; i++) {
                once(stack, target);
            }
        }
        for (int run = 0; run < runs; run++) {
            for (String name : Bench.order(run)) {
                Stack stack = stacks.get(name);
                int resumed = 0;
                long cpu = Bench.Meter.cpu();
                long allocated = Bench.Meter.allocated();
                long start = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    resumed += once(stack, target) ? 1 : 0;
                }
                long wall = System.nanoTime() - start;
                results.add(cpuName, name, "us", true, (Bench.Meter.cpu() - cpu) / 1e3 / batch);
                results.add(rateName, name, "1/s", false, batch * 1e9 / wall);
                results.add(allocName, name, "KB", true, (Bench.Meter.allocated() - allocated) / 1024.0 / batch);
                if (target.resume()) {
                    results.add(cpuName + "_resumed_share", name, "%", false, 100.0 * resumed / batch);
                } else if (resumed > 0) {
                    throw new IllegalStateException(name + " resumed " + resumed + " of the full handshakes");
                }
            }
        }
    }

    /** One connection; whether it resumed. */
    private static boolean once(Stack stack, Target target) throws IOException {
        try (Conn conn = stack.open(target)) {
            if (target.resume()) {
                OutputStream out = conn.out();
                out.write(LINE);
                out.flush();
                InputStream in = conn.in();
                byte[] answer = new byte[LINE.length];
                for (int got = 0, n; got < answer.length; got += n) {
                    if ((n = in.read(answer, got, answer.length - got)) < 0) {
                        throw new IOException("the server closed early");
                    }
                }
            } else {
                conn.forgetSession();
            }
            return conn.resumed();
        }
    }
}
