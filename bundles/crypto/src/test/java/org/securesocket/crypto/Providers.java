package org.securesocket.crypto;

import java.util.stream.Stream;
import org.securesocket.crypto.jca.JcaProviderUnderTest;

/**
 * The providers every shared test runs against ({@code @MethodSource("org.securesocket.crypto.Providers#all")}).
 * A new provider adds one line here.
 */
public final class Providers {
    private Providers() {
    }

    public static Stream<ProviderUnderTest> all() {
        return Stream.of(new JcaProviderUnderTest());
    }
}
