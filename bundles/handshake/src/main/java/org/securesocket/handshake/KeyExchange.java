package org.securesocket.handshake;

import org.securesocket.crypto.SignatureScheme;

/** The key exchange of a cipher suite and the certificate key it authenticates with. */
public enum KeyExchange {
    /** RFC 8422: ephemeral ECDH signed with an ECDSA certificate key. */
    ECDHE_ECDSA(SignatureScheme.KeyType.EC),
    /** RFC 8422: ephemeral ECDH signed with an RSA certificate key. */
    ECDHE_RSA(SignatureScheme.KeyType.RSA);

    private final SignatureScheme.KeyType certificateKey;

    KeyExchange(SignatureScheme.KeyType certificateKey) {
        this.certificateKey = certificateKey;
    }

    /** The key type the server's certificate must carry. */
    public SignatureScheme.KeyType certificateKey() {
        return certificateKey;
    }

    /** Whether a signature scheme can sign this key exchange (RSA certificates sign with PKCS#1 or PSS rsae). */
    public boolean accepts(SignatureScheme scheme) {
        return scheme.keyType() == certificateKey;
    }
}
