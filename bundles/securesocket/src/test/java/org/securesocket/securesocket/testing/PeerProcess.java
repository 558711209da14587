package org.securesocket.securesocket.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A TLS server binary (openssl s_server, gnutls-serv) started on a free loopback port and stopped
 * by {@link #close}. A missing binary fails the test: CI installs every peer.
 */
public final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();

    private PeerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread drain = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] b = new byte[4096];
                int n;
                while ((n = in.read(b)) > 0) {
                    output.append(new String(b, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "peer-output-" + port);
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts {@code command}, where the argument {@code "{port}"} (or a part of one) is replaced by a
     * free port, and waits until the port accepts connections.
     */
    public static PeerProcess start(List<String> command) throws Exception {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            List<String> args = new ArrayList<>();
            for (String a : command) {
                args.add(a.replace("{port}", Integer.toString(port)));
            }
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            PeerProcess peer = new PeerProcess(p, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && p.isAlive()) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return peer;
                } catch (IOException e) {
                    last = e;
                    Thread.sleep(50);
                }
            }
            peer.close();
            last = new IOException(args.get(0) + " did not listen on " + port + ": " + peer.output(), last);
        }
        throw last;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** What the peer printed so far. */
    public String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
