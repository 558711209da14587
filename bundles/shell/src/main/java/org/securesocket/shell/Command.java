package org.securesocket.shell;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One subcommand of the {@code securesocket} command line, such as {@code gateway}.
 *
 * <p>A command parses its own arguments; it throws {@link UsageException} for arguments it cannot
 * accept, so that the {@link CommandTable} reports every usage error the same way. Relative file
 * arguments are resolved against the caller's working directory (the launcher never changes it).
 */
@ConsumerType
public interface Command {

    /** Exit status of a command that did what was asked. */
    int OK = 0;

    /** Exit status of a command that ran but failed (a connection refused, a bundle not active...). */
    int FAILURE = 1;

    /** Exit status for arguments that cannot be accepted. */
    int USAGE = 2;

    /** The word that selects this command, for example {@code gateway}. */
    String name();

    /** One line saying what the command does, shown in the command list. */
    String summary();

    /** The synopsis of the arguments, without the program and command name, e.g. {@code [--wait]}. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @param context where the command reads and writes
     * @return the exit status: {@link #OK}, {@link #FAILURE} or a command-specific non-zero value
     * @throws UsageException when the arguments cannot be accepted
     * @throws Exception any other failure, reported by the table with exit status {@link #FAILURE}
     */
    int run(List<String> args, CommandContext context) throws Exception;
}
