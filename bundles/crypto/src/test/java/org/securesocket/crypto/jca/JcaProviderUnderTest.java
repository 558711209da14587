package org.securesocket.crypto.jca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.AlgorithmParameters;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.ProviderUnderTest;
import org.securesocket.crypto.TlsCrypto;

/** The JCA provider, on a deterministic random source, for the shared test suite. */
public final class JcaProviderUnderTest implements ProviderUnderTest {
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(7));

    @Override
    public TlsCrypto crypto() {
        return crypto;
    }

    @Override
    public byte[] agree(NamedGroup group, byte[] privateKey, byte[] peerPublicKey) throws TlsException {
        try {
            if (group == NamedGroup.X25519) {
                return XdhKeyShare.agree(KeyFactory.getInstance("X25519")
                        .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey)), peerPublicKey);
            }
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(EcKeyShare.curveName(group)));
            ECPrivateKeySpec spec = new ECPrivateKeySpec(new BigInteger(1, privateKey),
                    params.getParameterSpec(ECParameterSpec.class));
            return EcKeyShare.agree(group, (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(spec),
                    peerPublicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("test key for " + group + " not accepted", e);
        }
    }

    @Override
    public String toString() {
        return crypto.name();
    }
}
