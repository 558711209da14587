package org.securesocket.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandContext context = new CommandContext(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    /** A command that records its arguments and behaves as its first argument says. */
    private static class Echo implements Command {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "prints its arguments";
        }

        @Override
        public String usage() {
            return "[WORD...]";
        }

        @Override
        public int run(List<String> args, CommandContext context) throws Exception {
            calls.add(args);
            if (args.contains("--bad")) {
                throw new UsageException("unknown argument '--bad'");
            }
            if (args.contains("--boom")) {
                throw new IllegalStateException("port 443 refused");
            }
            if (args.contains("--status")) {
                return 7;
            }
            context.out().println(String.join(" ", args));
            return OK;
        }
    }

    private final Echo echo = new Echo();
    private final CommandTable table = new CommandTable("securesocket", List.of(echo));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dispatchesTheArgumentsAfterTheCommandName() {
        assertEquals(Command.OK, table.run(List.of("echo", "a", "b"), context));
        assertEquals(List.of(List.of("a", "b")), echo.calls);
        assertEquals("a b" + System.lineSeparator(), out());
        assertEquals("", err());
    }

    @Test
    void passesTheCommandsExitStatusThrough() {
        assertEquals(7, table.run(List.of("echo", "--status"), context));
    }

    @Test
    void noArgumentsListsTheCommandsOnStderrAsAUsageError() {
        assertEquals(Command.USAGE, table.run(List.of(), context));
        assertTrue(err().contains("echo  prints its arguments"), err());
        assertEquals("", out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(Command.USAGE, table.run(List.of("conect", "example.com"), context));
        assertTrue(err().startsWith("securesocket: unknown command 'conect'"), err());
        assertTrue(echo.calls.isEmpty());
    }

    @Test
    void helpWordsListTheCommandsOnStdout() {
        for (String help : List.of("help", "-h", "--help")) {
            out.reset();
            assertEquals(Command.OK, table.run(List.of(help), context));
            assertTrue(out().contains("echo  prints its arguments"), out());
        }
        assertEquals("", err());
    }

    @Test
    void helpForOneCommandShowsItsUsage() {
        assertEquals(Command.OK, table.run(List.of("help", "echo"), context));
        assertTrue(out().startsWith("usage: securesocket echo [WORD...]"), out());
        out.reset();
        assertEquals(Command.OK, table.run(List.of("echo", "--help"), context));
        assertTrue(out().startsWith("usage: securesocket echo [WORD...]"), out());
        assertTrue(echo.calls.isEmpty(), "--help alone must not run the command");
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        assertEquals(Command.USAGE, table.run(List.of("help", "nope"), context));
        assertEquals(Command.USAGE, table.run(List.of("help", "echo", "extra"), context));
    }

    @Test
    void usageExceptionPrintsTheMessageAndTheCommandsUsage() {
        assertEquals(Command.USAGE, table.run(List.of("echo", "--bad"), context));
        assertEquals("securesocket echo: unknown argument '--bad'" + System.lineSeparator()
                + "usage: securesocket echo [WORD...]" + System.lineSeparator(), err());
    }

    @Test
    void otherExceptionsAreAOneLineFailure() {
        assertEquals(Command.FAILURE, table.run(List.of("echo", "--boom"), context));
        assertEquals("securesocket echo: port 443 refused" + System.lineSeparator(), err());
    }

    @Test
    void rejectsDuplicateAndReservedNames() {
        assertThrows(IllegalArgumentException.class, () -> new CommandTable("p", List.of(echo, new Echo())));
        Command help = new Echo() {
            @Override
            public String name() {
                return "help";
            }
        };
        assertThrows(IllegalArgumentException.class, () -> new CommandTable("p", List.of(help)));
    }

    @Test
    void findsCommandsByName() {
        assertEquals(echo, table.find("echo").orElseThrow());
        assertTrue(table.find("gateway").isEmpty());
        assertEquals(List.of("echo"), List.copyOf(table.commands().keySet()));
    }
}
