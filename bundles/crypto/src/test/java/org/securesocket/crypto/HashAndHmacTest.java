package org.securesocket.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/** Hashes (FIPS 180-4 / RFC 1321 "abc" answers), the running transcript, HMAC (RFC 4231, RFC 2202). */
class HashAndHmacTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    private static final Map<HashAlgorithm, String> ABC_DIGESTS = Map.of(
            HashAlgorithm.MD5, "900150983cd24fb0d6963f7d28e17f72",
            HashAlgorithm.SHA1, "a9993e364706816aba3e25717850c26c9cd0d89d",
            HashAlgorithm.SHA224, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
            HashAlgorithm.SHA256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            HashAlgorithm.SHA384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
                    + "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
            HashAlgorithm.SHA512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void everyHashIsThereWithItsKnownAnswer(ProviderUnderTest provider) throws TlsException {
        TlsCrypto crypto = provider.crypto();
        assertEquals(java.util.EnumSet.allOf(HashAlgorithm.class), crypto.hashes());
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            TranscriptHash h = crypto.createHash(hash);
            h.update(ABC);
            assertEquals(ABC_DIGESTS.get(hash), Hex.encode(h.currentDigest()), hash.toString());
            assertEquals(hash.outputLength(), h.currentDigest().length);
        }
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void transcriptReadsAndCopiesWithoutDisturbingTheRunningState(ProviderUnderTest provider) throws TlsException {
        TranscriptHash running = provider.crypto().createHash(HashAlgorithm.SHA256);
        running.update(new byte[] {'a'});
        TranscriptHash copy = running.copy();
        byte[] afterA = running.currentDigest();
        running.update(ByteBuffer.wrap(new byte[] {'b', 'c'}));
        assertEquals(ABC_DIGESTS.get(HashAlgorithm.SHA256), Hex.encode(running.currentDigest()));
        assertEquals(ABC_DIGESTS.get(HashAlgorithm.SHA256), Hex.encode(running.currentDigest()), "read twice");
        assertArrayEquals(afterA, copy.currentDigest(), "the copy did not see the later update");
        copy.update("bc".getBytes(StandardCharsets.US_ASCII), 0, 2);
        assertArrayEquals(running.currentDigest(), copy.currentDigest());
    }

    /** RFC 4231 test case 2 and RFC 2202 test case 2 ("Jefe"), then reuse after doFinal. */
    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void hmacKnownAnswersAndReuse(ProviderUnderTest provider) throws TlsException {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        Map<HashAlgorithm, String> expected = Map.of(
                HashAlgorithm.MD5, "750c783e6ab0b503eaa86e310a5db738",
                HashAlgorithm.SHA1, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                HashAlgorithm.SHA256, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HashAlgorithm.SHA384, "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                        + "8e2240ca5e69e2c78b3239ecfab21649");
        for (Map.Entry<HashAlgorithm, String> e : expected.entrySet()) {
            Hmac hmac = provider.crypto().createHmac(e.getKey(), key);
            assertEquals(e.getKey().outputLength(), hmac.length());
            hmac.update(data);
            assertEquals(e.getValue(), Hex.encode(hmac.doFinal()), e.getKey().toString());
            hmac.update(ByteBuffer.wrap(data));
            assertEquals(e.getValue(), Hex.encode(hmac.doFinal()), "after reset " + e.getKey());
        }
    }

    /** An empty key equals a zero-filled one (RFC 2104 pads keys with zeros): HKDF with no salt needs it. */
    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void emptyHmacKeyEqualsZeroKey(ProviderUnderTest provider) throws TlsException {
        Hmac empty = provider.crypto().createHmac(HashAlgorithm.SHA256, new byte[0]);
        Hmac zeros = provider.crypto().createHmac(HashAlgorithm.SHA256, new byte[32]);
        empty.update(ABC);
        zeros.update(ABC);
        assertArrayEquals(zeros.doFinal(), empty.doFinal());
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void hmacWycheproof(ProviderUnderTest provider) throws TlsException {
        Map<String, HashAlgorithm> files = Map.of(
                "hmac_sha1_test.json", HashAlgorithm.SHA1,
                "hmac_sha256_test.json", HashAlgorithm.SHA256,
                "hmac_sha384_test.json", HashAlgorithm.SHA384);
        files.forEach((file, hash) -> Wycheproof.run(file, provider.toString(), Wycheproof.NO_SKIP,
                Wycheproof.NONE_EXPECTED, c -> {
                    Hmac hmac = provider.crypto().createHmac(hash, c.hex("key"));
                    hmac.update(c.hex("msg"));
                    byte[] full = hmac.doFinal();
                    byte[] tag = c.hex("tag");
                    // Truncated tags (tagSize below the hash length) compare the leading bytes.
                    byte[] truncated = java.util.Arrays.copyOf(full, c.groupInt("tagSize") / 8);
                    return java.util.Arrays.equals(truncated, tag)
                            ? Wycheproof.Outcome.ACCEPTED : Wycheproof.Outcome.REJECTED;
                }));
    }

    @ParameterizedTest
    @MethodSource("org.securesocket.crypto.Providers#all")
    void aWrongKeyLengthIsATypedError(ProviderUnderTest provider) {
        TlsException e = assertThrows(TlsException.class,
                () -> provider.crypto().createAead(AeadAlgorithm.AES_128_GCM, new byte[5]));
        assertEquals(ErrorCode.CRYPTO_INVALID_KEY, e.code());
    }
}
