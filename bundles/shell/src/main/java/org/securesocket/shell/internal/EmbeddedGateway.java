package org.securesocket.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.securesocket.shell.Command;

/**
 * An OSGi framework, found through the standard {@link FrameworkFactory} service loader, running
 * every bundle of one directory: the run behind {@code securesocket gateway}.
 */
final class EmbeddedGateway {

    private static final String SHELL_BUNDLE = "org.securesocket.shell";
    private static final String COMPONENT_REPORT = ComponentReport.class.getName();

    private final GatewayCommand.Options options;

    EmbeddedGateway(GatewayCommand.Options options) {
        this.options = options;
    }

    int run(PrintStream out, PrintStream err) throws Exception {
        List<Path> jars = jars(options.bundles());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, EmbeddedGateway.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no OSGi framework on the class path (add org.apache.felix.framework)"));
        Path storage = Files.createTempDirectory("securesocket-gateway-");
        Framework framework = factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        try {
            framework.start();
            boolean healthy = startAll(framework.getBundleContext(), jars, out);
            healthy &= reportComponents(framework.getBundleContext(), out);
            out.println(healthy ? "gateway: every bundle is active and every component is satisfied"
                    : "gateway: FAILED: a bundle is not active or a component is not satisfied (see above)");
            if (!healthy) {
                return Command.FAILURE;
            }
            if (options.waitForStop()) {
                err.println("gateway: running; stop it with Ctrl-C");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework, storage), "gateway-stop"));
                framework.waitForStop(0);
            }
            return Command.OK;
        } finally {
            stop(framework, storage);
        }
    }

    /** The bundle jars of the directory, by file name. */
    static List<Path> jars(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("bundle directory " + directory + " does not exist (build first: mvn -B package)");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
            if (jars.isEmpty()) {
                throw new IOException("no bundle jars in " + directory);
            }
            return jars;
        }
    }

    /** Installs every jar, then starts every bundle, and prints their states; true if all are healthy. */
    private static boolean startAll(BundleContext context, List<Path> jars, PrintStream out) {
        List<String> installFailures = new ArrayList<>();
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            try {
                bundles.add(context.installBundle(jar.toUri().toString()));
            } catch (BundleException e) {
                installFailures.add("cannot install " + jar + ": " + e.getMessage());
            }
        }
        Map<Bundle, Optional<String>> errors = new LinkedHashMap<>();
        for (Bundle bundle : bundles) {
            errors.put(bundle, start(bundle));
        }
        out.println("bundles:");
        boolean healthy = installFailures.isEmpty();
        for (Bundle bundle : context.getBundles()) {
            BundleStatus status = BundleStatus.of(bundle, errors.getOrDefault(bundle, Optional.empty()));
            out.println("  " + status.line());
            healthy &= status.healthy();
        }
        installFailures.forEach(failure -> out.println("  " + failure));
        return healthy;
    }

    private static Optional<String> start(Bundle bundle) {
        if (BundleStatus.isFragment(bundle)) {
            return Optional.empty();
        }
        try {
            bundle.start();
            return Optional.empty();
        } catch (BundleException | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** Runs {@link ComponentReport} in the class space of the shell bundle installed in the framework. */
    private boolean reportComponents(BundleContext context, PrintStream out) throws Exception {
        Optional<Bundle> shell = Stream.of(context.getBundles())
                .filter(bundle -> SHELL_BUNDLE.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE)
                .findFirst();
        if (shell.isEmpty()) {
            out.println("components: not inspected: " + SHELL_BUNDLE + " is not installed and active");
            return false;
        }
        Method print = shell.get().loadClass(COMPONENT_REPORT)
                .getMethod("print", BundleContext.class, PrintStream.class, Duration.class);
        try {
            return (Boolean) print.invoke(null, shell.get().getBundleContext(), out, options.timeout());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void stop(Framework framework, Path storage) {
        try {
            framework.stop();
            framework.waitForStop(options.timeout().toMillis());
        } catch (BundleException e) {
            // stopping on the way out: the storage is removed below all the same
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(storage);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless: the next run uses a new one
        }
    }
}
