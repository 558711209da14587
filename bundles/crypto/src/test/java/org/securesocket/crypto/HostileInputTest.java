package org.securesocket.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;

/**
 * Peer-controlled inputs (signatures, public keys, key shares) in random and truncated forms: the
 * provider answers false or a TlsException with a stable code, never an unchecked exception.
 */
class HostileInputTest {
    private static final byte[] MESSAGE = {1, 2, 3};

    private interface Call {
        void run() throws TlsException;
    }

    private static void typedOrFine(String what, Call call) {
        try {
            call.run();
        } catch (TlsException e) {
            assertFalse(e.code() == ErrorCode.INTERNAL_ERROR, what + ": " + e);
        } catch (RuntimeException e) {
            fail(what + " escaped with " + e, e);
        }
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void garbageSignaturesAndKeysAreFalseOrTyped(ProviderUnderTest provider) throws Exception {
        TlsCrypto crypto = provider.crypto();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair rsaPair = rsa.generateKeyPair();
        Map<SignatureScheme.KeyType, byte[]> keys = Map.of(
                SignatureScheme.KeyType.EC, ec.generateKeyPair().getPublic().getEncoded(),
                SignatureScheme.KeyType.RSA, rsaPair.getPublic().getEncoded(),
                SignatureScheme.KeyType.RSA_PSS, KeyPairGenerator.getInstance("RSASSA-PSS").generateKeyPair()
                        .getPublic().getEncoded(),
                SignatureScheme.KeyType.ED25519, KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                        .getPublic().getEncoded());
        RandomSource random = RandomSource.deterministic(5);
        for (SignatureScheme scheme : SignatureScheme.values()) {
            byte[] key = keys.get(scheme.keyType());
            for (int length : new int[] {0, 1, 8, 63, 64, 65, 72, 127, 128, 129, 256}) {
                byte[] sig = random.bytes(length);
                typedOrFine(scheme + " sig " + length, () -> assertFalse(crypto.verify(scheme, key, MESSAGE, sig)));
                if (length > 2) {
                    sig[0] = 0x30;
                    sig[1] = (byte) (length - 2);
                    typedOrFine(scheme + " der-ish sig " + length,
                            () -> assertFalse(crypto.verify(scheme, key, MESSAGE, sig)));
                }
            }
            for (int cut = 0; cut < key.length; cut += 7) {
                byte[] truncated = Arrays.copyOf(key, cut);
                typedOrFine(scheme + " key cut at " + cut, () -> crypto.verify(scheme, truncated, MESSAGE, new byte[64]));
            }
            byte[] flipped = key.clone();
            for (int i = 0; i < flipped.length; i += 5) {
                flipped[i] ^= 0x41;
                typedOrFine(scheme + " key flipped at " + i, () -> crypto.verify(scheme, flipped, MESSAGE, new byte[64]));
                flipped[i] ^= 0x41;
            }
        }
        for (int cut = 0; cut < rsaPair.getPublic().getEncoded().length; cut += 11) {
            byte[] truncated = Arrays.copyOf(rsaPair.getPublic().getEncoded(), cut);
            typedOrFine("rsa encrypt key cut at " + cut, () -> crypto.rsaEncryptPkcs1(truncated, new byte[48]));
        }
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void garbageKeySharesAreIllegalParameter(ProviderUnderTest provider) throws TlsException {
        RandomSource random = RandomSource.deterministic(6);
        for (NamedGroup group : NamedGroup.values()) {
            KeyShare share = provider.crypto().generateKeyShare(group);
            int wire = share.publicKey().length;
            for (int length : new int[] {0, 1, wire - 1, wire, wire + 1}) {
                for (int round = 0; round < 4; round++) {
                    byte[] peer = random.bytes(length);
                    if (group.kind() == NamedGroup.Kind.EC && length > 0) {
                        peer[0] = 4;
                    }
                    try {
                        byte[] secret = share.agree(peer);
                        // Only X25519 takes every 32-byte string (RFC 7748) and large random Y values.
                        assertEquals(group.fieldLength(), secret.length, group.toString());
                        assertFalse(group.kind() == NamedGroup.Kind.EC, group + " accepted a random point");
                    } catch (TlsException e) {
                        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code(), group + ": " + e);
                    } catch (RuntimeException e) {
                        fail(group + " peer of " + length + " bytes escaped with " + e, e);
                    }
                }
            }
        }
    }
}
