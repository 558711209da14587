package org.securesocket.handshake.internal;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.x509.PublicKeyInfo;

/** Which signature schemes may sign a TLS 1.3 handshake, and whether one fits a certificate key (RFC 8446 4.2.3). */
final class Tls13Signatures {
    private Tls13Signatures() {
    }

    /** PSS, ECDSA with SHA-2 and EdDSA; never PKCS#1 v1.5 or SHA-1 in a CertificateVerify. */
    static boolean allowed(SignatureScheme scheme) {
        HashAlgorithm hash = scheme.hash().orElse(null);
        boolean weakHash = hash == HashAlgorithm.SHA1 || hash == HashAlgorithm.SHA224;
        return scheme.codepoint() >= 0 && !weakHash && (scheme.padding() == SignatureScheme.Padding.PSS
                || scheme.keyType() == SignatureScheme.KeyType.EC || scheme.keyType() == SignatureScheme.KeyType.ED25519);
    }

    /**
     * Checks that the scheme can sign with this key: rsa_pss_rsae with an rsaEncryption key, rsa_pss_pss
     * with an RSASSA-PSS key, ECDSA with a key on the scheme's curve (TLS 1.3 binds it), Ed25519.
     */
    static void checkKey(SignatureScheme scheme, PublicKeyInfo key) throws TlsException {
        boolean fits = switch (scheme.keyType()) {
            case RSA -> key.type() == PublicKeyInfo.KeyType.RSA;
            case RSA_PSS -> key.type() == PublicKeyInfo.KeyType.RSA_PSS;
            case EC -> key.type() == PublicKeyInfo.KeyType.EC && key.curve().equals(scheme.curve());
            case ED25519 -> key.type() == PublicKeyInfo.KeyType.ED25519;
        };
        if (!fits) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the peer signed with " + scheme
                    + ", which does not fit its certificate's " + key.type() + key.curve().map(c -> " " + c).orElse("")
                    + " key (RFC 8446 section 4.4.3)");
        }
    }
}
