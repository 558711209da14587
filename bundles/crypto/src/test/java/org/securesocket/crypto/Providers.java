package org.securesocket.crypto;

import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The providers every shared test runs against ({@code @MethodSource("org.securesocket.crypto.Providers#all")}):
 * each {@link ProviderUnderTest} named in a test-scope {@code META-INF/services/org.securesocket.crypto.ProviderUnderTest}.
 * This module names the JCA provider; bundles/crypto-bc runs this suite from the test jar with its own
 * file added (the BouncyCastle provider and the composition), so the tests and vectors exist once.
 */
public final class Providers {
    private Providers() {
    }

    public static Stream<ProviderUnderTest> all() {
        return ServiceLoader.load(ProviderUnderTest.class).stream().map(ServiceLoader.Provider::get);
    }
}
