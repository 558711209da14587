package org.securesocket.certstore.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.PublicKeyInfo;

/**
 * One line of the index: a bundled root's number ({@code caN.der}), 20-byte key identifier,
 * SHA-256 fingerprint, key type and size, validity and subject. Written as tab-separated fields,
 * the subject last with backslash, tab and line breaks escaped.
 */
record IndexEntry(int number, byte[] keyId, byte[] sha256, PublicKeyInfo.KeyType keyType, int keyBits,
        Instant notBefore, Instant notAfter, String subject) {
    private static final int FIELDS = 8;
    private static final HexFormat HEX = HexFormat.of();

    static IndexEntry of(int number, Certificate c) throws TlsException {
        return new IndexEntry(number, KeyIdentifiers.of(c), KeyIdentifiers.sha256(c.encoded()), c.publicKey().type(),
                c.publicKey().bits(), c.notBefore(), c.notAfter(), c.subject().toString());
    }

    /** The file holding this root. */
    String fileName() {
        return "ca" + number + ".der";
    }

    /** {@code caN}, the name configuration uses. */
    String name() {
        return "ca" + number;
    }

    /** Whether its validity ended before {@code now}. */
    boolean expiredAt(Instant now) {
        return notAfter.isBefore(now);
    }

    /** An RSA key under 2048 bits, or a key type the stack cannot verify with. */
    boolean weak() {
        return keyType == PublicKeyInfo.KeyType.UNSUPPORTED
                || (keyType == PublicKeyInfo.KeyType.RSA && keyBits < 2048);
    }

    String keyDescription() {
        return keyType + " " + keyBits;
    }

    static IndexEntry read(String line) {
        String[] f = line.split("\t", FIELDS);
        if (f.length != FIELDS || !f[0].matches("ca(0|[1-9][0-9]{0,5})") || !f[1].matches("[0-9a-f]{40}")
                || !f[2].matches("[0-9a-f]{64}") || !f[4].matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("malformed index line: " + line);
        }
        try {
            return new IndexEntry(Integer.parseInt(f[0].substring(2)), HEX.parseHex(f[1]), HEX.parseHex(f[2]),
                    PublicKeyInfo.KeyType.valueOf(f[3]), Integer.parseInt(f[4]), Instant.parse(f[5]), Instant.parse(f[6]),
                    unescape(f[7]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("malformed index line: " + line, e);
        }
    }

    String write() {
        return String.join("\t", name(), HEX.formatHex(keyId), HEX.formatHex(sha256), keyType.name(),
                Integer.toString(keyBits), notBefore.toString(), notAfter.toString(), escape(subject));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
