package org.securesocket.benchmarks.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server processes of one run, started on loopback port 0 and stopped at exit. */
final class Peers implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("(?:ACCEPT 127\\.0\\.0\\.1:|PORT )(\\d+)");

    private final List<Process> processes = new ArrayList<>();

    /** {@code openssl s_server -rev} with {@code key} ({@code ec} or {@code rsa}) and extra arguments. */
    int openssl(Pki pki, String key, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0", "-rev",
                "-cert", pki.file(key + ".pem").toString(), "-key", pki.file(key + ".key").toString()));
        command.addAll(List.of(extra));
        return start(command);
    }

    /** The JSSE {@link Server} in its own JVM (this JVM's java and class path). */
    int jsse(Pki pki, String key) throws IOException {
        // the JDK honours a client's max_fragment_length only with this property
        return start(List.of(Bench.java(), "-Xmx512m", "-Djsse.enableMFLNExtension=true", "-cp", System.getProperty("java.class.path"),
                Server.class.getName(), pki.file("").toString(), key));
    }

    private int start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = PORT.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // openssl reports each connection: not needed
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "drain");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("the server did not start: " + command);
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
    }
}
