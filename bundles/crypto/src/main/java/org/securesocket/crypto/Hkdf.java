package org.securesocket.crypto;

import java.nio.charset.StandardCharsets;
import org.securesocket.common.TlsException;

/** HKDF (RFC 5869) and the TLS 1.3 key schedule functions on it (RFC 8446 section 7.1). */
public final class Hkdf {
    private static final byte[] TLS13_PREFIX = "tls13 ".getBytes(StandardCharsets.US_ASCII);

    private Hkdf() {
    }

    /** HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM); an empty salt is HashLen zeros (section 2.2). */
    public static byte[] extract(TlsCrypto crypto, HashAlgorithm hash, byte[] salt, byte[] ikm) throws TlsException {
        Hmac hmac = crypto.createHmac(hash, salt.length == 0 ? new byte[hash.outputLength()] : salt);
        hmac.update(ikm);
        return hmac.doFinal();
    }

    /**
     * HKDF-Expand(PRK, info, L) (section 2.3).
     *
     * @throws IllegalArgumentException when {@code length} exceeds 255 * HashLen
     */
    public static byte[] expand(TlsCrypto crypto, HashAlgorithm hash, byte[] prk, byte[] info, int length)
            throws TlsException {
        if (length < 0 || length > 255 * hash.outputLength()) {
            throw new IllegalArgumentException("HKDF-Expand length " + length + " is outside [0, 255 * "
                    + hash.outputLength() + "]");
        }
        Hmac hmac = crypto.createHmac(hash, prk);
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        byte[] counter = new byte[1];
        for (int pos = 0; pos < length; pos += t.length) {
            counter[0]++;
            hmac.update(t);
            hmac.update(info);
            hmac.update(counter);
            t = hmac.doFinal();
            System.arraycopy(t, 0, out, pos, Math.min(t.length, length - pos));
        }
        return out;
    }

    /**
     * HKDF-Expand-Label(Secret, Label, Context, Length) of RFC 8446 section 7.1: expands with the
     * HkdfLabel structure {@code uint16 length, opaque label<7..255> = "tls13 " + Label,
     * opaque context<0..255>}.
     *
     * @throws IllegalArgumentException when the label or context does not fit its length field
     */
    public static byte[] expandLabel(TlsCrypto crypto, HashAlgorithm hash, byte[] secret, String label,
            byte[] context, int length) throws TlsException {
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        int labelLength = TLS13_PREFIX.length + l.length;
        if (labelLength > 255 || context.length > 255 || length > 0xffff) {
            throw new IllegalArgumentException("HkdfLabel fields too long: label " + labelLength + ", context "
                    + context.length + ", length " + length);
        }
        byte[] info = new byte[2 + 1 + labelLength + 1 + context.length];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) labelLength;
        System.arraycopy(TLS13_PREFIX, 0, info, 3, TLS13_PREFIX.length);
        System.arraycopy(l, 0, info, 3 + TLS13_PREFIX.length, l.length);
        info[3 + labelLength] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + labelLength, context.length);
        return expand(crypto, hash, secret, info, length);
    }

    /**
     * Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label,
     * Transcript-Hash(Messages), Hash.length); the caller passes the transcript hash value.
     */
    public static byte[] deriveSecret(TlsCrypto crypto, HashAlgorithm hash, byte[] secret, String label,
            byte[] transcriptHash) throws TlsException {
        return expandLabel(crypto, hash, secret, label, transcriptHash, hash.outputLength());
    }
}
