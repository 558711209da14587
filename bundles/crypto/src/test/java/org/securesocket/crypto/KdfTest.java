package org.securesocket.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.common.TlsException;

/** The TLS PRFs (OpenSSL-generated answers), HKDF (Wycheproof) and the TLS 1.3 key schedule (RFC 8448). */
class KdfTest {

    private static List<String[]> prfVectors() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                KdfTest.class.getResourceAsStream("/kdf/tls_prf.txt"), StandardCharsets.US_ASCII))) {
            return r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\\|"))
                    .collect(Collectors.toList());
        }
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void tlsPrfsMatchOpenSsl(ProviderUnderTest provider) throws Exception {
        List<String[]> vectors = prfVectors();
        assertEquals(18, vectors.size());
        Map<String, Integer> perDigest = new java.util.TreeMap<>();
        for (String[] v : vectors) {
            byte[] secret = Hex.decode(v[2]);
            byte[] seed = Hex.decode(v[3]);
            int length = Integer.parseInt(v[4]);
            byte[] out = switch (v[0]) {
                case "SHA256" -> Prf.tls12(provider.crypto(), HashAlgorithm.SHA256, secret, v[1], seed, length);
                case "SHA384" -> Prf.tls12(provider.crypto(), HashAlgorithm.SHA384, secret, v[1], seed, length);
                case "MD5-SHA1" -> Prf.tls10(provider.crypto(), secret, v[1], seed, length);
                default -> throw new AssertionError(v[0]);
            };
            assertEquals(v[5], Hex.encode(out), v[0] + " " + v[1] + " secret of " + secret.length + " bytes");
            perDigest.merge(v[0], 1, Integer::sum);
        }
        assertEquals(Map.of("MD5-SHA1", 6, "SHA256", 6, "SHA384", 6), perDigest);
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void hkdfWycheproof(ProviderUnderTest provider) {
        for (Map.Entry<String, HashAlgorithm> f : Map.of("hkdf_sha256_test.json", HashAlgorithm.SHA256,
                "hkdf_sha384_test.json", HashAlgorithm.SHA384).entrySet()) {
            Wycheproof.run(f.getKey(), provider.toString(), Wycheproof.NO_SKIP, Wycheproof.NONE_EXPECTED, c -> {
                int size = c.test().get("size").getAsInt();
                if (size > 255 * f.getValue().outputLength()) {
                    // HKDF-Expand refuses these lengths (RFC 5869 section 2.3).
                    assertThrows(IllegalArgumentException.class,
                            () -> Hkdf.expand(provider.crypto(), f.getValue(), new byte[32], new byte[0], size));
                    return Wycheproof.Outcome.REJECTED;
                }
                byte[] prk = Hkdf.extract(provider.crypto(), f.getValue(), c.hex("salt"), c.hex("ikm"));
                return c.compare(Hkdf.expand(provider.crypto(), f.getValue(), prk, c.hex("info"), size), "okm");
            });
        }
    }

    /** RFC 8448 section 3 "Simple 1-RTT Handshake": every secret of the key schedule (RFC 8446 7.1). */
    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void tls13KeyScheduleOfRfc8448(ProviderUnderTest provider) throws TlsException {
        TlsCrypto crypto = provider.crypto();
        HashAlgorithm sha256 = HashAlgorithm.SHA256;
        byte[] emptyHash = crypto.createHash(sha256).currentDigest();
        byte[] ecdhe = Hex.decode("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");
        byte[] helloHash = Hex.decode("860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8");
        byte[] serverFinishedHash = Hex.decode("9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13");
        byte[] clientFinishedHash = Hex.decode("209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d");

        byte[] early = Hkdf.extract(crypto, sha256, new byte[0], new byte[32]);
        assertEquals("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a", Hex.encode(early));
        byte[] derived = Hkdf.deriveSecret(crypto, sha256, early, "derived", emptyHash);
        assertEquals("6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba", Hex.encode(derived));
        byte[] handshake = Hkdf.extract(crypto, sha256, derived, ecdhe);
        assertEquals("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac", Hex.encode(handshake));
        byte[] cHs = Hkdf.deriveSecret(crypto, sha256, handshake, "c hs traffic", helloHash);
        assertEquals("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21", Hex.encode(cHs));
        byte[] sHs = Hkdf.deriveSecret(crypto, sha256, handshake, "s hs traffic", helloHash);
        assertEquals("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38", Hex.encode(sHs));
        assertEquals("3fce516009c21727d0f2e4e86ee403bc",
                Hex.encode(Hkdf.expandLabel(crypto, sha256, sHs, "key", new byte[0], 16)));
        assertEquals("5d313eb2671276ee13000b30",
                Hex.encode(Hkdf.expandLabel(crypto, sha256, sHs, "iv", new byte[0], 12)));
        assertEquals("008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8",
                Hex.encode(Hkdf.expandLabel(crypto, sha256, sHs, "finished", new byte[0], 32)));
        byte[] derived2 = Hkdf.deriveSecret(crypto, sha256, handshake, "derived", emptyHash);
        assertEquals("43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4", Hex.encode(derived2));
        byte[] master = Hkdf.extract(crypto, sha256, derived2, new byte[32]);
        assertEquals("18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919", Hex.encode(master));
        assertEquals("9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5",
                Hex.encode(Hkdf.deriveSecret(crypto, sha256, master, "c ap traffic", serverFinishedHash)));
        assertEquals("a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643",
                Hex.encode(Hkdf.deriveSecret(crypto, sha256, master, "s ap traffic", serverFinishedHash)));
        assertEquals("fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50",
                Hex.encode(Hkdf.deriveSecret(crypto, sha256, master, "exp master", serverFinishedHash)));
        assertEquals("7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c",
                Hex.encode(Hkdf.deriveSecret(crypto, sha256, master, "res master", clientFinishedHash)));
    }
}
