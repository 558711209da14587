package org.securesocket.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/** Every scheme signs from PKCS#8 and verifies from SubjectPublicKeyInfo; wrong keys are typed errors. */
class SignatureRoundTripTest {
    private static final byte[] MESSAGE = "server key exchange params".getBytes(StandardCharsets.US_ASCII);
    private static final Map<SignatureScheme, KeyPair> KEYS = new EnumMap<>(SignatureScheme.class);

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        KeyPair rsa = generate("RSA", null, 2048);
        KeyPair rsaPss = generate("RSASSA-PSS", null, 2048);
        KeyPair ed = generate("Ed25519", null, 0);
        Map<String, KeyPair> ec = Map.of(
                "secp256r1", generate("EC", "secp256r1", 0),
                "secp384r1", generate("EC", "secp384r1", 0),
                "secp521r1", generate("EC", "secp521r1", 0));
        for (SignatureScheme s : SignatureScheme.values()) {
            KEYS.put(s, switch (s.keyType()) {
                case RSA -> rsa;
                case RSA_PSS -> rsaPss;
                case ED25519 -> ed;
                case EC -> ec.get(s.curve().map(g -> g.name().toLowerCase()).orElse("secp256r1"));
            });
        }
    }

    private static KeyPair generate(String algorithm, String curve, int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            g.initialize(new ECGenParameterSpec(curve));
        } else if (bits > 0) {
            g.initialize(bits);
        }
        return g.generateKeyPair();
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void everySchemeSignsAndVerifies(ProviderUnderTest provider) throws TlsException {
        TlsCrypto crypto = provider.crypto();
        assertEquals(EnumSet.allOf(SignatureScheme.class), crypto.verifySchemes(), "this JDK does them all");
        assertEquals(EnumSet.allOf(SignatureScheme.class), crypto.signSchemes());
        for (SignatureScheme scheme : SignatureScheme.values()) {
            KeyPair pair = KEYS.get(scheme);
            Signer signer = crypto.createSigner(scheme, pair.getPrivate().getEncoded());
            assertEquals(scheme, signer.scheme());
            byte[] sig = signer.sign(MESSAGE);
            byte[] spki = pair.getPublic().getEncoded();
            assertTrue(crypto.verify(scheme, spki, MESSAGE, sig), scheme.toString());
            byte[] tampered = MESSAGE.clone();
            tampered[0] ^= 1;
            assertFalse(crypto.verify(scheme, spki, tampered, sig), scheme + " tampered message");
            byte[] badSig = sig.clone();
            badSig[badSig.length - 1] ^= 1;
            assertFalse(crypto.verify(scheme, spki, MESSAGE, badSig), scheme + " tampered signature");
        }
    }

    /**
     * The TLS 1.0/1.1 RSA form, checked independently of the provider: the signature opened with
     * the public exponent is 00 01 FF..FF 00 || MD5(m) || SHA-1(m), no DigestInfo (RFC 4346 7.4.3).
     */
    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void legacyMd5Sha1IsPkcs1WithoutDigestInfo(ProviderUnderTest provider) throws Exception {
        KeyPair pair = KEYS.get(SignatureScheme.RSA_PKCS1_MD5_SHA1);
        byte[] sig = provider.crypto().createSigner(SignatureScheme.RSA_PKCS1_MD5_SHA1, pair.getPrivate().getEncoded())
                .sign(MESSAGE);
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        byte[] em = new BigInteger(1, sig).modPow(pub.getPublicExponent(), pub.getModulus()).toByteArray();
        // toByteArray drops the leading 00: em starts at the 01 block type.
        assertEquals(255, em.length);
        assertEquals(1, em[0]);
        byte[] tail = Arrays.copyOfRange(em, em.length - 37, em.length);
        assertEquals(0, tail[0]);
        byte[] expected = new byte[36];
        System.arraycopy(MessageDigest.getInstance("MD5").digest(MESSAGE), 0, expected, 0, 16);
        System.arraycopy(MessageDigest.getInstance("SHA-1").digest(MESSAGE), 0, expected, 16, 20);
        assertArrayEquals(expected, Arrays.copyOfRange(tail, 1, 37));
        for (int i = 1; i < em.length - 37; i++) {
            assertEquals((byte) 0xff, em[i]);
        }
    }

    /** TLS 1.0/1.1 fix the scheme by the key type; every provider signs both forms (client CertificateVerify). */
    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void theLegacySchemesFollowTheKeyTypeAndSign(ProviderUnderTest provider) throws TlsException {
        assertEquals(SignatureScheme.RSA_PKCS1_MD5_SHA1, SignatureScheme.legacy(SignatureScheme.KeyType.RSA).orElseThrow());
        assertEquals(SignatureScheme.ECDSA_SHA1, SignatureScheme.legacy(SignatureScheme.KeyType.EC).orElseThrow());
        assertTrue(SignatureScheme.legacy(SignatureScheme.KeyType.ED25519).isEmpty());
        assertTrue(SignatureScheme.legacy(SignatureScheme.KeyType.RSA_PSS).isEmpty());
        for (SignatureScheme.KeyType type : List.of(SignatureScheme.KeyType.RSA, SignatureScheme.KeyType.EC)) {
            SignatureScheme scheme = SignatureScheme.legacy(type).orElseThrow();
            assertTrue(provider.crypto().signSchemes().contains(scheme), scheme + " in " + provider);
            KeyPair pair = KEYS.get(scheme);
            byte[] sig = provider.crypto().createSigner(scheme, pair.getPrivate().getEncoded()).sign(MESSAGE);
            assertTrue(provider.crypto().verify(scheme, pair.getPublic().getEncoded(), MESSAGE, sig), scheme.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void aKeyOfTheWrongTypeIsInvalidKey(ProviderUnderTest provider) {
        TlsCrypto crypto = provider.crypto();
        byte[] ecKey = KEYS.get(SignatureScheme.ECDSA_SECP256R1_SHA256).getPublic().getEncoded();
        byte[] rsaKey = KEYS.get(SignatureScheme.RSA_PKCS1_SHA256).getPublic().getEncoded();
        byte[] pssKey = KEYS.get(SignatureScheme.RSA_PSS_PSS_SHA256).getPublic().getEncoded();
        for (Object[] c : new Object[][] {
            {SignatureScheme.RSA_PKCS1_SHA256, ecKey},
            {SignatureScheme.ECDSA_SECP256R1_SHA256, rsaKey},
            {SignatureScheme.RSA_PSS_RSAE_SHA256, pssKey},
            {SignatureScheme.RSA_PSS_PSS_SHA256, rsaKey},
            {SignatureScheme.ED25519, ecKey},
            {SignatureScheme.RSA_PKCS1_SHA256, new byte[] {0x30, 0x03, 0x02, 0x01}},
        }) {
            TlsException e = assertThrows(TlsException.class,
                    () -> crypto.verify((SignatureScheme) c[0], (byte[]) c[1], MESSAGE, new byte[64]), c[0].toString());
            assertEquals(ErrorCode.CRYPTO_INVALID_KEY, e.code());
        }
        TlsException e = assertThrows(TlsException.class,
                () -> crypto.createSigner(SignatureScheme.ECDSA_SECP256R1_SHA256, new byte[] {1, 2, 3}));
        assertEquals(ErrorCode.CRYPTO_INVALID_KEY, e.code());
    }
}
