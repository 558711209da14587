package org.securesocket.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECCurve;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * The curves built from constants are BouncyCastle's named curves, and verification with a cached
 * key checks each signature in full (Wycheproof's ECDSA files run through the provider tests).
 */
class BcEcdsaVerificationTest {
    private static final byte[] MESSAGE = "the handshake transcript".getBytes(StandardCharsets.US_ASCII);

    @Test
    void domainsAreTheNamedCurvesInJacobianCoordinates() {
        for (BcCurve curve : BcCurve.values()) {
            X9ECParameters named = CustomNamedCurves.getByName(curve.group().name().toLowerCase());
            assertEquals(named.getCurve(), curve.domain().getCurve(), curve.name());
            assertEquals(named.getG(), curve.domain().getG(), curve.name());
            assertEquals(named.getN(), curve.domain().getN(), curve.name());
            assertEquals(named.getH(), curve.domain().getH(), curve.name());
            // BcEcdsaVerification compares x(R) as X/Z^2.
            assertEquals(ECCurve.COORD_JACOBIAN, curve.domain().getCurve().getCoordinateSystem(), curve.name());
        }
    }

    @Test
    void aCachedKeyStillRefusesEveryChangedSignature() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] spki = keys.getPublic().getEncoded();
        SignatureScheme scheme = SignatureScheme.ECDSA_SECP256R1_SHA256;
        byte[] signature = new JcaTlsCrypto().createSigner(scheme, keys.getPrivate().getEncoded()).sign(MESSAGE);
        BcTlsCrypto crypto = new BcTlsCrypto();
        for (int i = 0; i < 3; i++) { // the first decodes the key, the others use the cached one
            assertTrue(crypto.verify(scheme, spki, MESSAGE, signature));
            byte[] changed = signature.clone();
            changed[changed.length - 1] ^= 1;
            assertFalse(crypto.verify(scheme, spki, MESSAGE, changed));
            assertFalse(crypto.verify(scheme, spki, "another transcript".getBytes(StandardCharsets.US_ASCII), signature));
        }
        BigInteger n = BcCurve.P256.domain().getN();
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, signature);
        // r or s of zero (SEC 1 section 4.1.4 step 1); s = n - s' would verify with r for a malleable scheme, and does.
        assertFalse(crypto.verify(scheme, spki, MESSAGE, StandardDSAEncoding.INSTANCE.encode(n, BigInteger.ZERO, rs[1])));
        assertFalse(crypto.verify(scheme, spki, MESSAGE, StandardDSAEncoding.INSTANCE.encode(n, rs[0], BigInteger.ZERO)));
        assertTrue(crypto.verify(scheme, spki, MESSAGE, StandardDSAEncoding.INSTANCE.encode(n, rs[0], n.subtract(rs[1]))));
    }

    @Test
    void aKeyOffTheCurveIsRefusedEveryTime() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] spki = generator.generateKeyPair().getPublic().getEncoded();
        spki[spki.length - 1] ^= 1; // the last byte of y: no longer on the curve
        BcTlsCrypto crypto = new BcTlsCrypto();
        for (int i = 0; i < 2; i++) {
            TlsException e = assertThrows(TlsException.class,
                    () -> crypto.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, spki, MESSAGE, new byte[] {0x30, 0}));
            assertEquals(ErrorCode.CRYPTO_INVALID_KEY, e.code());
        }
    }
}
