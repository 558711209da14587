package org.securesocket.certstore.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.der.DerReader;

/**
 * The store's 20-byte key identifiers (the original's rule): the subjectKeyIdentifier extension
 * value, else the SHA-1 of the subjectPublicKey BIT STRING bits (RFC 5280 section 4.2.1.2,
 * method 1). Shorter identifiers are left-padded with zeros, so an authorityKeyIdentifier is
 * normalized the same way before a lookup; longer ones (not seen in the Mozilla set) are refused.
 */
final class KeyIdentifiers {
    static final int LENGTH = 20;
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private KeyIdentifiers() {
    }

    /** The 20-byte identifier of this certificate's key. */
    static byte[] of(Certificate c) throws TlsException {
        byte[] ski = c.extensions().subjectKeyIdentifier().orElse(null);
        if (ski == null) {
            DerReader spki = new DerReader(c.publicKey().encoded(), ErrorCode.CERTIFICATE_MALFORMED)
                    .readSequence("subjectPublicKeyInfo");
            spki.readElement("subjectPublicKeyInfo algorithm");
            ski = sha(spki.readOctetAlignedBitString("subjectPublicKey"), "SHA-1");
        }
        if (ski.length == 0 || ski.length > LENGTH) {
            throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED, "certificate '" + c + "': a subjectKeyIdentifier of "
                    + ski.length + " bytes does not fit the store's 1 to " + LENGTH + " byte index");
        }
        return normalize(ski);
    }

    /** {@code id} left-padded with zeros to 20 bytes; null when it cannot be an index key. */
    static byte[] normalize(byte[] id) {
        if (id == null || id.length > LENGTH) {
            return null;
        }
        byte[] out = new byte[LENGTH];
        System.arraycopy(id, 0, out, LENGTH - id.length, id.length);
        return out;
    }

    static byte[] sha256(byte[] data) {
        return sha(data, "SHA-256");
    }

    /** Colon-separated upper-case hex, as fingerprints are usually shown. */
    static String colons(byte[] bytes) {
        return COLONS.formatHex(bytes);
    }

    /** A fingerprint as written in configuration: hex, with or without colons or spaces. */
    static byte[] parseFingerprint(String text) {
        String hex = text.replace(":", "").replace(" ", "");
        if (hex.length() != 64 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            return null;
        }
        return HexFormat.of().parseHex(hex);
    }

    static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && Arrays.equals(a, b);
    }

    private static byte[] sha(byte[] data, String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
