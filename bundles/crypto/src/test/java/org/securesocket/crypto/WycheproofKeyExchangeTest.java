package org.securesocket.crypto;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.crypto.Wycheproof.Case;

/** ECDH with raw TLS points (the ecpoint files) and X25519, through the providers' peer-key validation. */
class WycheproofKeyExchangeTest {

    /**
     * RFC 8446 section 4.2.8.2 allows only uncompressed points: the one acceptable vector of each
     * ecpoint file, a compressed point, must be refused.
     */
    private static boolean ecdhMustAccept(Case c) {
        if (c.flags().contains("CompressedPoint")) {
            return false;
        }
        throw new AssertionError("undecided acceptable flags " + c.flags());
    }

    /**
     * X25519's acceptable vectors: those whose shared secret is all zero (low-order points) must be
     * refused (RFC 8446 section 7.4.2, RFC 7748 section 6.1); the others (twist points, non-canonical
     * u-coordinates, edge-case arithmetic) are computed as RFC 7748 says and must match.
     */
    private static boolean x25519MustAccept(Case c) {
        return !c.flags().contains("ZeroSharedSecret");
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void ecdhEcpoint(ProviderUnderTest provider) {
        for (Object[] f : new Object[][] {
            {"ecdh_secp256r1_ecpoint_test.json", NamedGroup.SECP256R1},
            {"ecdh_secp384r1_ecpoint_test.json", NamedGroup.SECP384R1},
            {"ecdh_secp521r1_ecpoint_test.json", NamedGroup.SECP521R1},
        }) {
            NamedGroup group = (NamedGroup) f[1];
            Wycheproof.run((String) f[0], provider.toString(), Wycheproof.NO_SKIP,
                    WycheproofKeyExchangeTest::ecdhMustAccept,
                    c -> c.compare(provider.agree(group, c.hex("private"), c.hex("public")), "shared"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void x25519(ProviderUnderTest provider) {
        Wycheproof.run("x25519_test.json", provider.toString(), Wycheproof.NO_SKIP,
                WycheproofKeyExchangeTest::x25519MustAccept,
                c -> c.compare(provider.agree(NamedGroup.X25519, c.hex("private"), c.hex("public")), "shared"));
    }
}
