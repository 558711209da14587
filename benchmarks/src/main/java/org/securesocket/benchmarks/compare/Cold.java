package org.securesocket.benchmarks.compare;

import java.nio.file.Path;

/**
 * One cold handshake in a fresh JVM (run by {@link Bench}): from the first line of {@code main} to
 * the completed TLS 1.3 handshake, everything the client needs included (its classes, providers and
 * trust anchors). Prints the time and the monotonic clock at completion, from which the parent
 * computes launch-to-done. Arguments: {@code client pki-dir port}.
 */
public final class Cold {
    private Cold() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Stack stack = Stack.create(args[0], new Pki(Path.of(args[1])));
        Conn conn = stack.open(new Target(Integer.parseInt(args[2]), "TLSv1.3", "TLS_AES_128_GCM_SHA256", false));
        long done = System.nanoTime();
        conn.close();
        System.out.println("#row\tcold_start\t" + args[0] + "\tms\tlower\t" + (done - start) / 1e6);
        System.out.println("#row\tcold_done_nanotime\t" + args[0] + "\tns\tlower\t" + done);
    }
}
