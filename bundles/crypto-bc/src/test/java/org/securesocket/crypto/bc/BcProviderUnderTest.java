package org.securesocket.crypto.bc;

import java.math.BigInteger;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.ProviderUnderTest;

/** The BouncyCastle provider, on a deterministic random source, for the shared test suite. */
public final class BcProviderUnderTest implements ProviderUnderTest {
    private final BcTlsCrypto crypto = new BcTlsCrypto(RandomSource.deterministic(7));

    @Override
    public BcTlsCrypto crypto() {
        return crypto;
    }

    @Override
    public byte[] agree(NamedGroup group, byte[] privateKey, byte[] peerPublicKey) throws TlsException {
        if (group == NamedGroup.X25519) {
            return BcX25519KeyShare.agree(privateKey, peerPublicKey);
        }
        return BcEcKeyShare.agree(BcCurve.of(group), new BigInteger(1, privateKey), peerPublicKey);
    }

    @Override
    public String toString() {
        return crypto.name();
    }
}
