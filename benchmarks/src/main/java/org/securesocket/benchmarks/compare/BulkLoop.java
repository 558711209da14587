package org.securesocket.benchmarks.compare;

import java.nio.file.Path;
import java.util.Map;

/**
 * One client's bulk transfers in a loop against a running {@link Server}, for profiling (see
 * benchmarks/README.md): {@code java -cp benchmarks.jar org.securesocket.benchmarks.compare.BulkLoop
 * ours pki-dir port TLS_AES_128_GCM_SHA256 64 20} (client, certificates, the server's port, suite,
 * MB each way per round, rounds); prints the figures of {@link Bulk} for every round.
 */
public final class BulkLoop {
    private BulkLoop() {
    }

    public static void main(String[] args) throws Exception {
        Stack stack = Stack.create(args[0], new Pki(Path.of(args[1])));
        Target target = new Target(Integer.parseInt(args[2]), "TLSv1.3", args[3], false);
        long bytes = Long.parseLong(args[4]) << 20;
        Bulk bulk = new Bulk(Map.of(args[0], stack), new Results(), bytes, 1);
        for (int round = Integer.parseInt(args[5]); round > 0; round--) {
            bulk.transfer(stack, target, bytes, "bulk", args[0]);
        }
    }
}
