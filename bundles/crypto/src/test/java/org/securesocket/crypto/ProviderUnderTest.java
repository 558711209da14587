package org.securesocket.crypto;

import org.securesocket.common.TlsException;

/**
 * One crypto provider as the shared test suite sees it: the provider itself, plus the one hook that
 * known-answer key exchange tests need (an agreement with a given private key, which the SPI
 * deliberately never exposes).
 */
public interface ProviderUnderTest {

    TlsCrypto crypto();

    /**
     * Key agreement with a given private key through the provider's own peer-key validation.
     *
     * @param privateKey big-endian scalar for EC groups, the 32 raw bytes for X25519
     */
    byte[] agree(NamedGroup group, byte[] privateKey, byte[] peerPublicKey) throws TlsException;
}
