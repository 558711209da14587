package org.securesocket.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The openssl CLI as the in-framework tests' peer: certificate making, waiting for s_server, line reading. */
final class OpensslPeer {

    private OpensslPeer() {
    }

    /** Runs {@code openssl ARGS} in {@code dir}, failing with its output if it fails. */
    static void run(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(command + " failed:\n" + output);
        }
    }

    /**
     * Makes {@code ca.crt} (a P-256 CA named {@code caName}) and {@code server.crt} / {@code server.key}
     * (P-256, for localhost, issued by it) in {@code dir}.
     */
    static void issueLocalhost(Path dir, String caName) throws Exception {
        run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=" + caName, "-days", "2",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
        run(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        java.nio.file.Files.writeString(dir.resolve("ext"), "subjectAltName=DNS:localhost\n"
                + "extendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n");
        run(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "ext");
    }

    /**
     * Starts {@code openssl s_server -rev -quiet} (and {@code extra} arguments) with the certificate of
     * {@link #issueLocalhost} on the loopback {@code port} (its output in {@code server.log}) and waits
     * until it listens.
     */
    static Process startReversingServer(Path dir, int port, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", "server.crt", "-key", "server.key", "-rev", "-quiet"));
        command.addAll(List.of(extra));
        Process server = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        awaitListening(port);
        return server;
    }

    /** A loopback port free a moment ago. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits (15 s at most) until something accepts connections on the loopback port. */
    static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("openssl s_server did not listen on " + port, e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** One line without its newline; an end of stream before the newline fails the test. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b != '\n') {
            throw new AssertionError("no line before the end of the stream");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
