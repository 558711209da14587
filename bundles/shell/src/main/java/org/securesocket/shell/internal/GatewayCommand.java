package org.securesocket.shell.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.securesocket.shell.Command;
import org.securesocket.shell.CommandContext;
import org.securesocket.shell.UsageException;

/**
 * {@code securesocket gateway}: starts an embedded OSGi framework with every bundle of a directory
 * and prints the state of each bundle and each Declarative Services component.
 */
final class GatewayCommand implements Command {

    /** The system property naming the default bundle directory; the launcher script sets it. */
    static final String BUNDLES_PROPERTY = "securesocket.bundles";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The parsed arguments. */
    record Options(Path bundles, Duration timeout, boolean waitForStop) {
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String summary() {
        return "start an embedded Felix with every SecureSocket bundle and print bundle and component states";
    }

    @Override
    public String usage() {
        return "[--bundles DIR] [--timeout SECONDS] [--wait]";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        Options options = parse(args, Optional.ofNullable(System.getProperty(BUNDLES_PROPERTY)).map(Path::of));
        return new EmbeddedGateway(options).run(context.out(), context.err());
    }

    /**
     * Parses the arguments.
     *
     * @param defaultBundles the bundle directory used when {@code --bundles} is not given
     */
    static Options parse(List<String> args, Optional<Path> defaultBundles) throws UsageException {
        Optional<Path> bundles = defaultBundles;
        Duration timeout = DEFAULT_TIMEOUT;
        boolean waitForStop = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--wait" -> waitForStop = true;
                case "--bundles" -> bundles = Optional.of(Path.of(value(args, ++i, arg)));
                case "--timeout" -> timeout = seconds(value(args, ++i, arg));
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        Path directory = bundles.orElseThrow(() -> new UsageException(
                "no bundle directory: pass --bundles DIR (the ./securesocket launcher passes the build's)"));
        return new Options(directory, timeout, waitForStop);
    }

    private static String value(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static Duration seconds(String text) throws UsageException {
        try {
            long seconds = Long.parseLong(text);
            if (seconds >= 1 && seconds <= 3600) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException("--timeout takes a whole number of seconds from 1 to 3600, got '" + text + "'");
    }
}
