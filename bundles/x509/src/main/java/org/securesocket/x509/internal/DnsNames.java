package org.securesocket.x509.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Syntax of DNS names and IP literals as X.509 and RFC 9525 use them: ASCII only, A-labels for IDNs. */
public final class DnsNames {
    private DnsNames() {
    }

    /** A preferred-syntax host name (RFC 1034 section 3.5, letters-digits-hyphens, A-labels allowed). */
    public static boolean isValidReferenceName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!isValidLabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** A dNSName in a SAN: a host name, or {@code *.} followed by one (RFC 9525 section 6.3). */
    public static boolean isValidPresentedName(String name) {
        return isValidReferenceName(name.startsWith("*.") ? name.substring(2) : name);
    }

    private static boolean isValidLabel(String label) {
        if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** ASCII lower case: DNS names compare case-insensitively in ASCII only (RFC 4343). */
    public static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * The address of an IPv4 dotted quad or an IPv6 literal (optionally in brackets), or null when
     * {@code text} is not an IP literal. Never performs a DNS lookup.
     */
    public static byte[] parseIpLiteral(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (s.indexOf(':') >= 0) {
            for (int i = 0; i < s.length(); i++) {
                char c = Character.toLowerCase(s.charAt(i));
                if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                    return null;
                }
            }
            try {
                // A string with ':' is parsed as a literal or refused; InetAddress never resolves it.
                byte[] b = InetAddress.getByName(s).getAddress();
                return b.length == 16 ? b : toMappedV6(b);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] toMappedV6(byte[] v4) {
        // InetAddress collapses ::ffff:a.b.c.d to IPv4; keep the 16-byte form the text named.
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4, 0, b, 12, 4);
        return b;
    }
}
