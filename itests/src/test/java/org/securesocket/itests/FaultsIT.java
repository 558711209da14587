package org.securesocket.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.OptionMaps;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketFactory;
import org.securesocket.securesocket.SecureSocketOptions;
import org.securesocket.securesocket.TlsPolicyConfig;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.TrustStore;

/**
 * Faults inside Felix against openssl s_server: the policy and the certstore (its configuration and
 * the bundle itself) replaced while 100 handshakes run at once, and a soak of sequential handshakes
 * with random versions and suites whose heap must stay flat. The soak runs
 * {@code -Dsecuresocket.soak.handshakes} handshakes (10,000 by default: about 40 s here).
 */
public class FaultsIT extends SecureSocketFramework {
    private static final long WAIT_MILLIS = 10_000;
    private static final int CONCURRENT = 100;

    @Test
    public void policyAndCertstoreReplacedDuringConcurrentHandshakes() throws Exception {
        Path dir = Files.createTempDirectory("faults-it");
        OpensslPeer.issueLocalhost(dir, "Faults IT CA");
        int port = OpensslPeer.freePort();
        Process server = OpensslPeer.startReversingServer(dir, port);
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> adminTracker = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        adminTracker.open();
        ServiceTracker<TrustStore, TrustStore> stores = new ServiceTracker<>(context, TrustStore.class, null);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            ConfigurationAdmin admin = adminTracker.waitForService(WAIT_MILLIS);
            assertNotNull("no ConfigurationAdmin service", admin);
            SecureSocketFactory factory = service(SecureSocketFactory.class);
            Configuration policy = admin.getConfiguration(TlsPolicyConfig.PID, "?");
            Configuration store = admin.getConfiguration("org.securesocket.certstore", "?");
            Configuration profile = admin.getFactoryConfiguration("org.securesocket.tls.profile", "faults", "?");
            profile.update(dictionary(Map.of("name", "faults", "certificateFiles", dir.resolve("ca.crt").toString(),
                    "serverName", "localhost")));
            await(() -> profileRegistered("faults"), "the profile service");
            long socketsBefore = openSockets();
            int threadsBefore = Thread.activeCount();

            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                String line = "concurrent " + i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try (SecureSocket socket = factory.connect("127.0.0.1", port, "faults")) {
                        socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                        assertEquals(new StringBuilder(line).reverse().toString(),
                                OpensslPeer.readLine(socket.getInputStream()));
                        return "completed " + socket.protocol();
                    } catch (TlsException clean) {
                        return "failed cleanly: " + clean.code();
                    }
                }));
            }
            go.countDown();
            // While they run: the policy flips between TLS 1.2 only and the defaults, the certstore's
            // configuration changes, and the certstore bundle itself is replaced by the test store.
            Random random = new Random(15);
            stores.open();
            Bundle certstore = Stream.of(context.getBundles())
                    .filter(b -> "org.securesocket.certstore".equals(b.getSymbolicName())).findFirst().orElseThrow();
            for (int round = 0; outcomes.stream().anyMatch(f -> !f.isDone()); round++) {
                policy.update(dictionary(round % 2 == 0 ? Map.of(TlsPolicyConfig.MAX_VERSION, "TLSv1.2")
                        : Map.of(TlsPolicyConfig.MAX_VERSION, "TLSv1.3")));
                if (round == 2) {
                    // the exclude list names roots of the bundled store, which the test store lacks
                    store.update(dictionary(Map.of("exclude", new String[0])));
                    try (var in = Files.newInputStream(Path.of(System.getProperty("securesocket.teststore")))) {
                        certstore.update(in);
                    }
                } else {
                    excludeOneAnchor(store, stores.getService(), random);
                }
                Thread.sleep(10);
            }
            Map<String, Integer> tally = new TreeMap<>();
            List<String> unexpected = new ArrayList<>();
            for (Future<String> f : outcomes) {
                try {
                    tally.merge(f.get(), 1, Integer::sum);
                } catch (ExecutionException e) {
                    unexpected.add(e.getCause().toString());
                }
            }
            System.out.println("FaultsIT: " + CONCURRENT + " concurrent handshakes while replacing the policy and the"
                    + " certstore: " + tally + (unexpected.isEmpty() ? "" : ", unexpected " + unexpected));
            assertTrue("failures other than a clean TlsException: " + unexpected, unexpected.isEmpty());
            assertTrue("no handshake completed: " + tally, tally.keySet().stream().anyMatch(k -> k.startsWith("completed")));
            policy.delete();
            store.delete();
            profile.delete();
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            await(() -> openSockets() <= socketsBefore, "every socket closed (before: " + socketsBefore + ")");
            await(() -> Thread.activeCount() <= threadsBefore, "no thread left behind (before: " + threadsBefore + ")");
        } finally {
            pool.shutdownNow();
            stores.close();
            adminTracker.close();
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    public void soakOfSequentialHandshakesWithRandomVersionsAndSuites() throws Exception {
        int handshakes = Integer.getInteger("securesocket.soak.handshakes", 10_000);
        Path dir = Files.createTempDirectory("soak-it");
        OpensslPeer.issueLocalhost(dir, "Soak IT CA");
        int port = OpensslPeer.freePort();
        Process server = OpensslPeer.startReversingServer(dir, port);
        try {
            TlsCrypto crypto = service(TlsCrypto.class);
            List<Certificate> ca = OptionMaps.readCertificates(Files.readAllBytes(dir.resolve("ca.crt")));
            List<CipherSuite> tls12 = List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256);
            List<CipherSuite> tls13 = List.of(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
                    CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
            Random random = new Random(Long.getLong("securesocket.soak.seed", 20261125L));
            List<String> failures = new ArrayList<>();
            long[] heap = new long[3];
            heap[0] = usedHeapAfterGc();
            long start = System.nanoTime();
            for (int i = 0; i < handshakes; i++) {
                if (i == handshakes / 2) {
                    heap[1] = usedHeapAfterGc();
                }
                boolean v13 = random.nextBoolean();
                ProtocolVersion version = v13 ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
                CipherSuite suite = (v13 ? tls13 : tls12).get(random.nextInt(3));
                SecureSocketOptions options = SecureSocketOptions.builder().host("127.0.0.1").port(port)
                        .serverName("localhost").crypto(crypto).certificates(ca).timeout(Duration.ofSeconds(10))
                        .policy(HandshakePolicy.DEFAULT.withVersions(version, version).withCipherSuites(List.of(suite)))
                        .build();
                try (SecureSocket socket = SecureSocket.connect(options)) {
                    if (!socket.protocol().equals(v13 ? "TLSv1.3" : "TLSv1.2") || !socket.cipherSuite().equals(suite.ianaName())) {
                        failures.add(i + ": negotiated " + socket.protocol() + " " + socket.cipherSuite() + ", asked "
                                + version + " " + suite.ianaName());
                    }
                    socket.getOutputStream().write(("soak " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                    String back = OpensslPeer.readLine(socket.getInputStream());
                    if (!back.equals(new StringBuilder("soak " + i).reverse().toString())) {
                        failures.add(i + ": read back '" + back + "'");
                    }
                } catch (Exception e) {
                    failures.add(i + " (" + version + " " + suite.ianaName() + "): " + e);
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            heap[2] = usedHeapAfterGc();
            System.out.printf("FaultsIT soak: %d sequential handshakes in %d ms (%.2f ms each), %d failures;"
                    + " heap used after GC: start %d KiB, middle %d KiB, end %d KiB%n", handshakes, millis,
                    (double) millis / handshakes, failures.size(), heap[0] >> 10, heap[1] >> 10, heap[2] >> 10);
            assertTrue("unexpected failures: " + failures.subList(0, Math.min(20, failures.size())), failures.isEmpty());
            // flat: what grows with the number of connections would show as megabytes between middle and end
            long growth = heap[2] - heap[1];
            assertTrue("the heap grew by " + (growth >> 10) + " KiB over the second half", growth < 8L << 20);
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Configures the certstore to exclude one of its current anchors, chosen at random (none while it is away). */
    private static void excludeOneAnchor(Configuration config, TrustStore current, Random random) throws Exception {
        if (current == null || current.anchors().isEmpty()) {
            return;
        }
        List<Certificate> anchors = current.anchors();
        byte[] der = anchors.get(random.nextInt(anchors.size())).encoded();
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        config.update(dictionary(Map.of("exclude", new String[] {fingerprint})));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The sockets this process holds open (Linux: the {@code socket:} links of /proc/self/fd). */
    private static long openSockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (java.io.IOException gone) {
                    return false; // closed while listing
                }
            }).count();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot list /proc/self/fd", e);
        }
    }

    private boolean profileRegistered(String name) {
        try {
            return !context.getServiceReferences(org.securesocket.securesocket.TlsProfile.class, "(name=" + name + ")")
                    .isEmpty();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static Dictionary<String, Object> dictionary(Map<String, ?> map) {
        return new Hashtable<>(map);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
