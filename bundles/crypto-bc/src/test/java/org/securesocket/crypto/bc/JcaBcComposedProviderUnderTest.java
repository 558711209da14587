package org.securesocket.crypto.bc;

import org.securesocket.crypto.compose.ComposedProviderUnderTest;
import org.securesocket.crypto.jca.JcaProviderUnderTest;

/** The default composition, JCA and BouncyCastle, for the shared test suite. */
public final class JcaBcComposedProviderUnderTest extends ComposedProviderUnderTest {
    public JcaBcComposedProviderUnderTest() {
        super(new JcaProviderUnderTest(), new BcProviderUnderTest());
    }
}
