package org.securesocket.shell;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The streams a command reads and writes: results go to {@code out}, diagnostics to {@code err}.
 *
 * @param in the standard input
 * @param out where the command's results go
 * @param err where notices, usage and error messages go
 */
public record CommandContext(InputStream in, PrintStream out, PrintStream err) {

    public CommandContext {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The process's standard streams. */
    public static CommandContext system() {
        return new CommandContext(System.in, System.out, System.err);
    }
}
