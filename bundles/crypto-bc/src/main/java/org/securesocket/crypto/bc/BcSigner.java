package org.securesocket.crypto.bc;

import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.Signer;

/** A private key bound to one scheme, as a signing function. */
final class BcSigner implements Signer {

    /** Signs one message. */
    @FunctionalInterface
    interface Sign {
        byte[] apply(byte[] message) throws TlsException;
    }

    private final SignatureScheme scheme;
    private final Sign sign;

    BcSigner(SignatureScheme scheme, Sign sign) {
        this.scheme = scheme;
        this.sign = sign;
    }

    @Override
    public SignatureScheme scheme() {
        return scheme;
    }

    @Override
    public byte[] sign(byte[] message) throws TlsException {
        return sign.apply(message);
    }
}
