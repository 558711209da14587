package org.securesocket.handshake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.PublicKeyInfo;

/**
 * The client's certificate and key for client authentication (RFC 5246 section 7.4.6 and 7.4.8,
 * RFC 8446 section 4.4.2 and 4.4.3).
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

    /**
     * Credentials whose schemes follow from the leaf certificate's key: RSA-PSS then PKCS#1 v1.5 (the
     * latter TLS 1.2 only) with SHA-256/384/512 for an RSA key, the RSASSA-PSS schemes for a PSS key,
     * ECDSA with the curve's hash for P-256/P-384/P-521, Ed25519.
     *
     * @throws TlsException {@code certificate.malformed} for an unreadable leaf,
     *                      {@code crypto.unsupported_algorithm} for a key type that cannot sign here
     */
    public static ClientCredentials forKey(List<byte[]> certificateChain, byte[] pkcs8PrivateKey) throws TlsException {
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("client credentials need a certificate");
        }
        PublicKeyInfo key = Certificate.read(certificateChain.get(0)).publicKey();
        List<SignatureScheme> schemes = switch (key.type()) {
            case RSA -> List.of(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
                    SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.RSA_PKCS1_SHA256,
                    SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512);
            case RSA_PSS -> List.of(SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384,
                    SignatureScheme.RSA_PSS_PSS_SHA512);
            case EC -> List.of(ecdsaScheme(key.curve().orElse(null)));
            case ED25519 -> List.of(SignatureScheme.ED25519);
            case UNSUPPORTED -> throw new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM, "the client"
                    + " certificate's key is of a type this stack cannot sign with (RSA, RSA-PSS, ECDSA P-256/384/521"
                    + " or Ed25519 are)");
        };
        return new ClientCredentials(certificateChain, pkcs8PrivateKey, schemes);
    }

    /**
     * Checks that the private key belongs to the leaf certificate: a fixed message signed with the
     * first scheme must verify with the certificate's key. A mismatched pair then fails here, with a
     * message saying so, rather than as the server's decrypt_error alert in the middle of a handshake.
     *
     * @throws TlsException {@code crypto.invalid_key} when the key does not fit the certificate
     */
    public void checkKeyPair(TlsCrypto crypto) throws TlsException {
        SignatureScheme scheme = schemes.get(0);
        byte[] probe = "SecureSocket client key check".getBytes(StandardCharsets.US_ASCII);
        Certificate leaf = Certificate.read(certificateChain.get(0));
        byte[] signature;
        try {
            signature = crypto.createSigner(scheme, pkcs8PrivateKey).sign(probe);
        } catch (TlsException e) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the client key cannot sign with " + scheme
                    + ", which the certificate '" + leaf.subject() + "' needs: " + e.getMessage(), e);
        }
        if (!crypto.verify(scheme, leaf.publicKey().encoded(), probe, signature)) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the client key does not belong to the certificate '"
                    + leaf.subject() + "' (its public key does not verify what the key signs)");
        }
    }

    private static SignatureScheme ecdsaScheme(NamedGroup curve) throws TlsException {
        for (SignatureScheme s : SignatureScheme.values()) {
            if (s.keyType() == SignatureScheme.KeyType.EC && s.curve().isPresent() && s.curve().get() == curve) {
                return s;
            }
        }
        throw new TlsException(ErrorCode.CRYPTO_UNSUPPORTED_ALGORITHM, "the client certificate's EC key is on "
                + curve + "; only P-256, P-384 and P-521 can sign here");
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
