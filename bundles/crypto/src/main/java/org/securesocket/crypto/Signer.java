package org.securesocket.crypto;

import org.securesocket.common.TlsException;

/** A private key bound to one signature scheme, for client authentication. */
public interface Signer {

    SignatureScheme scheme();

    /** Signs {@code message} (hashing it as the scheme says). */
    byte[] sign(byte[] message) throws TlsException;
}
