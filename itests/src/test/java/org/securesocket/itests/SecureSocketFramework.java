package org.securesocket.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Base class of the in-framework tests: Felix with every bundle of the build's runtime directory,
 * installed as {@code file:} bundles and started. A subclass only writes JUnit 4 {@code @Test}
 * methods; {@link #service(Class)} waits for a service such as {@code TlsCrypto}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class SecureSocketFramework {

    /** How long {@link #service(Class)} waits for a service to appear. */
    protected static final long SERVICE_TIMEOUT_SECONDS = 10;

    @Inject
    protected BundleContext context;

    @Configuration
    public Option[] configuration() {
        Stream<Option> runtime = RuntimeDirectory.bundleJars().stream().map(jar -> bundle(jar.toUri().toString()));
        return options(Stream.concat(Stream.of(junitBundles(), cleanCaches(true)), runtime).toArray(Option[]::new));
    }

    /** The service of the given type, waiting up to {@value #SERVICE_TIMEOUT_SECONDS} s for it. */
    protected <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(SERVICE_TIMEOUT_SECONDS));
            if (service == null) {
                throw new AssertionError("no " + type.getName() + " service after " + SERVICE_TIMEOUT_SECONDS
                        + " s; bundles:\n" + bundleList());
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /** One line per installed bundle: id, state, symbolic name, version and location. */
    protected String bundleList() {
        return Arrays.stream(context.getBundles())
                .map(bundle -> String.format("  [%3d] %-9s %s %s  %s", bundle.getBundleId(), state(bundle),
                        bundle.getSymbolicName(), bundle.getVersion(), bundle.getLocation()))
                .collect(Collectors.joining("\n"));
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
