package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.Ffdhe;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.handshake.DheParameters;

/** The checks on a DHE server's parameters (RFC 5246 section 7.4.3, RFC 7919 section 5.1) and the premaster. */
class DheKeyExchangeTest {
    private static final BigInteger P2048 = Ffdhe.prime(NamedGroup.FFDHE2048);
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(9));

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static DheParameters params(BigInteger p, BigInteger g, BigInteger ys) {
        return new DheParameters(unsigned(p), unsigned(g), unsigned(ys), 0x0401, new byte[] {1});
    }

    private TlsException refused(ErrorCode code, Alert alert, DheParameters params, int minDhBits) {
        TlsException e = assertThrows(TlsException.class, () -> DheKeyExchange.agree(crypto, params, minDhBits));
        assertEquals(code, e.code(), e::toString);
        assertEquals(alert, e.alert().orElseThrow());
        return e;
    }

    @Test
    void agreesWithAServerOnFfdhe2048AndStripsLeadingZeros() throws TlsException {
        BigInteger x = new BigInteger(2000, new java.util.Random(5));
        BigInteger ys = Ffdhe.GENERATOR.modPow(x, P2048);
        DheKeyExchange dhe = DheKeyExchange.agree(crypto, params(P2048, Ffdhe.GENERATOR, ys), 2048);
        assertEquals(NamedGroup.FFDHE2048, dhe.share().group());
        assertEquals(ClientKeyExchange.Form.LENGTH16, dhe.clientKeyExchange().form());
        BigInteger yc = new BigInteger(1, dhe.clientKeyExchange().exchangeKeys());
        byte[] expected = unsigned(yc.modPow(x, P2048)); // the server's view: Z without leading zeros
        assertArrayEquals(expected, dhe.premasterSecret());
        assertTrue(dhe.premasterSecret()[0] != 0);
    }

    /**
     * RFC 5246 section 8.1.2. A deterministic client key is replayed: small server exponents x are tried
     * offline until Z = Yc^x starts with a zero byte, then the client agrees with Ys = g^x.
     */
    @Test
    void aSharedSecretWithLeadingZeroBytesLosesThem() throws TlsException {
        BigInteger yc = new BigInteger(1, DheKeyExchange.agree(new JcaTlsCrypto(RandomSource.deterministic(42)),
                params(P2048, Ffdhe.GENERATOR, BigInteger.TEN), 2048).clientKeyExchange().exchangeKeys());
        BigInteger x = BigInteger.valueOf(1000);
        while (yc.modPow(x, P2048).bitLength() > 2048 - 8) {
            x = x.add(BigInteger.ONE);
        }
        BigInteger z = yc.modPow(x, P2048);
        DheKeyExchange dhe = DheKeyExchange.agree(new JcaTlsCrypto(RandomSource.deterministic(42)),
                params(P2048, Ffdhe.GENERATOR, Ffdhe.GENERATOR.modPow(x, P2048)), 2048);
        assertEquals(yc, new BigInteger(1, dhe.clientKeyExchange().exchangeKeys()), "the same client key");
        assertArrayEquals(unsigned(z), dhe.premasterSecret());
        assertTrue(dhe.premasterSecret().length < 256 && dhe.premasterSecret()[0] != 0);
    }

    @Test
    void aPrimeBelowThePolicyMinimumIsInsufficientSecurity() {
        BigInteger p1024 = BigInteger.probablePrime(1024, new java.util.Random(1));
        TlsException e = refused(ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY, Alert.INSUFFICIENT_SECURITY,
                params(p1024, BigInteger.TWO, BigInteger.valueOf(5)), 2048);
        assertTrue(e.getMessage().contains("1024 bits"), e.getMessage());
        // the knob: ffdhe2048 itself is refused when the policy asks for 3072 bits
        refused(ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY, Alert.INSUFFICIENT_SECURITY,
                params(P2048, BigInteger.TWO, BigInteger.valueOf(5)), 3072);
    }

    @Test
    void aPublicValueOutsideTwoToPMinusTwoIsIllegal() {
        for (BigInteger ys : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, P2048.subtract(BigInteger.ONE),
            P2048, P2048.add(BigInteger.TWO)}) {
            refused(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER,
                    params(P2048, Ffdhe.GENERATOR, ys), 2048);
        }
    }

    @Test
    void aGeneratorOutsideTwoToPMinusTwoOrAnEvenPrimeIsIllegal() {
        for (BigInteger g : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, P2048.subtract(BigInteger.ONE)}) {
            refused(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER, params(P2048, g, BigInteger.TEN),
                    2048);
        }
        refused(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER,
                params(P2048.add(BigInteger.ONE), Ffdhe.GENERATOR, BigInteger.TEN), 2048);
    }

    /** The largest p the wire allows (2^16-1 bytes) would cost minutes of modular exponentiation: refused. */
    @Test
    void aPrimeAbove8192BitsIsRefusedBeforeAnyWork() {
        BigInteger huge = BigInteger.ONE.shiftLeft(0xffff * 8).subtract(BigInteger.ONE);
        refused(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER,
                params(huge, Ffdhe.GENERATOR, BigInteger.TEN), 2048);
    }
}
