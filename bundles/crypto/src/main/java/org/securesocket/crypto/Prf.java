package org.securesocket.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.securesocket.common.TlsException;

/** The TLS 1.0 to 1.2 pseudorandom functions, on any provider's {@link Hmac}. */
public final class Prf {
    private Prf() {
    }

    /**
     * The TLS 1.2 PRF (RFC 5246 section 5): {@code P_hash(secret, label || seed)}, with the hash of
     * the cipher suite (SHA-256, or SHA-384 for the *_SHA384 suites).
     */
    public static byte[] tls12(TlsCrypto crypto, HashAlgorithm hash, byte[] secret, String label, byte[] seed,
            int length) throws TlsException {
        byte[] out = new byte[length];
        pHash(crypto.createHmac(hash, secret), labelAndSeed(label, seed), out);
        return out;
    }

    /**
     * The TLS 1.0/1.1 PRF (RFC 2246 section 5, RFC 4346 section 5):
     * {@code P_MD5(S1, label || seed) XOR P_SHA-1(S2, label || seed)}, where S1 and S2 are the first
     * and last halves of the secret, sharing its middle byte when its length is odd.
     */
    public static byte[] tls10(TlsCrypto crypto, byte[] secret, String label, byte[] seed, int length)
            throws TlsException {
        int half = (secret.length + 1) / 2;
        byte[] s1 = Arrays.copyOfRange(secret, 0, half);
        byte[] s2 = Arrays.copyOfRange(secret, secret.length - half, secret.length);
        byte[] ls = labelAndSeed(label, seed);
        byte[] out = new byte[length];
        pHash(crypto.createHmac(HashAlgorithm.MD5, s1), ls, out);
        byte[] sha = new byte[length];
        pHash(crypto.createHmac(HashAlgorithm.SHA1, s2), ls, sha);
        for (int i = 0; i < length; i++) {
            out[i] ^= sha[i];
        }
        return out;
    }

    /** P_hash: A(0) = seed, A(i) = HMAC(A(i-1)); output HMAC(A(1) || seed) || HMAC(A(2) || seed) ... */
    private static void pHash(Hmac hmac, byte[] seed, byte[] out) {
        byte[] a = seed;
        byte[] block = new byte[hmac.length()];
        for (int pos = 0; pos < out.length; pos += block.length) {
            hmac.update(a);
            a = hmac.doFinal();
            hmac.update(a);
            hmac.update(seed);
            hmac.doFinal(block, 0);
            System.arraycopy(block, 0, out, pos, Math.min(block.length, out.length - pos));
        }
    }

    private static byte[] labelAndSeed(String label, byte[] seed) {
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(l, l.length + seed.length);
        System.arraycopy(seed, 0, out, l.length, seed.length);
        return out;
    }
}
