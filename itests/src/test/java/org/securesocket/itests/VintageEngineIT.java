package org.securesocket.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Guards against the silent skip: the itests are JUnit 4 (pax-exam 4 runs on JUnit 4), and without
 * the vintage engine the JUnit Platform would find none of them and report success. This Jupiter
 * test fails instead when the Platform cannot see the JUnit 4 tests.
 */
class VintageEngineIT {

    @Test
    void thePlatformDiscoversTheJUnit4Itests() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(GatewayIT.class))
                .build());
        assertEquals(2, plan.countTestIdentifiers(TestIdentifier::isTest),
                "the JUnit Platform does not see the JUnit 4 itests: is junit-vintage-engine a test dependency?");
    }
}
