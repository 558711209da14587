package org.securesocket.securesocket;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.securesocket.record.ProtocolVersion;

/**
 * Reading Config Admin values as both sources write them: typed (Web Console, metatype: Boolean,
 * Integer, String[]) or as text (Karaf {@code etc/*.cfg}: {@code "false"}, {@code "0x303"},
 * {@code "a,b,c"}). Every failure is an {@link IllegalArgumentException} naming the key.
 */
final class ConfigValues {
    /** Keys Config Admin, SCR, Felix FileInstall and Karaf add to every configuration. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("service.", "component.", "felix.", "osgi.",
            "org.apache.karaf.", ".");

    private ConfigValues() {
    }

    /** Rejects a key neither in {@code known} nor added by the framework (a typo such as {@code DHE.RSA}). */
    static void rejectUnknown(Map<String, ?> properties, Set<String> known, String what) {
        for (String key : properties.keySet()) {
            if (!known.contains(key) && FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in " + what + "; the keys are "
                        + known.stream().sorted().toList());
            }
        }
    }

    static boolean bool(Map<String, ?> p, String key, boolean dflt) {
        Object v = p.get(key);
        if (v == null || v.toString().isBlank()) { // "CBC =" in a .cfg file: the default
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(key + " must be true or false, not '" + s + "'");
    }

    static long number(Map<String, ?> p, String key, long dflt, long min, long max) {
        Object v = p.get(key);
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        long n;
        if (v instanceof Number num) {
            n = num.longValue();
        } else {
            String s = v.toString().trim();
            try {
                n = s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number, not '" + s + "'", e);
            }
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    static String string(Map<String, ?> p, String key) {
        Object v = p.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    /** A list: an array, a collection, or one comma-separated string; blanks dropped. */
    static List<String> list(Map<String, ?> p, String key) {
        Object v = p.get(key);
        List<String> raw = new ArrayList<>();
        if (v == null) {
            return raw;
        } else if (v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                raw.add(String.valueOf(Array.get(v, i)));
            }
        } else if (v instanceof Collection<?> c) {
            c.forEach(item -> raw.add(String.valueOf(item)));
        } else {
            raw.add(v.toString());
        }
        List<String> out = new ArrayList<>();
        for (String item : raw) {
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** A version as {@code TLSv1.2}, {@code 1.2}, {@code TLS12} or its wire value {@code 0x303}; null when unset. */
    static ProtocolVersion version(Map<String, ?> p, String key) {
        String s = string(p, key);
        if (s == null) {
            return null;
        }
        String norm = s.toUpperCase(Locale.ROOT).replace("TLSV", "").replace("TLS", "").replace(" ", "");
        if (norm.equals("1")) {
            norm = "1.0";
        }
        for (ProtocolVersion v : ProtocolVersion.values()) {
            String dotted = (v.wire() >> 8) - 2 + "." + ((v.wire() & 0xff) - 1);
            if (norm.equals(dotted) || norm.equals(v.name().substring(3)) || norm.equals(dotted.replace(".", ""))
                    || s.equalsIgnoreCase(String.format("0x%x", v.wire()))
                    || s.equalsIgnoreCase(String.format("0x%04x", v.wire()))) {
                return v;
            }
        }
        throw new IllegalArgumentException(key + " must be one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 (or 0x301..0x304),"
                + " not '" + s + "'");
    }
}
