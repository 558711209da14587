package org.securesocket.crypto.compose;

import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.ProviderUnderTest;

/**
 * The composition of some providers under test, for the shared suite: its known-answer key
 * agreement goes to the part the composition routes that group to, so the vectors test the path
 * the composition really takes. A module that has several providers names a subclass in its
 * test-scope service file.
 */
public class ComposedProviderUnderTest implements ProviderUnderTest {
    private final List<ProviderUnderTest> parts;
    private final ComposedTlsCrypto crypto;

    public ComposedProviderUnderTest(ProviderUnderTest... parts) {
        this.parts = List.of(parts);
        this.crypto = new ComposedTlsCrypto(this.parts.stream().map(ProviderUnderTest::crypto).toList());
    }

    @Override
    public ComposedTlsCrypto crypto() {
        return crypto;
    }

    @Override
    public byte[] agree(NamedGroup group, byte[] privateKey, byte[] peerPublicKey) throws TlsException {
        String name = crypto.servedBy().get(ComposedTlsCrypto.keyExchange(group));
        ProviderUnderTest part = parts.stream().filter(p -> p.crypto().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no part serves " + group));
        return part.agree(group, privateKey, peerPublicKey);
    }

    @Override
    public String toString() {
        return "composed" + crypto.servedBy().values().stream().distinct().toList();
    }
}
