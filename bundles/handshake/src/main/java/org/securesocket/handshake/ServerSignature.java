package org.securesocket.handshake;

import org.securesocket.common.TlsException;
import org.securesocket.record.ProtocolVersion;

/**
 * The signature that ends a ServerKeyExchange (RFC 5246 section 4.7 {@code digitally-signed}): TLS 1.2
 * names the SignatureAndHashAlgorithm first; TLS 1.0 and 1.1 have no such field, the certificate's key
 * type fixes the algorithm (RFC 4346 section 7.4.3), and the scheme is kept as -1.
 */
final class ServerSignature {
    private ServerSignature() {
    }

    /** The SignatureAndHashAlgorithm in TLS 1.2, else -1 (nothing is read). */
    static int readScheme(WireReader in, ProtocolVersion version) throws TlsException {
        return version == ProtocolVersion.TLS12 ? in.u16("SignatureAndHashAlgorithm") : -1;
    }

    static byte[] readSignature(WireReader in) throws TlsException {
        return in.vector16(0, 0xffff, "signature");
    }

    /** Writes the scheme (when it has one: TLS 1.2) and the signature. */
    static void write(WireWriter out, int scheme, byte[] signature) {
        if (scheme >= 0) {
            out.u16(scheme);
        }
        out.vector16(signature);
    }
}
