package org.securesocket.crypto.jca;

import java.security.PrivateKey;
import java.security.SecureRandom;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.Signer;

/** A private key bound to one scheme; randomized schemes draw from the provider's source. */
final class JcaSigner implements Signer {
    private final SignatureScheme scheme;
    private final PrivateKey key;
    private final SecureRandom random;

    JcaSigner(SignatureScheme scheme, PrivateKey key, SecureRandom random) {
        this.scheme = scheme;
        this.key = key;
        this.random = random;
    }

    @Override
    public SignatureScheme scheme() {
        return scheme;
    }

    @Override
    public byte[] sign(byte[] message) throws TlsException {
        return JcaSignatures.sign(scheme, key, random, message);
    }
}
