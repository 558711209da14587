package org.securesocket.crypto;

import org.securesocket.common.TlsException;

/**
 * One ephemeral key pair of a group. The private key never leaves this object; it is used once.
 */
public interface KeyShare {

    /**
     * The named group; for {@link TlsCrypto#generateDhKeyShare} it is the RFC 7919 group the server's
     * parameters match, or null when they match none (TLS 1.2 DHE carries no group code).
     */
    NamedGroup group();

    /**
     * Our public value as sent on the wire: an uncompressed point for EC groups, the u-coordinate
     * for X25519, Y left-padded to the size of p for finite-field groups.
     */
    byte[] publicKey();

    /**
     * Validates the peer's public value and computes the shared secret (for finite-field groups the
     * secret keeps its leading zero bytes in TLS 1.3 and loses them in TLS 1.2: the caller strips them).
     *
     * @throws TlsException {@code handshake.illegal_parameter} for an invalid or off-curve point, an
     *                      all-zero X25519 result, or a DH value outside [2, p-2]
     */
    byte[] agree(byte[] peerPublicKey) throws TlsException;
}
