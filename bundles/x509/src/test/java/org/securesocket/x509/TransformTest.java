package org.securesocket.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.x509.der.DerReader;

class TransformTest {
    private static final JcaTlsCrypto CRYPTO = new JcaTlsCrypto();

    private static TlsException rejected(ErrorCode code, String messagePart, Executable call) {
        TlsException e = assertThrows(TlsException.class, call::run);
        assertEquals(code, e.code(), e.toString());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        return e;
    }

    interface Executable {
        void run() throws Exception;
    }

    /** The PKCS#1 RSAPrivateKey inside the JDK's PKCS#8 encoding. */
    private static byte[] pkcs1Of(byte[] pkcs8) throws TlsException {
        DerReader r = new DerReader(pkcs8, ErrorCode.CRYPTO_INVALID_KEY).readSequence("pki");
        r.readInteger("version");
        r.readSequence("alg");
        return r.readOctetString("key");
    }

    /** An EC key from BouncyCastle's provider, whose SEC1 form carries the curve as OpenSSL writes it. */
    private static KeyPair opensslStyleEcKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** OpenSSL's traditional form (SEC1 with curve and public key), as BouncyCastle writes it. */
    private static String traditionalPem(KeyPair keys) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(keys);
        }
        return out.toString();
    }

    @Test
    void pemToDerReturnsEveryBlockInOrder() throws Exception {
        byte[] a = TestPki.root("A").der();
        byte[] b = TestPki.root("B").der();
        String pem = "subject=A\n" + Pem.encode("CERTIFICATE", a) + "explanatory text\r\n" + Pem.encode("CERTIFICATE", b);
        List<byte[]> der = Transform.pemToDer(pem);
        assertEquals(2, der.size());
        assertArrayEquals(a, der.get(0));
        assertArrayEquals(b, der.get(1));
    }

    /** Lines end with LF, CR LF or a lone CR, mixed in one text; error messages count lines alike. */
    @Test
    void pemLinesEndWithLfCrLfOrCr() throws Exception {
        byte[] a = TestPki.root("A").der();
        String lf = Pem.encode("CERTIFICATE", a);
        for (String eol : new String[] {"\r\n", "\r", "\n\r\n"}) {
            String text = "first\rsecond\r\n" + lf.replace("\n", eol);
            List<Pem.Block> blocks = Pem.decode(text);
            assertEquals(1, blocks.size(), eol.replace("\r", "CR").replace("\n", "LF"));
            assertArrayEquals(a, blocks.get(0).der());
        }
        TlsException e = assertThrows(TlsException.class,
                () -> Pem.decode("one\rtwo\r\n-----BEGIN CERTIFICATE-----\nMAA=\r"));
        assertTrue(e.getMessage().contains("begun on line 3"), e.getMessage());
    }

    @Test
    void pemErrorsSayWhatIsWrong() {
        String block = Pem.encode("CERTIFICATE", new byte[] {0x30, 0x00});
        rejected(ErrorCode.CERTIFICATE_MALFORMED, "has no '-----END CERTIFICATE-----' line",
                () -> Transform.pemToDer(block.substring(0, block.indexOf("-----END"))));
        rejected(ErrorCode.CERTIFICATE_MALFORMED, "expected '-----END CERTIFICATE-----'",
                () -> Transform.pemToDer(block.replace("END CERTIFICATE", "END PRIVATE KEY")));
        rejected(ErrorCode.CERTIFICATE_MALFORMED, "is not valid base64",
                () -> Transform.pemToDer(block.replace("MAA=", "M!A=")));
        rejected(ErrorCode.CERTIFICATE_MALFORMED, "no PEM block found", () -> Transform.pemToDer("hello\n"));
        rejected(ErrorCode.CERTIFICATE_MALFORMED, "is empty",
                () -> Transform.pemToDer("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"));
    }

    @Test
    void encryptedKeysAreRefusedWithAHint() {
        String legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
                + "MAA=\n-----END RSA PRIVATE KEY-----\n";
        rejected(ErrorCode.CRYPTO_INVALID_KEY, "is encrypted", () -> Transform.pemToDer(legacy));
        rejected(ErrorCode.CRYPTO_INVALID_KEY, "is encrypted", () -> Transform.privateKeyToPrivateKeyInfo(legacy));
        String pkcs8 = Pem.encode(Pem.ENCRYPTED_PRIVATE_KEY, new byte[] {0x30, 0x00});
        rejected(ErrorCode.CRYPTO_INVALID_KEY, "is encrypted", () -> Transform.pemToDer(pkcs8));
        rejected(ErrorCode.CRYPTO_INVALID_KEY, "is encrypted", () -> Transform.privateKeyToPrivateKeyInfo(pkcs8));
        byte[] encryptedDer = {0x30, 0x06, 0x30, 0x00, 0x04, 0x02, 0x01, 0x02};
        rejected(ErrorCode.CRYPTO_INVALID_KEY, "EncryptedPrivateKeyInfo",
                () -> Transform.privateKeyToPrivateKeyInfo(encryptedDer));
        rejected(ErrorCode.CRYPTO_INVALID_KEY, "no PRIVATE KEY",
                () -> Transform.privateKeyToPrivateKeyInfo(Pem.encode("CERTIFICATE", new byte[] {0x30, 0x00})));
    }

    @Test
    void rsaPkcs1IsWrappedExactlyAsTheJdkEncodesPkcs8() throws Exception {
        KeyPair keys = TestPki.rsa(2048);
        byte[] expected = keys.getPrivate().getEncoded();
        byte[] pkcs1 = pkcs1Of(expected);
        assertArrayEquals(expected, Transform.privateKeyToPrivateKeyInfo(Pem.encode(Pem.RSA_PRIVATE_KEY, pkcs1)));
        assertArrayEquals(expected, Transform.privateKeyToPrivateKeyInfo(pkcs1));
        assertArrayEquals(expected, Transform.privateKeyToPrivateKeyInfo(expected));
        assertArrayEquals(expected, Transform.privateKeyToPrivateKeyInfo(Pem.encode(Pem.PRIVATE_KEY, expected)));
        for (int n = 0; n < pkcs1.length; n++) {
            byte[] prefix = Arrays.copyOf(pkcs1, n);
            assertEquals(ErrorCode.CRYPTO_INVALID_KEY, assertThrows(TlsException.class,
                    () -> Transform.rsaPrivateKeyToPrivateKeyInfo(prefix)).code());
        }
    }

    @Test
    void sec1EcKeyIsWrappedAndSignsForItsPublicKey() throws Exception {
        KeyPair keys = opensslStyleEcKey();
        String pem = traditionalPem(keys);
        assertTrue(pem.startsWith("-----BEGIN EC PRIVATE KEY-----"), pem);
        byte[] pkcs8 = Transform.privateKeyToPrivateKeyInfo(pem);
        ECPrivateKey decoded = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        assertEquals(((ECPrivateKey) keys.getPrivate()).getS(), decoded.getS());
        byte[] message = "signed through the crypto SPI".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = CRYPTO.createSigner(SignatureScheme.ECDSA_SECP256R1_SHA256, pkcs8).sign(message);
        assertTrue(CRYPTO.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, keys.getPublic().getEncoded(), message, signature));
    }

    @Test
    void everyCorruptionOfAKeyIsWrappedOrRefusedCleanly() throws Exception {
        byte[] sec1 = Pem.decode(traditionalPem(opensslStyleEcKey())).get(0).der();
        byte[] pkcs1 = pkcs1Of(TestPki.rsa(2048).getPrivate().getEncoded());
        for (byte[] key : List.of(sec1, pkcs1)) {
            for (int i = 0; i < key.length; i++) {
                for (int delta : new int[] {1, 0x7f, 0x80}) {
                    byte[] mutated = key.clone();
                    mutated[i] = (byte) (mutated[i] + delta);
                    try {
                        Transform.privateKeyToPrivateKeyInfo(mutated);
                    } catch (TlsException e) {
                        assertEquals(ErrorCode.CRYPTO_INVALID_KEY, e.code());
                    }
                }
            }
        }
    }

    @Test
    void sec1WithoutCurveOrWithExplicitCurveIsRefused() {
        // ECPrivateKey { 1, OCTET STRING (1 byte) }
        byte[] noCurve = {0x30, 0x06, 0x02, 0x01, 0x01, 0x04, 0x01, 0x07};
        rejected(ErrorCode.CRYPTO_INVALID_KEY, "no curve parameters", () -> Transform.privateKeyToPrivateKeyInfo(noCurve));
        // ... with [0] { SEQUENCE {} } explicit parameters
        byte[] explicit = {0x30, 0x0a, 0x02, 0x01, 0x01, 0x04, 0x01, 0x07, (byte) 0xa0, 0x02, 0x30, 0x00};
        rejected(ErrorCode.CRYPTO_INVALID_KEY, "only named curves", () -> Transform.privateKeyToPrivateKeyInfo(explicit));
    }

    @Test
    void rsaTraditionalPemFromOpenSslFormIsWrapped() throws Exception {
        KeyPair keys = TestPki.rsa(2048);
        String pem = traditionalPem(keys);
        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pem);
        assertArrayEquals(keys.getPrivate().getEncoded(), Transform.privateKeyToPrivateKeyInfo(pem));
    }

    @Test
    void fileVariantsForTheCommandLine(@TempDir Path dir) throws Exception {
        byte[] a = TestPki.root("A").der();
        byte[] b = TestPki.root("B").der();
        Path chain = dir.resolve("chain.pem");
        Files.writeString(chain, Pem.encode("CERTIFICATE", a) + Pem.encode("CERTIFICATE", b));
        Path der = dir.resolve("chain.der");
        assertEquals(2, Transform.pemToDer(chain, der));
        byte[] both = Files.readAllBytes(der);
        assertArrayEquals(a, Arrays.copyOf(both, a.length));
        assertArrayEquals(b, Arrays.copyOfRange(both, a.length, both.length));

        KeyPair keys = opensslStyleEcKey();
        Path key = dir.resolve("key.pem");
        Files.writeString(key, traditionalPem(keys));
        Path out = dir.resolve("key.pk8");
        Transform.privateKeyToPrivateKeyInfo(key, out);
        Path again = dir.resolve("key2.pk8");
        Transform.privateKeyToPrivateKeyInfo(out, again);
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));
        KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(out)));
    }
}
