package org.securesocket.benchmarks.compare;

import java.nio.file.Path;

/**
 * Sequential full handshakes of one client, for profiling (see benchmarks/README.md):
 * {@code java -XX:StartFlightRecording=filename=hs.jfr -cp benchmarks.jar
 * org.securesocket.benchmarks.compare.Loop ours pki-dir port TLSv1.3 TLS_AES_128_GCM_SHA256 5000}.
 */
public final class Loop {
    private Loop() {
    }

    public static void main(String[] args) throws Exception {
        Stack stack = Stack.create(args[0], new Pki(Path.of(args[1])));
        Target target = new Target(Integer.parseInt(args[2]), args[3], args[4], false);
        int count = Integer.parseInt(args[5]);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try (Conn conn = stack.open(target)) {
                conn.forgetSession();
            }
        }
        System.out.printf("%d handshakes, %.1f/s%n", count, count * 1e9 / (System.nanoTime() - start));
    }
}
