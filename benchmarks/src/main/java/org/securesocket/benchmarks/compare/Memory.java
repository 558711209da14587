package org.securesocket.benchmarks.compare;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap figures, in a JVM of their own with the serial collector (whose heap use after a full
 * collection is the live set, to the byte). Run by {@link Bench}; prints result rows.
 * <ul>
 * <li>{@code idle_heap_per_connection}: {@code count} established connections to the JSSE server,
 *     each having sent 1 KB and received the answer, then idle: the live heap they add, per connection
 *     (settled heaps, see {@link #idle}).
 * <li>{@code peak_handshake_heap}: a TLS 1.3 ECDSA handshake against openssl over a socket whose
 *     every read returns at most 512 bytes and first collects and samples the live heap: the most
 *     the handshake holds at any of its reads or once complete, above the live heap before it started (or after it
 *     ended, if lower). Garbage made and dropped between two reads is not counted.
 * </ul>
 * Arguments: {@code pki-dir jsse-port openssl-port runs count}.
 */
public final class Memory {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    /** The most bytes one read of the probing socket returns, so that every client samples as it goes. */
    private static final int SLICE = 512;

    private Memory() {
    }

    public static void main(String[] args) throws Exception {
        Pki pki = new Pki(Path.of(args[0]));
        Target jsse = new Target(Integer.parseInt(args[1]), "TLSv1.3", "TLS_AES_128_GCM_SHA256", false);
        Target openssl = new Target(Integer.parseInt(args[2]), "TLSv1.3", "TLS_AES_128_GCM_SHA256", false);
        int runs = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        Map<String, Stack> stacks = new LinkedHashMap<>();
        for (String name : Stack.NAMES) {
            stacks.put(name, Stack.create(name, pki));
            idle(stacks.get(name), jsse, 20); // load and initialise what the first connections need
            peak(stacks.get(name), openssl);
        }
        Target mfl = new Target(jsse.port(), "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", false, 512);
        Target tls12 = new Target(jsse.port(), "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", false);
        for (int run = 0; run < runs; run++) {
            for (String name : Bench.order(run)) {
                row("idle_heap_per_connection", name, "KB", idle(stacks.get(name), jsse, count) / 1024.0);
                row("peak_handshake_heap", name, "KB", peak(stacks.get(name), openssl) / 1024.0);
            }
            // max_fragment_length is asked for by our client only: with it and without, same version
            row("idle_heap_per_connection_tls12", "ours", "KB", idle(stacks.get("ours"), tls12, count) / 1024.0);
            row("idle_heap_per_connection_mfl512", "ours", "KB", idle(stacks.get("ours"), mfl, count) / 1024.0);
        }
    }

    private static void row(String figure, String stack, String unit, double value) {
        System.out.println("#row\t" + figure + "\t" + stack + "\t" + unit + "\tlower\t" + value);
    }

    /** Collects until the live heap stops shrinking (closed sockets are freed by their cleaners later). */
    static long liveHeap() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            if (used >= last) {
                return used;
            }
            last = used;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return used;
            }
        }
        return last;
    }

    /**
     * The live heap once it has settled: full collections, with pauses for the reference handler
     * and cleaner threads, until three in a row agree to the byte (at most 30). A single collection
     * can leave garbage of an earlier phase (closed sockets, references the handler has not yet
     * cleared) that a later collection frees, inside a measured window.
     */
    static long settledHeap() {
        long last = -1;
        int agreeing = 0;
        for (int i = 0; i < 30 && agreeing < 2; i++) {
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            agreeing = used == last ? agreeing + 1 : 0;
            last = used;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last;
    }

    /**
     * Bytes of live heap per idle established connection: the settled heap with all of them open
     * (each having sent 1 KB and received the answer), above the lower of the settled heap before
     * the first was opened and after the last was closed, so that garbage of an earlier phase freed
     * inside the window cannot hide their cost. Every connection must still answer after the
     * measurement (none closed early or lost).
     */
    private static double idle(Stack stack, Target target, int count) throws IOException {
        byte[] kilobyte = new byte[1024];
        byte[] request = ByteBuffer.allocate(9 + kilobyte.length).put((byte) 'U').putLong(kilobyte.length)
                .put(kilobyte).array();
        List<Conn> open = new ArrayList<>(count);
        long before = settledHeap();
        long established;
        try {
            for (int i = 0; i < count; i++) {
                Conn conn = stack.open(target);
                open.add(conn);
                if (target.maxFragmentLength() > 0 && conn.fragmentLimit() != target.maxFragmentLength()) {
                    throw new IOException("max_fragment_length " + target.maxFragmentLength() + " not negotiated");
                }
                conn.forgetSession();
                roundTrip(conn, request);
            }
            established = settledHeap();
            for (Conn conn : open) {
                roundTrip(conn, request); // still open and working: the strong references held to here
            }
        } finally {
            for (Conn conn : open) {
                conn.close();
            }
        }
        open.clear();
        long after = settledHeap();
        return (double) (established - Math.min(before, after)) / count;
    }

    private static void roundTrip(Conn conn, byte[] request) throws IOException {
        OutputStream out = conn.out();
        out.write(request);
        out.flush();
        if (conn.in().read() != 'K') {
            throw new IOException("no acknowledgement from the server");
        }
    }

    /** The largest live heap seen at the handshake's reads, above the live heap before it. */
    private static long peak(Stack stack, Target target) throws IOException {
        ProbeSocket socket = new ProbeSocket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(Target.HOST, target.port()));
        socket.getInputStream(); // the stream wrapper itself is not the handshake's
        long before = settledHeap(); // nothing of an earlier phase left to be freed during the handshake
        socket.peak = before;
        socket.probing = true;
        Conn conn = stack.wrap(socket, target);
        socket.peak = Math.max(socket.peak, liveHeap()); // and once established
        socket.probing = false;
        conn.forgetSession();
        conn.close();
        conn = null;
        // the lower of the live heap before and after, so that anything freed meanwhile does not hide the peak
        long baseline = Math.min(before, liveHeap());
        return Math.max(0, socket.peak - baseline);
    }

    /** A socket whose reads sample the live heap first, while the client waits for the network. */
    private static final class ProbeSocket extends Socket {
        volatile boolean probing;
        long peak;
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        probe();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        probe();
                        return super.read(b, off, Math.min(len, SLICE));
                    }
                };
            }
            return in;
        }

        private void probe() {
            if (probing) {
                peak = Math.max(peak, liveHeap());
            }
        }
    }
}
