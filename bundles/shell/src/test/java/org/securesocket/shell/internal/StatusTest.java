package org.securesocket.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class StatusTest {

    @Test
    void onlyActiveBundlesAndResolvedFragmentsAreHealthy() {
        assertTrue(bundle(Bundle.ACTIVE, false, Optional.empty()).healthy());
        assertTrue(bundle(Bundle.RESOLVED, true, Optional.empty()).healthy());
        assertFalse(bundle(Bundle.RESOLVED, false, Optional.empty()).healthy());
        assertFalse(bundle(Bundle.INSTALLED, false, Optional.empty()).healthy());
        assertFalse(bundle(Bundle.INSTALLED, true, Optional.empty()).healthy());
        assertFalse(bundle(Bundle.ACTIVE, false, Optional.of("activator failed")).healthy());
    }

    @Test
    void bundleLineShowsStateNameVersionAndError() {
        assertEquals("[  3] ACTIVE      org.securesocket.common 0.1.0.SNAPSHOT",
                bundle(Bundle.ACTIVE, false, Optional.empty()).line());
        assertEquals("[  3] INSTALLED   org.securesocket.common 0.1.0.SNAPSHOT" + System.lineSeparator()
                + "        Unable to resolve", bundle(Bundle.INSTALLED, false, Optional.of("Unable to resolve")).line());
        assertEquals("STATE(64)", BundleStatus.stateName(64));
    }

    private static BundleStatus bundle(int state, boolean fragment, Optional<String> error) {
        return new BundleStatus(3, "org.securesocket.common", "0.1.0.SNAPSHOT", state, fragment, error);
    }

    @Test
    void satisfiedAndActiveConfigurationsAreHealthy() {
        ComponentDescriptionDTO description = description("optional");
        List<ComponentStatus> statuses = ComponentStatus.of(description, true,
                List.of(configuration(ComponentConfigurationDTO.ACTIVE),
                        configuration(ComponentConfigurationDTO.SATISFIED)));
        assertEquals(List.of("ACTIVE", "SATISFIED"), statuses.stream().map(ComponentStatus::state).toList());
        assertTrue(statuses.stream().allMatch(ComponentStatus::healthy));
        assertEquals("ACTIVE                org.securesocket.crypto org.securesocket.crypto.Jca",
                statuses.get(0).line());
    }

    @Test
    void aMissingReferenceNamesTheServiceAndIsUnhealthy() {
        ComponentDescriptionDTO description = description("optional");
        ReferenceDTO reference = new ReferenceDTO();
        reference.name = "trustStore";
        reference.interfaceName = "org.securesocket.x509.TrustStore";
        description.references = new ReferenceDTO[] {reference};
        ComponentConfigurationDTO configuration = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO unsatisfied = new UnsatisfiedReferenceDTO();
        unsatisfied.name = "trustStore";
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {unsatisfied};

        ComponentStatus status = ComponentStatus.of(description, true, List.of(configuration)).get(0);
        assertFalse(status.healthy());
        assertEquals("missing trustStore (org.securesocket.x509.TrustStore)", status.detail());
    }

    @Test
    void aFailedActivationShowsTheFirstLineOfTheFailure() {
        ComponentConfigurationDTO configuration = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        configuration.failure = "java.lang.IllegalStateException: no provider\n\tat Foo.activate";
        ComponentStatus status = ComponentStatus.of(description("optional"), true, List.of(configuration)).get(0);
        assertFalse(status.healthy());
        assertEquals("java.lang.IllegalStateException: no provider", status.detail());
    }

    @Test
    void disabledAndWaitingForARequiredConfigurationAreHealthy() {
        assertEquals("DISABLED", ComponentStatus.of(description("optional"), false, List.of()).get(0).state());
        ComponentStatus waiting = ComponentStatus.of(description("require"), true, List.of()).get(0);
        assertTrue(waiting.healthy());
        assertEquals("waits for configuration org.securesocket.policy", waiting.detail());
        ComponentStatus unsatisfiedConfiguration = ComponentStatus.of(description("require"), true,
                List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION))).get(0);
        assertEquals("WAITING", unsatisfiedConfiguration.state());
        assertTrue(unsatisfiedConfiguration.healthy());
    }

    @Test
    void anEnabledComponentWithoutConfigurationIsUnhealthyUnlessItRequiresOne() {
        assertFalse(ComponentStatus.of(description("optional"), true, List.of()).get(0).healthy());
    }

    private static ComponentDescriptionDTO description(String configurationPolicy) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = "org.securesocket.crypto.Jca";
        description.bundle = new BundleDTO();
        description.bundle.id = 4;
        description.bundle.symbolicName = "org.securesocket.crypto";
        description.configurationPolicy = configurationPolicy;
        description.configurationPid = new String[] {"org.securesocket.policy"};
        description.references = new ReferenceDTO[0];
        return description;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return configuration;
    }
}
