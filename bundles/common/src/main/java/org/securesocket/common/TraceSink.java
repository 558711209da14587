package org.securesocket.common;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a connection's human-readable trace goes: one call per event line. In OSGi it is bound to
 * the Log Service; in plain Java it defaults to {@link #NONE} or {@link #stream(PrintStream)}.
 * Implementations must be thread-safe: several connections trace at once.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface TraceSink {

    /** Discards everything. */
    TraceSink NONE = (connection, line) -> { };

    /**
     * Records one trace line.
     *
     * @param connection a short identifier of the connection, e.g. {@code "#3 example.com:443"}
     * @param line       the event, without a trailing newline
     */
    void trace(String connection, String line);

    /** Prints {@code [connection] line} to a stream, e.g. {@code System.err}. */
    static TraceSink stream(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return (connection, line) -> {
            synchronized (out) {
                out.println("[" + connection + "] " + line);
            }
        };
    }
}
