package org.securesocket.handshake;

import java.util.List;
import org.securesocket.crypto.SignatureScheme;

/**
 * The client's certificate and key for client authentication (RFC 8446 section 4.4.2, 4.4.3).
 *
 * @param certificateChain DER certificates, the client's own first
 * @param pkcs8PrivateKey  the private key of the first certificate, PKCS#8 DER
 * @param schemes          the schemes this key can sign with, in preference order (e.g. ECDSA P-256 SHA-256,
 *                         or the RSA-PSS rsae schemes for an RSA key)
 */
public record ClientCredentials(List<byte[]> certificateChain, byte[] pkcs8PrivateKey, List<SignatureScheme> schemes) {
    public ClientCredentials {
        if (certificateChain.isEmpty() || schemes.isEmpty()) {
            throw new IllegalArgumentException("client credentials need a certificate and at least one scheme");
        }
        certificateChain = certificateChain.stream().map(byte[]::clone).toList();
        pkcs8PrivateKey = pkcs8PrivateKey.clone();
        schemes = List.copyOf(schemes);
    }

    @Override
    public List<byte[]> certificateChain() {
        return certificateChain.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] pkcs8PrivateKey() {
        return pkcs8PrivateKey.clone();
    }
}
