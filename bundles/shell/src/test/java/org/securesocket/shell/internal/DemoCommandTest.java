package org.securesocket.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.shell.CommandContext;
import org.securesocket.shell.UsageException;

/** {@code securesocket demo}: run as the launcher runs it, in a process of its own, and its refusals. */
class DemoCommandTest {

    @Test
    void demoExitRunsEveryStepInItsOwnProcess(@TempDir Path dir) throws Exception {
        Path keyLog = dir.resolve("keys.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "demo", "--exit", "--keylog",
                keyLog.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("demo: 3 of 3 steps succeeded"), out);

        // step 1 negotiates the highest version the stack offers, step 2 TLS 1.2: read from the API, not assumed
        Matcher negotiated = Pattern.compile("negotiated: (TLS 1\\.\\d)").matcher(out);
        assertTrue(negotiated.find(), out);
        assertEquals(HandshakePolicy.DEFAULT.maxVersion().toString(), negotiated.group(1));
        assertTrue(negotiated.find(), out);
        assertEquals("TLS 1.2", negotiated.group(1));
        assertTrue(out.contains("sent 'hello over " + HandshakePolicy.DEFAULT.maxVersion() + "', received 'hello over "
                + HandshakePolicy.DEFAULT.maxVersion() + "': OK"), out);
        assertTrue(out.contains("sent 'hello over TLS 1.2', received 'hello over TLS 1.2': OK"), out);
        assertTrue(out.contains("FINISHED: "), "the trace's summary line: " + out);
        assertTrue(out.contains("refused, as it must be: code certificate.hostname_mismatch: "), out);

        // the key log holds one line per secret; none of them is in the trace
        List<String> lines = Files.readAllLines(keyLog);
        assertTrue(lines.size() >= 2, lines.toString());
        // TLS 1.2 logs its master secret; TLS 1.3 its four traffic secrets (NSS key log labels)
        List<String> labels = lines.stream().map(l -> l.split(" ")[0]).toList();
        assertTrue(labels.contains("CLIENT_RANDOM"), labels.toString());
        if (HandshakePolicy.DEFAULT.maxVersion().toString().equals("TLS 1.3")) {
            assertTrue(labels.containsAll(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                    "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0")), labels.toString());
        }
        for (String line : lines) {
            assertTrue(line.matches("[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]{64,}"), line);
            assertFalse(out.contains(line.split(" ")[2]), "a secret in the output: " + line);
        }
    }

    @Test
    void unknownArgumentsAreUsageErrors() {
        CommandContext context = new CommandContext(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> new DemoCommand().run(List.of("--wait"), context));
        org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> new DemoCommand().run(List.of("--keylog"), context));
    }
}
