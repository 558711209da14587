package org.securesocket.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Every bundle the build makes starts in Felix, and every DS component in them is satisfied. */
public class RuntimeBundlesIT extends SecureSocketFramework {

    @Test
    public void everyRuntimeBundleIsInstalledAndActive() {
        Set<String> locations = Arrays.stream(context.getBundles()).map(Bundle::getLocation).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Path jar : RuntimeDirectory.bundleJars()) {
            if (!locations.contains(jar.toUri().toString())) {
                problems.add("not installed: " + jar);
            }
        }
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add("not " + (fragment ? "resolved" : "active") + ": " + bundle.getSymbolicName());
            }
        }
        assertTrue(problems + "\nbundles:\n" + bundleList(), problems.isEmpty());
    }

    @Test
    public void everySecureSocketBundleOfTheBuildIsThere() {
        long secureSocketBundles = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().startsWith("org.securesocket."))
                .count();
        long secureSocketJars = RuntimeDirectory.bundleJars().stream()
                .filter(jar -> jar.getFileName().toString().startsWith("org.securesocket."))
                .count();
        assertTrue("the runtime has no SecureSocket bundle", secureSocketJars > 0);
        assertEquals(bundleList(), secureSocketJars, secureSocketBundles);
    }

    @Test
    public void everyComponentIsSatisfied() throws InterruptedException {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVICE_TIMEOUT_SECONDS);
        List<String> problems = unsatisfiedComponents(scr);
        while (!problems.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(100);
            problems = unsatisfiedComponents(scr);
        }
        assertTrue(problems + "\nbundles:\n" + bundleList(), problems.isEmpty());
    }

    private static List<String> unsatisfiedComponents(ServiceComponentRuntime scr) {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (!satisfied(configuration)) {
                    problems.add(description.name + " in " + description.bundle.symbolicName + ": state "
                            + configuration.state + ", unsatisfied references "
                            + Arrays.stream(configuration.unsatisfiedReferences).map(r -> r.name).toList()
                            + (configuration.failure == null ? "" : ", failure " + configuration.failure));
                }
            }
        }
        return problems;
    }

    /**
     * Satisfied or active; a component waiting for a configuration it requires is normal (a factory
     * PID with no instance yet), a missing reference or a failed activation is not.
     */
    private static boolean satisfied(ComponentConfigurationDTO configuration) {
        return configuration.state == ComponentConfigurationDTO.SATISFIED
                || configuration.state == ComponentConfigurationDTO.ACTIVE
                || configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION;
    }
}
