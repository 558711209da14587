package org.securesocket.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * The state of one Declarative Services component configuration as the gateway reports it.
 *
 * <p>Healthy means the component can work: satisfied or active, disabled on purpose, or waiting for
 * a configuration it requires (a factory PID with no instance yet is normal on a gateway). A missing
 * reference or a failed activation is not healthy.
 */
record ComponentStatus(long bundleId, String bundle, String name, String state, boolean healthy, String detail) {

    private static final Comparator<ComponentStatus> ORDER =
            Comparator.comparingLong(ComponentStatus::bundleId).thenComparing(ComponentStatus::name);

    /** Every component of every bundle, ordered by bundle and name. */
    static List<ComponentStatus> all(ServiceComponentRuntime scr) {
        List<ComponentStatus> statuses = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            statuses.addAll(of(description, scr.isComponentEnabled(description),
                    scr.getComponentConfigurationDTOs(description)));
        }
        statuses.sort(ORDER);
        return statuses;
    }

    /** One status per configuration of the component, or one for the component itself if it has none. */
    static List<ComponentStatus> of(ComponentDescriptionDTO description, boolean enabled,
            Collection<ComponentConfigurationDTO> configurations) {
        if (!enabled) {
            return List.of(status(description, "DISABLED", true, "disabled"));
        }
        if (configurations.isEmpty()) {
            boolean required = "require".equals(description.configurationPolicy);
            return List.of(required
                    ? status(description, "WAITING", true, waitsFor(description))
                    : status(description, "NO_CONFIGURATION", false, "enabled but has no configuration"));
        }
        return configurations.stream().map(configuration -> of(description, configuration)).toList();
    }

    private static ComponentStatus of(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        return switch (configuration.state) {
            case ComponentConfigurationDTO.ACTIVE -> status(description, "ACTIVE", true, "");
            case ComponentConfigurationDTO.SATISFIED -> status(description, "SATISFIED", true, "");
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                    status(description, "WAITING", true, waitsFor(description));
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE ->
                    status(description, "UNSATISFIED_REFERENCE", false, missing(description, configuration));
            case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                    status(description, "FAILED_ACTIVATION", false, firstLine(configuration.failure));
            default -> status(description, "STATE(" + configuration.state + ")", false, "");
        };
    }

    String line() {
        return String.format("%-21s %s %s", state, bundle, name) + (detail.isEmpty() ? "" : "  (" + detail + ")");
    }

    private static ComponentStatus status(ComponentDescriptionDTO description, String state, boolean healthy,
            String detail) {
        return new ComponentStatus(description.bundle.id, description.bundle.symbolicName, description.name, state,
                healthy, detail);
    }

    private static String waitsFor(ComponentDescriptionDTO description) {
        return "waits for configuration " + String.join(", ", description.configurationPid);
    }

    private static String missing(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        return "missing " + Arrays.stream(configuration.unsatisfiedReferences)
                .map(unsatisfied -> describe(description, unsatisfied))
                .collect(Collectors.joining(", "));
    }

    private static String describe(ComponentDescriptionDTO description, UnsatisfiedReferenceDTO unsatisfied) {
        String service = Arrays.stream(description.references)
                .filter(reference -> reference.name.equals(unsatisfied.name))
                .map((ReferenceDTO reference) -> reference.interfaceName)
                .findFirst().orElse("?");
        String target = unsatisfied.target == null ? "" : " " + unsatisfied.target;
        return unsatisfied.name + " (" + service + target + ")";
    }

    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "activation failed";
        }
        return failure.lines().findFirst().orElse(failure);
    }
}
