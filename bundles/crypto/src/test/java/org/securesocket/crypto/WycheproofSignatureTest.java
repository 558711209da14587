package org.securesocket.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.crypto.Wycheproof.Outcome;

/** Wycheproof signature verification: ECDSA (DER), RSA PKCS#1 v1.5, RSA-PSS (rsae), Ed25519. */
class WycheproofSignatureTest {

    private static final Object[][] FILES = {
        {"ecdsa_secp256r1_sha256_test.json", SignatureScheme.ECDSA_SECP256R1_SHA256},
        // TLS 1.2 and certificates do not bind the curve to the hash: P-384 with SHA-256 is legal there.
        {"ecdsa_secp384r1_sha256_test.json", SignatureScheme.ECDSA_SECP256R1_SHA256},
        {"ecdsa_secp384r1_sha384_test.json", SignatureScheme.ECDSA_SECP384R1_SHA384},
        {"ecdsa_secp521r1_sha512_test.json", SignatureScheme.ECDSA_SECP521R1_SHA512},
        {"rsa_signature_2048_sha256_test.json", SignatureScheme.RSA_PKCS1_SHA256},
        {"rsa_signature_2048_sha384_test.json", SignatureScheme.RSA_PKCS1_SHA384},
        {"rsa_signature_2048_sha512_test.json", SignatureScheme.RSA_PKCS1_SHA512},
        {"rsa_signature_3072_sha256_test.json", SignatureScheme.RSA_PKCS1_SHA256},
        {"rsa_signature_3072_sha384_test.json", SignatureScheme.RSA_PKCS1_SHA384},
        {"rsa_signature_3072_sha512_test.json", SignatureScheme.RSA_PKCS1_SHA512},
        {"rsa_signature_4096_sha256_test.json", SignatureScheme.RSA_PKCS1_SHA256},
        {"rsa_signature_4096_sha384_test.json", SignatureScheme.RSA_PKCS1_SHA384},
        {"rsa_signature_4096_sha512_test.json", SignatureScheme.RSA_PKCS1_SHA512},
        {"rsa_pss_2048_sha256_mgf1_32_test.json", SignatureScheme.RSA_PSS_RSAE_SHA256},
        {"rsa_pss_2048_sha384_mgf1_48_test.json", SignatureScheme.RSA_PSS_RSAE_SHA384},
        {"rsa_pss_3072_sha256_mgf1_32_test.json", SignatureScheme.RSA_PSS_RSAE_SHA256},
        {"rsa_pss_4096_sha384_mgf1_48_test.json", SignatureScheme.RSA_PSS_RSAE_SHA384},
        {"rsa_pss_4096_sha512_mgf1_64_test.json", SignatureScheme.RSA_PSS_RSAE_SHA512},
        {"ed25519_test.json", SignatureScheme.ED25519},
    };

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        Providers.all().forEach(p -> {
            for (Object[] f : FILES) {
                out.add(Arguments.of(p, f[0], f[1]));
            }
        });
        return out.stream();
    }

    /**
     * The only acceptable flag in these files is MissingNull: a PKCS#1 DigestInfo whose hash
     * AlgorithmIdentifier omits the NULL parameters. RFC 4055 section 2.1 asks implementations to
     * accept SHA-2 identifiers with absent parameters, the signature is otherwise exact, and the JDK
     * and BouncyCastle both accept it: accepted.
     */
    private static boolean mustAccept(Wycheproof.Case c) {
        if (c.flags().equals(java.util.Set.of("MissingNull"))) {
            return true;
        }
        throw new AssertionError("undecided acceptable flags " + c.flags());
    }

    @ParameterizedTest(name = "{1} [{0}]")
    @MethodSource("cases")
    void verify(ProviderUnderTest provider, String file, SignatureScheme scheme) {
        TlsCrypto crypto = provider.crypto();
        Wycheproof.run(file, provider.toString(), Wycheproof.NO_SKIP, WycheproofSignatureTest::mustAccept,
                c -> crypto.verify(scheme, c.groupHex("publicKeyDer"), c.hex("msg"), c.hex("sig"))
                        ? Outcome.ACCEPTED : Outcome.REJECTED);
    }
}
