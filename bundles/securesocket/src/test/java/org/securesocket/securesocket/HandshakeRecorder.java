package org.securesocket.securesocket;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.securesocket.handshake.SessionCache;
import org.securesocket.securesocket.HandshakeRecording.Event;
import org.securesocket.securesocket.HandshakeRecording.Scenario;
import org.securesocket.securesocket.testing.PeerProcess;

/**
 * Records the handshakes that {@link HandshakeReplayTest} replays: each {@link Scenario} against a
 * fresh openssl s_server with the committed test keys, both directions saved as hex. Each recording
 * is replayed at once, so a client that is not deterministic is caught here. Re-record (after a change
 * to what the client sends) from the repository root with
 * <pre>
 * mvn -B -o -pl bundles/securesocket -am verify -Dtest=HandshakeRecorder -Dreplay.record=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * which writes {@code bundles/securesocket/src/test/resources/replay/*.txt} (or run {@link #main} with
 * the target directory). The test keys were made with the openssl commands in {@code replay/README.txt}.
 */
class HandshakeRecorder {

    @Test
    @EnabledIfSystemProperty(named = "replay.record", matches = "true")
    void record() throws Exception {
        main(new String[] {"src/test/resources/replay"});
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "bundles/securesocket/src/test/resources/replay");
        Path keys = Files.createTempDirectory("replay-keys");
        for (String name : List.of("ecdsa.pem", "ecdsa.key", "rsa.pem", "rsa.key", "ca.pem", "ffdhe2048.pem")) {
            try (InputStream in = HandshakeRecorder.class.getResourceAsStream("/replay/" + name)) {
                Files.write(keys.resolve(name), in.readAllBytes());
            }
        }
        for (Scenario scenario : Scenario.values()) {
            List<String> lines = record(scenario, keys);
            HandshakeReplayTest.replay(scenario, HandshakeRecording.parse(lines)); // deterministic, or fail here
            Path file = target.resolve(Path.of(scenario.resource()).getFileName().toString());
            Files.write(file, lines, StandardCharsets.US_ASCII);
            System.out.println("recorded " + file);
        }
    }

    private static List<String> record(Scenario scenario, Path keys) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                keys.resolve(scenario.serverKey + ".pem").toString(), "-key",
                keys.resolve(scenario.serverKey + ".key").toString(), "-rev", "-quiet"));
        scenario.serverOptions.forEach(o -> command.add(o.replace("{keys}", keys.toString())));
        List<String> lines = new ArrayList<>(List.of("# " + scenario + ": recorded by HandshakeRecorder (re-record"
                + " with the command in its javadoc)", "# server: " + String.join(" ", command.subList(0, 2)) + " "
                + String.join(" ", scenario.serverOptions) + " with replay/" + scenario.serverKey + ".pem",
                "# client: RandomSource.deterministic(" + HandshakeRecording.SEED + "), clock " + HandshakeRecording.NOW));
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        SessionCache cache = scenario.cache();
        SecureSocketOptions options = scenario.options(cache, trace);
        try (PeerProcess server = PeerProcess.start(command)) {
            for (int i = 1; i <= scenario.outcomes.size(); i++) {
                lines.add(new Event('n', null, Integer.toString(i)).line());
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
                    String outcome = HandshakeRecording.run(SecureSocket.newConnection(options),
                            new SocketWire(socket, lines));
                    lines.add(new Event('o', null, outcome).line());
                } catch (IOException e) {
                    throw new IOException(scenario + ": " + e.getMessage() + "; trace " + trace + "; server "
                            + server.output(), e);
                }
            }
        }
        return lines;
    }

    /** The socket to the server; every chunk both ways is added to the recording. */
    private record SocketWire(Socket socket, List<String> lines) implements HandshakeRecording.Wire {
        @Override
        public void send(byte[] bytes) throws IOException {
            lines.add(Event.client(bytes).line());
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        @Override
        public byte[] receive() throws IOException {
            byte[] buffer = new byte[65536];
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                throw new IOException("the server closed the connection");
            }
            byte[] bytes = Arrays.copyOf(buffer, n);
            lines.add(Event.server(bytes).line());
            return bytes;
        }
    }
}
