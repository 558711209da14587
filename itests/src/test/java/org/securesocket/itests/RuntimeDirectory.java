package org.securesocket.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runtime the build assembles in {@code itests/target/runtime}: {@code framework/} holds the
 * framework jar, {@code bundles/} every bundle to install (the SecureSocket bundles, SCR, Config
 * Admin and their APIs). Failsafe passes its location in the {@code securesocket.runtime} property.
 */
final class RuntimeDirectory {

    private RuntimeDirectory() {
    }

    static Path directory() {
        String location = System.getProperty("securesocket.runtime");
        if (location == null) {
            throw new IllegalStateException("system property securesocket.runtime is not set: run the itests with Maven");
        }
        return Path.of(location);
    }

    static Path bundles() {
        return directory().resolve("bundles");
    }

    static Path framework() {
        return directory().resolve("framework").resolve("org.apache.felix.framework.jar");
    }

    /** Every bundle jar of the runtime, by file name; fails if there is none. */
    static List<Path> bundleJars() {
        try (Stream<Path> files = Files.list(bundles())) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no bundles in " + bundles());
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runtime bundles (was the package phase run?)", e);
        }
    }
}
