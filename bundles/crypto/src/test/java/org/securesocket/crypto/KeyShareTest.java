package org.securesocket.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/** Key shares on every group: wire encodings, agreement between two shares, and peer-value validation. */
class KeyShareTest {

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void twoSharesAgreeOnEveryGroup(ProviderUnderTest provider) throws TlsException {
        TlsCrypto crypto = provider.crypto();
        assertEquals(EnumSet.allOf(NamedGroup.class), crypto.namedGroups(), "this JDK does them all");
        for (NamedGroup group : NamedGroup.values()) {
            KeyShare a = crypto.generateKeyShare(group);
            KeyShare b = crypto.generateKeyShare(group);
            assertEquals(group, a.group());
            int expectedLength = switch (group.kind()) {
                case EC -> 1 + 2 * group.fieldLength();
                case XDH, FFDHE -> group.fieldLength();
            };
            assertEquals(expectedLength, a.publicKey().length, group.toString());
            byte[] ab = a.agree(b.publicKey());
            assertArrayEquals(ab, b.agree(a.publicKey()), group.toString());
            assertEquals(group.fieldLength(), ab.length, group + " secret length");
        }
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void invalidPeerValuesAreIllegalParameter(ProviderUnderTest provider) throws TlsException {
        TlsCrypto crypto = provider.crypto();
        KeyShare p256 = crypto.generateKeyShare(NamedGroup.SECP256R1);
        byte[] good = crypto.generateKeyShare(NamedGroup.SECP256R1).publicKey();
        byte[] offCurve = good.clone();
        offCurve[64] ^= 1;
        byte[] compressed = java.util.Arrays.copyOf(good, 33);
        compressed[0] = 2;
        byte[] wrongPrefix = good.clone();
        wrongPrefix[0] = 6;
        byte[] xTooBig = new byte[65];
        xTooBig[0] = 4;
        java.util.Arrays.fill(xTooBig, 1, 65, (byte) 0xff);
        for (byte[] bad : new byte[][] {offCurve, compressed, wrongPrefix, xTooBig, {0}, {}}) {
            assertIllegalParameter(() -> p256.agree(bad));
        }
        KeyShare x25519 = crypto.generateKeyShare(NamedGroup.X25519);
        assertIllegalParameter(() -> x25519.agree(new byte[32])); // u = 0: all-zero secret
        assertIllegalParameter(() -> x25519.agree(new byte[31]));
        KeyShare ffdhe = crypto.generateKeyShare(NamedGroup.FFDHE2048);
        BigInteger p = Ffdhe.prime(NamedGroup.FFDHE2048);
        for (BigInteger y : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p}) {
            assertIllegalParameter(() -> ffdhe.agree(unsigned(y, 256)));
        }
        assertIllegalParameter(() -> ffdhe.agree(new byte[257]));
        assertEquals(256, ffdhe.agree(unsigned(BigInteger.TWO, 256)).length, "2 is in range");
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void serverDhParametersAreChecked(ProviderUnderTest provider) throws TlsException {
        TlsCrypto crypto = provider.crypto();
        BigInteger p2048 = Ffdhe.prime(NamedGroup.FFDHE2048);
        byte[] p = unsigned(p2048, 256);
        KeyShare named = crypto.generateDhKeyShare(p, new byte[] {2}, 2048);
        assertEquals(NamedGroup.FFDHE2048, named.group(), "recognised as the RFC 7919 group");
        KeyShare peer = crypto.generateKeyShare(NamedGroup.FFDHE2048);
        assertArrayEquals(peer.agree(named.publicKey()), named.agree(peer.publicKey()));

        // A safe prime that is no RFC 7919 group: accepted, group() is null.
        KeyShare custom = crypto.generateDhKeyShare(p, new byte[] {5}, 2048);
        assertNull(custom.group());

        TlsException small = assertThrows(TlsException.class, () -> crypto.generateDhKeyShare(p, new byte[] {2}, 3072));
        assertEquals(ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY, small.code());
        byte[] p1024 = unsigned(p2048.shiftRight(1024), 128);
        assertEquals(ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY,
                assertThrows(TlsException.class, () -> crypto.generateDhKeyShare(p1024, new byte[] {2}, 2048)).code());
        byte[] even = unsigned(p2048.subtract(BigInteger.ONE), 256);
        assertIllegalParameter(() -> crypto.generateDhKeyShare(even, new byte[] {2}, 2048));
        assertIllegalParameter(() -> crypto.generateDhKeyShare(p, new byte[] {1}, 2048));
        assertIllegalParameter(() -> crypto.generateDhKeyShare(p, unsigned(p2048.subtract(BigInteger.ONE), 256), 2048));
        assertIllegalParameter(() -> crypto.generateDhKeyShare(new byte[1025], new byte[] {2}, 0));
        byte[] huge = new byte[1025];
        huge[0] = 1;
        huge[1024] = 1;
        assertIllegalParameter(() -> crypto.generateDhKeyShare(huge, new byte[] {2}, 2048));
    }

    /** RFC 7919 appendix A: p = 2^b - 2^{b-64} + {[2^{b-130} e] + X} * 2^64 - 1, a safe prime. */
    @Test
    void ffdhePrimesFollowRfc7919() {
        Object[][] groups = {{NamedGroup.FFDHE2048, 2048, 560316}, {NamedGroup.FFDHE3072, 3072, 2625351},
            {NamedGroup.FFDHE4096, 4096, 5736041}};
        for (Object[] g : groups) {
            int b = (Integer) g[1];
            BigInteger expected = BigInteger.ONE.shiftLeft(b).subtract(BigInteger.ONE.shiftLeft(b - 64))
                    .add(floorTwoPowerTimesE(b - 130).add(BigInteger.valueOf((Integer) g[2])).shiftLeft(64))
                    .subtract(BigInteger.ONE);
            BigInteger p = Ffdhe.prime((NamedGroup) g[0]);
            assertEquals(expected, p, g[0].toString());
            assertEquals(b, p.bitLength());
            assertTrue(p.isProbablePrime(8) && p.shiftRight(1).isProbablePrime(8), g[0] + " is a safe prime");
            assertEquals(g[0], Ffdhe.identify(p, BigInteger.TWO).orElseThrow());
        }
        assertTrue(Ffdhe.identify(Ffdhe.prime(NamedGroup.FFDHE2048), BigInteger.valueOf(3)).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Ffdhe.prime(NamedGroup.X25519));
    }

    /** floor(2^k * e), from the series e = sum 1/n! computed with enough guard bits. */
    private static BigInteger floorTwoPowerTimesE(int k) {
        int guard = 64;
        BigInteger scale = BigInteger.ONE.shiftLeft(k + guard);
        BigInteger sum = BigInteger.ZERO;
        BigInteger term = scale; // scale / 0!
        for (int n = 1; term.signum() > 0; n++) {
            sum = sum.add(term);
            term = term.divide(BigInteger.valueOf(n));
        }
        return sum.shiftRight(guard);
    }

    private static void assertIllegalParameter(org.junit.jupiter.api.function.Executable call) {
        TlsException e = assertThrows(TlsException.class, call);
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code(), e.getMessage());
    }

    private static byte[] unsigned(BigInteger v, int width) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[width];
        int n = Math.min(raw.length, width);
        System.arraycopy(raw, raw.length - n, out, width - n, n);
        return out;
    }
}
