package org.securesocket.x509.der;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.securesocket.common.TlsException;

/** Decoding of the ASN.1 character string types, rejecting what their alphabets forbid. */
final class DerStrings {
    private static final String PRINTABLE_EXTRA = " '()+,-./:=?";

    private DerStrings() {
    }

    static String utf8(byte[] v, DerReader r, String what) throws TlsException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(v)).toString();
        } catch (CharacterCodingException e) {
            throw r.fail(what + ": invalid UTF-8 in UTF8String");
        }
    }

    static String printable(byte[] v, DerReader r, String what) throws TlsException {
        for (byte b : v) {
            char c = (char) b;
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || PRINTABLE_EXTRA.indexOf(c) >= 0
                    // '*', '&' and '@' are outside the alphabet but common in deployed names.
                    || c == '*' || c == '&' || c == '@';
            if (!ok) {
                throw r.fail(what + ": PrintableString holds a forbidden character");
            }
        }
        return new String(v, StandardCharsets.US_ASCII);
    }

    static String ascii(byte[] v, DerReader r, String what) throws TlsException {
        for (byte b : v) {
            if (b < 0) {
                throw r.fail(what + ": IA5String holds a non-ASCII byte");
            }
        }
        return new String(v, StandardCharsets.US_ASCII);
    }

    static String bmp(byte[] v, DerReader r, String what) throws TlsException {
        if (v.length % 2 != 0) {
            throw r.fail(what + ": BMPString of odd length");
        }
        return new String(v, StandardCharsets.UTF_16BE);
    }

    static String universal(byte[] v, DerReader r, String what) throws TlsException {
        if (v.length % 4 != 0) {
            throw r.fail(what + ": UniversalString length not a multiple of 4");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i += 4) {
            int cp = ((v[i] & 0xff) << 24) | ((v[i + 1] & 0xff) << 16) | ((v[i + 2] & 0xff) << 8) | (v[i + 3] & 0xff);
            if (!Character.isValidCodePoint(cp)) {
                throw r.fail(what + ": UniversalString holds an invalid code point");
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
