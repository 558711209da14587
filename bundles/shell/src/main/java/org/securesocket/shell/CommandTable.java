package org.securesocket.shell;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dispatches a command line to one of its {@link Command}s.
 *
 * <p>{@code PROGRAM COMMAND ARGS...} runs {@code COMMAND} with {@code ARGS}. {@code PROGRAM help},
 * {@code -h} or {@code --help} list the commands, {@code PROGRAM help COMMAND} and
 * {@code PROGRAM COMMAND --help} show one command's usage. A missing or unknown command and a
 * {@link UsageException} exit with {@link Command#USAGE}; any other exception is reported on one
 * line and exits with {@link Command#FAILURE}.
 */
public final class CommandTable {

    private static final List<String> HELP = List.of("help", "-h", "--help");

    private final String program;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    /**
     * @param program the name the user typed, used in messages (e.g. {@code securesocket})
     * @param commands the commands, listed in this order by {@code help}
     * @throws IllegalArgumentException if two commands share a name or a name is a help word
     */
    public CommandTable(String program, List<? extends Command> commands) {
        this.program = program;
        for (Command command : commands) {
            String name = command.name();
            if (HELP.contains(name) || this.commands.putIfAbsent(name, command) != null) {
                throw new IllegalArgumentException("command name already taken: " + name);
            }
        }
    }

    /** The commands in the order they are listed. */
    public Map<String, Command> commands() {
        return Collections.unmodifiableMap(commands);
    }

    /** The command called {@code name}, if there is one. */
    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /**
     * Runs the command the arguments name.
     *
     * @return the exit status for the process
     */
    public int run(List<String> args, CommandContext context) {
        if (args.isEmpty()) {
            printCommands(context.err());
            return Command.USAGE;
        }
        String first = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (HELP.contains(first)) {
            return help(rest, context);
        }
        Command command = commands.get(first);
        if (command == null) {
            context.err().println(program + ": unknown command '" + first + "'");
            printCommands(context.err());
            return Command.USAGE;
        }
        if (rest.size() == 1 && HELP.contains(rest.get(0))) {
            printUsage(command, context.out());
            return Command.OK;
        }
        return invoke(command, rest, context);
    }

    private int help(List<String> rest, CommandContext context) {
        if (rest.isEmpty()) {
            printCommands(context.out());
            return Command.OK;
        }
        Command command = commands.get(rest.get(0));
        if (command == null || rest.size() > 1) {
            context.err().println(program + ": help takes one command name, got " + rest);
            printCommands(context.err());
            return Command.USAGE;
        }
        printUsage(command, context.out());
        return Command.OK;
    }

    private int invoke(Command command, List<String> args, CommandContext context) {
        String prefix = program + " " + command.name() + ": ";
        try {
            return command.run(List.copyOf(args), context);
        } catch (UsageException e) {
            context.err().println(prefix + e.getMessage());
            context.err().println("usage: " + program + " " + command.name() + " " + command.usage());
            return Command.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println(prefix + "interrupted");
            return Command.FAILURE;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            context.err().println(prefix + message);
            return Command.FAILURE;
        }
    }

    private void printUsage(Command command, PrintStream stream) {
        stream.println("usage: " + program + " " + command.name() + " " + command.usage());
        stream.println("  " + command.summary());
    }

    private void printCommands(PrintStream stream) {
        stream.println("usage: " + program + " COMMAND [ARGS...]   (" + program + " help COMMAND for its usage)");
        stream.println("commands:");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Command command : commands.values()) {
            stream.printf("  %-" + width + "s  %s%n", command.name(), command.summary());
        }
    }
}
