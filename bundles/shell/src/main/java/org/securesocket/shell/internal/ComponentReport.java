package org.securesocket.shell.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Prints the Declarative Services components of a running framework.
 *
 * <p>The gateway loads this class through the shell bundle installed in the framework, not from
 * its own class path: only there is {@code org.osgi.service.component.runtime} the same package
 * SCR implements. The entry point therefore takes only framework and {@code java.*} types.
 */
public final class ComponentReport {

    private static final long POLL_MILLIS = 100;

    private ComponentReport() {
    }

    /**
     * Waits up to {@code timeout} for SCR and for every component to become healthy, then prints
     * one line per component configuration.
     *
     * @return whether every component is healthy
     */
    public static boolean print(BundleContext context, PrintStream out, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServiceReference<ServiceComponentRuntime> reference;
        while ((reference = context.getServiceReference(ServiceComponentRuntime.class)) == null) {
            if (System.nanoTime() - deadline >= 0) {
                out.println("components: no ServiceComponentRuntime service (is Felix SCR installed and active?)");
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            List<ComponentStatus> statuses = ComponentStatus.all(scr);
            while (!allHealthy(statuses) && System.nanoTime() - deadline < 0) {
                Thread.sleep(POLL_MILLIS);
                statuses = ComponentStatus.all(scr);
            }
            out.println("components:");
            statuses.forEach(status -> out.println("  " + status.line()));
            if (statuses.isEmpty()) {
                out.println("  (none)");
            }
            return allHealthy(statuses);
        } finally {
            context.ungetService(reference);
        }
    }

    private static boolean allHealthy(List<ComponentStatus> statuses) {
        return statuses.stream().allMatch(ComponentStatus::healthy);
    }
}
