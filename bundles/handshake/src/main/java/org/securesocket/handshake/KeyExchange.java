package org.securesocket.handshake;

import org.securesocket.crypto.SignatureScheme;

/** The key exchange of a cipher suite and the certificate key it authenticates with. */
public enum KeyExchange {
    /** RFC 8422: ephemeral ECDH signed with an ECDSA certificate key. */
    ECDHE_ECDSA(SignatureScheme.KeyType.EC),
    /** RFC 8422: ephemeral ECDH signed with an RSA certificate key. */
    ECDHE_RSA(SignatureScheme.KeyType.RSA),
    /** RFC 5246 section 7.4.3: ephemeral finite-field DH with server-chosen parameters, signed with RSA. */
    DHE_RSA(SignatureScheme.KeyType.RSA),
    /**
     * RFC 5246 section 7.4.7.1: the premaster secret encrypted to the certificate's RSA key (no
     * ServerKeyExchange, no forward secrecy).
     */
    RSA(SignatureScheme.KeyType.RSA),
    /**
     * TLS 1.3 (RFC 8446 section 4.1.1): the suite fixes neither the key exchange nor the certificate
     * key; the key_share and signature_algorithms extensions negotiate them.
     */
    TLS13_ANY(null);

    private final SignatureScheme.KeyType certificateKey;

    KeyExchange(SignatureScheme.KeyType certificateKey) {
        this.certificateKey = certificateKey;
    }

    /** The key type the server's certificate must carry; null for {@link #TLS13_ANY}. */
    public SignatureScheme.KeyType certificateKey() {
        return certificateKey;
    }

    /** Whether a signature scheme can sign this key exchange (RSA certificates sign with PKCS#1 or PSS rsae). */
    public boolean accepts(SignatureScheme scheme) {
        return certificateKey == null || scheme.keyType() == certificateKey;
    }
}
