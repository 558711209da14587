package org.securesocket.crypto.jca;

import org.securesocket.crypto.HashAlgorithm;

/** The JCA standard names of the algorithms in the SPI tables. */
final class JcaNames {
    private JcaNames() {
    }

    /** The MessageDigest name, e.g. {@code SHA-256}. */
    static String digest(HashAlgorithm hash) {
        return switch (hash) {
            case MD5 -> "MD5";
            case SHA1 -> "SHA-1";
            case SHA224 -> "SHA-224";
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
        };
    }

    /** The Mac name, e.g. {@code HmacSHA256}. */
    static String hmac(HashAlgorithm hash) {
        return "Hmac" + signaturePrefix(hash);
    }

    /** The prefix of Signature names, e.g. {@code SHA256} in {@code SHA256withRSA}. */
    static String signaturePrefix(HashAlgorithm hash) {
        return hash == HashAlgorithm.MD5 ? "MD5" : digest(hash).replace("-", "");
    }
}
