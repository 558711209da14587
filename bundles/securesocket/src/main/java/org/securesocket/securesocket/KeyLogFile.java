package org.securesocket.securesocket;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.securesocket.handshake.KeyLogSink;

/**
 * The NSS key log format that Wireshark reads ({@code SSLKEYLOGFILE}): one line per secret,
 * {@code <label> <client_random hex> <secret hex>}, appended to a file. For debugging only: whoever
 * reads the file can decrypt the connections. Thread-safe; each line is written and flushed whole. A
 * failed write never fails a connection: it is kept in {@link #writeFailure()}.
 */
public final class KeyLogFile implements KeyLogSink, Closeable {
    /** The environment variable browsers and curl use for the same purpose. */
    public static final String ENVIRONMENT_VARIABLE = "SSLKEYLOGFILE";
    private static final HexFormat HEX = HexFormat.of();

    private final Path path;
    private final Writer writer;
    private IOException writeFailure;

    /** Opens {@code path} for appending (created when missing). */
    public KeyLogFile(Path path) throws IOException {
        this.path = Objects.requireNonNull(path, "path");
        this.writer = Files.newBufferedWriter(path, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** The file named by {@code SSLKEYLOGFILE}, when that variable is set and not empty. */
    public static Optional<KeyLogFile> fromEnvironment() throws IOException {
        String name = System.getenv(ENVIRONMENT_VARIABLE);
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(new KeyLogFile(Path.of(name)));
    }

    /** One line of the format, without the newline. */
    public static String line(String label, byte[] clientRandom, byte[] secret) {
        return label + " " + HEX.formatHex(clientRandom) + " " + HEX.formatHex(secret);
    }

    public Path path() {
        return path;
    }

    /** The first write that failed, if any. */
    public synchronized Optional<IOException> writeFailure() {
        return Optional.ofNullable(writeFailure);
    }

    @Override
    public synchronized void log(String label, byte[] clientRandom, byte[] secret) {
        try {
            writer.write(line(label, clientRandom, secret) + "\n");
            writer.flush();
        } catch (IOException e) {
            if (writeFailure == null) {
                writeFailure = e;
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
