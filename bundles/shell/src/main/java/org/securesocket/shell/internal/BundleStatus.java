package org.securesocket.shell.internal;

import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The state of one installed bundle as the gateway reports it.
 *
 * @param error why the bundle could not be started (the resolver's message), if it could not
 */
record BundleStatus(long id, String symbolicName, String version, int state, boolean fragment,
        Optional<String> error) {

    static BundleStatus of(Bundle bundle, Optional<String> error) {
        return new BundleStatus(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()),
                bundle.getVersion().toString(), bundle.getState(), isFragment(bundle), error);
    }

    static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /** Started, or resolved for a fragment (fragments are never started), and no start error. */
    boolean healthy() {
        return error.isEmpty() && (state == Bundle.ACTIVE || fragment && state == Bundle.RESOLVED);
    }

    String line() {
        String kind = fragment ? " (fragment)" : "";
        return String.format("[%3d] %-11s %s %s%s", id, stateName(state), symbolicName, version, kind)
                + error.map(message -> System.lineSeparator() + "        " + message).orElse("");
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "STATE(" + state + ")";
        };
    }
}
