package org.securesocket.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securesocket.shell.UsageException;

class GatewayCommandTest {

    private static final Optional<Path> DEFAULT = Optional.of(Path.of("/opt/bundles"));

    @Test
    void defaultsToTheLaunchersDirectoryAndTenSeconds() throws UsageException {
        GatewayCommand.Options options = GatewayCommand.parse(List.of(), DEFAULT);
        assertEquals(Path.of("/opt/bundles"), options.bundles());
        assertEquals(Duration.ofSeconds(10), options.timeout());
        assertFalse(options.waitForStop());
    }

    @Test
    void optionsOverrideTheDefaults() throws UsageException {
        GatewayCommand.Options options = GatewayCommand.parse(
                List.of("--wait", "--bundles", "relative/dir", "--timeout", "30"), DEFAULT);
        assertEquals(Path.of("relative/dir"), options.bundles());
        assertEquals(Duration.ofSeconds(30), options.timeout());
        assertTrue(options.waitForStop());
    }

    @Test
    void withoutADirectoryTheUserIsToldHowToGiveOne() {
        UsageException e = assertThrows(UsageException.class, () -> GatewayCommand.parse(List.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("--bundles DIR"), e.getMessage());
    }

    @Test
    void rejectsUnknownArgumentsMissingValuesAndBadTimeouts() {
        for (List<String> args : List.of(List.of("--verbose"), List.of("--bundles"), List.of("--timeout"),
                List.of("--timeout", "soon"), List.of("--timeout", "0"), List.of("--timeout", "3601"),
                List.of("--timeout", "-5"), List.of("extra"))) {
            assertThrows(UsageException.class, () -> GatewayCommand.parse(args, DEFAULT), args.toString());
        }
    }

    @Test
    void listsOnlyJarsSortedByName(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("b.jar"));
        Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar")), EmbeddedGateway.jars(dir));
    }

    @Test
    void aMissingOrEmptyDirectoryIsAClearError(@TempDir Path dir) {
        IOException missing = assertThrows(IOException.class, () -> EmbeddedGateway.jars(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        IOException empty = assertThrows(IOException.class, () -> EmbeddedGateway.jars(dir));
        assertTrue(empty.getMessage().contains("no bundle jars"), empty.getMessage());
    }

    @Test
    void mainListsTheGatewayCommand() {
        assertTrue(Main.table().find("gateway").orElseThrow() instanceof GatewayCommand);
    }
}
