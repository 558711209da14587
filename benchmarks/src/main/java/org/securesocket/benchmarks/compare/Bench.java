package org.securesocket.benchmarks.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JDK's comparison run (driven by {@code benchmarks/run}): starts the servers, measures the
 * in-process figures of the three clients here (over loopback sockets, and for bulk also in memory)
 * and the cold-start and memory figures in fresh
 * JVMs of the same JDK, and writes the values per run to a file for {@link Report}. Each run
 * measures the three clients one after the other, in an order that rotates from run to run, so
 * that the noise of a shared machine falls on all of them alike.
 * Arguments: {@code pki-dir out-file [quick]}.
 */
public final class Bench {
    static final String ECDSA13 = "tls13_ecdsa";
    static final String RSA13 = "tls13_rsa";
    static final String ECDSA12 = "tls12_ecdsa";
    /** The nominal port of the in-memory targets (no socket: only named in the configuration). */
    static final int IN_MEMORY_PORT = 443;

    private final Pki pki;
    private final boolean quick;
    private final Results results = new Results();
    private final Map<String, Stack> stacks;

    private Bench(Pki pki, boolean quick) throws Exception {
        this.pki = pki;
        this.quick = quick;
        Map<String, Stack> created = new LinkedHashMap<>();
        for (String name : Stack.NAMES) {
            created.put(name, Stack.create(name, pki));
        }
        this.stacks = created;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The clients in the order of run {@code run}: ours first, then second, then third, and round again. */
    static List<String> order(int run) {
        List<String> order = new ArrayList<>(Stack.NAMES);
        java.util.Collections.rotate(order, -(run % order.size()));
        return order;
    }

    public static void main(String[] args) throws Exception {
        Pki pki = new Pki(Path.of(args[0]));
        boolean quick = args.length > 2 && "quick".equals(args[2]);
        String only = args.length > 3 ? args[3] : "";
        Bench bench = new Bench(pki, quick);
        bench.results.meta("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        bench.results.meta("feature", String.valueOf(Runtime.version().feature()));
        bench.results.meta("mode", quick ? "quick" : "full");
        try (Peers peers = new Peers()) {
            bench.run(peers, only);
        }
        bench.results.write(Path.of(args[1]));
    }

    private void run(Peers peers, String only) throws Exception {
        int ec13 = peers.openssl(pki, "ec", "-tls1_3", "-num_tickets", "0", "-groups", "X25519");
        int rsa13 = peers.openssl(pki, "rsa", "-tls1_3", "-num_tickets", "0", "-groups", "X25519");
        int ec12 = peers.openssl(pki, "ec", "-tls1_2", "-no_ticket", "-groups", "X25519",
                "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
        int resume13 = peers.openssl(pki, "ec", "-tls1_3", "-num_tickets", "1", "-groups", "X25519");
        int resume12 = peers.openssl(pki, "ec", "-tls1_2", "-groups", "X25519", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
        int jsse = peers.jsse(pki, "ec");
        int runs = quick ? 3 : 7;
        if (only.isEmpty() || only.contains("handshake")) {
            Handshakes handshakes = new Handshakes(stacks, results, quick ? 50 : 150, quick ? 300 : 600, runs);
            handshakes.full(ECDSA13, new Target(ec13, "TLSv1.3", "TLS_AES_128_GCM_SHA256", false));
            handshakes.full(RSA13, new Target(rsa13, "TLSv1.3", "TLS_AES_128_GCM_SHA256", false));
            handshakes.full(ECDSA12, new Target(ec12, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", false));
            handshakes.resumed("resumed_handshake", new Target(resume13, "TLSv1.3", "TLS_AES_128_GCM_SHA256", true));
            handshakes.resumed("resumed_handshake_tls12",
                    new Target(resume12, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", true));
        }
        if (only.isEmpty() || only.contains("bulk")) {
            Bulk bulk = new Bulk(stacks, results, (quick ? 32L : 256L) << 20, quick ? 3 : 5);
            bulk.run("aes128gcm", new Target(jsse, "TLSv1.3", "TLS_AES_128_GCM_SHA256", false), "AES/GCM/NoPadding");
            bulk.run("chacha20", new Target(jsse, "TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256", false),
                    "ChaCha20-Poly1305");
            EngineBulk memory = new EngineBulk(stacks, results, Server.context(pki.file(""), "ec"),
                    (quick ? 32L : 64L) << 20, quick ? 3 : 5); // CPU time: 64 MB is plenty, and BCJSSE is slow
            memory.run("aes128gcm", new Target(IN_MEMORY_PORT, "TLSv1.3", "TLS_AES_128_GCM_SHA256", false),
                    "AES/GCM/NoPadding");
            memory.run("chacha20", new Target(IN_MEMORY_PORT, "TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256", false),
                    "ChaCha20-Poly1305");
        }
        if (only.isEmpty() || only.contains("cold")) {
            cold(ec13, quick ? 3 : 10);
        }
        if (only.isEmpty() || only.contains("memory")) {
            child(List.of(java(), "-XX:+UseSerialGC", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    Memory.class.getName(), pki.file("").toString(), String.valueOf(jsse), String.valueOf(ec13),
                    String.valueOf(quick ? 2 : 3), String.valueOf(quick ? 200 : 1000)));
        }
    }

    /** Cold start: a fresh JVM per handshake; launch-to-done uses the shared monotonic clock. */
    private void cold(int port, int runs) throws IOException, InterruptedException {
        System.err.println("cold start, port " + port);
        for (int run = 0; run < runs; run++) {
            for (String stack : order(run)) {
                long launched = System.nanoTime();
                Results child = child(List.of(java(), "-cp", System.getProperty("java.class.path"),
                        Cold.class.getName(), stack, pki.file("").toString(), String.valueOf(port)));
                double done = child.series().get(new Results.Key("cold_done_nanotime", stack)).values().get(0);
                results.add("cold_start", stack, "ms", true,
                        child.series().get(new Results.Key("cold_start", stack)).values().get(0));
                results.add("cold_start_launch", stack, "ms", true, (done - launched) / 1e6);
            }
        }
    }

    /** Runs a child JVM, adding its rows (other than the raw clock readings) to the results. */
    private Results child(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Results child = new Results();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                child.parse(line);
            }
        }
        if (process.waitFor() != 0) {
            throw new IOException("failed: " + command);
        }
        if (!command.contains(Cold.class.getName())) {
            child.series().forEach((k, s) -> s.values().forEach(v ->
                    results.add(k.figure(), k.stack(), s.unit(), s.lowerIsBetter(), v)));
        }
        return child;
    }

    /** The current thread's CPU time and allocated bytes. */
    static final class Meter {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        static long cpu() {
            return THREADS.getCurrentThreadCpuTime();
        }

        static long allocated() {
            return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
    }
}
