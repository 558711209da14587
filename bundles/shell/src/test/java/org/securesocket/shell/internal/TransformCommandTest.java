package org.securesocket.shell.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securesocket.shell.CommandContext;

/** pem2der and pkcs8 through the command table, as the launcher runs them. */
class TransformCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.table().run(List.of(args), new CommandContext(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    @Test
    void pem2derWritesEveryBlockAndPkcs8KeepsAPkcs8Key(@TempDir Path dir) throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        byte[] first = ec.generateKeyPair().getPrivate().getEncoded();
        byte[] second = ec.generateKeyPair().getPrivate().getEncoded();
        Path in = Files.writeString(dir.resolve("keys.pem"), pem("PRIVATE KEY", first) + pem("PRIVATE KEY", second));

        assertEquals(0, run("pem2der", in.toString(), dir.resolve("keys.der").toString()), err.toString());
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertArrayEquals(both, Files.readAllBytes(dir.resolve("keys.der")));
        assertTrue(out.toString().contains("2 PEM block(s)"), out.toString());

        assertEquals(0, run("pkcs8", in.toString(), dir.resolve("key.p8").toString()), err.toString());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("key.p8")));
    }

    @Test
    void badInputFailsWithTheCodeAndBadArgumentsAreUsageErrors(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("plain.txt"), "no PEM here");
        assertEquals(1, run("pkcs8", text.toString(), dir.resolve("out").toString()));
        assertTrue(err.toString().contains("securesocket pkcs8: crypto.invalid_key"), err.toString());
        assertEquals(2, run("pem2der", text.toString()));
    }
}
