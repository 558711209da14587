package org.securesocket.securesocket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.handshake.KeyLogSink;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.Pem;

/**
 * The original's option dictionary: {@code host} or {@code address}, {@code port}, {@code noDelay},
 * {@code keepalive}, and {@code secure}, either {@code true} or a dictionary of {@code protocolVersion}
 * (the minimum, e.g. {@code 0x303}), {@code certificate} (anchors: PEM text, DER bytes, a
 * {@link Certificate}, or a collection of them), {@code verify}, {@code trace},
 * {@code tls_max_fragment_length}, {@code applicationLayerProtocolNegotiation} (a list or a
 * comma-separated string), {@code clientKey}, {@code clientCertificates}, {@code serverName},
 * {@code cache}, and {@code keyLog} (a {@link KeyLogSink} such as a {@link KeyLogFile}, for debugging).
 * The {@code secure} keys are also accepted at the top level, plus {@code timeout}
 * in milliseconds. Unknown keys and ill-typed values are an {@link IllegalArgumentException}.
 */
public final class OptionMaps {
    private static final Set<String> SOCKET_KEYS = Set.of("host", "address", "port", "noDelay", "keepalive", "secure",
            "timeout");
    private static final Set<String> SECURE_KEYS = Set.of("protocolVersion", "certificate", "verify", "trace",
            "tls_max_fragment_length", "applicationLayerProtocolNegotiation", "clientKey", "clientCertificates",
            "serverName", "cache", "keyLog");

    private OptionMaps() {
    }

    public static SecureSocketOptions fromMap(Map<String, ?> map) throws TlsException {
        return fromMap(map, SecureSocketOptions.builder());
    }

    /** The dictionary applied on top of {@code b}, e.g. one preset with the configured policy and services. */
    public static SecureSocketOptions fromMap(Map<String, ?> map, SecureSocketOptions.Builder b) throws TlsException {
        for (String key : map.keySet()) {
            if (!SOCKET_KEYS.contains(key) && !SECURE_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "'");
            }
        }
        Object host = map.containsKey("host") ? map.get("host") : map.get("address");
        if (!(host instanceof String h)) {
            throw new IllegalArgumentException("the option 'host' (or 'address') must be a string");
        }
        b.host(h).port(number(map, "port", 443));
        if (map.containsKey("noDelay")) {
            b.noDelay(bool(map, "noDelay"));
        }
        if (map.containsKey("keepalive")) {
            b.keepAlive(bool(map, "keepalive"));
        }
        if (map.containsKey("timeout")) {
            b.timeout(Duration.ofMillis(number(map, "timeout", 0)));
        }
        applySecure(b, map);
        if (map.get("secure") instanceof Map<?, ?> secure) {
            for (Object key : secure.keySet()) {
                if (!SECURE_KEYS.contains(String.valueOf(key))) {
                    throw new IllegalArgumentException("unknown option 'secure." + key + "'");
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) secure;
            applySecure(b, typed);
        } else if (map.containsKey("secure") && !Boolean.TRUE.equals(map.get("secure"))) {
            throw new IllegalArgumentException("the option 'secure' must be true or a dictionary: this is a TLS socket");
        }
        return b.build();
    }

    /** Applies the keys of a {@code secure} dictionary to {@code b}. */
    public static void applySecure(SecureSocketOptions.Builder b, Map<String, ?> map) throws TlsException {
        if (map.containsKey("protocolVersion")) {
            int wire = number(map, "protocolVersion", 0);
            b.minVersion(ProtocolVersion.fromWire(wire).orElseThrow(() -> new IllegalArgumentException(
                    "protocolVersion " + ProtocolVersion.describe(wire) + " is not one of 0x301..0x304")));
        }
        if (map.containsKey("certificate")) {
            b.certificates(certificates(map.get("certificate")));
        }
        if (map.containsKey("verify")) {
            b.verify(bool(map, "verify"));
        }
        if (map.containsKey("trace") && bool(map, "trace")) {
            b.trace(TraceSink.stream(System.err));
        }
        if (map.containsKey("keyLog")) {
            if (!(map.get("keyLog") instanceof KeyLogSink sink)) {
                throw new IllegalArgumentException("the option 'keyLog' must be a KeyLogSink, e.g. a KeyLogFile");
            }
            b.keyLog(sink);
        }
        for (String later : List.of("tls_max_fragment_length", "clientKey", "clientCertificates")) {
            if (map.containsKey(later) && map.get(later) != null) {
                throw new IllegalArgumentException("the option '" + later + "' is not supported yet");
            }
        }
        if (map.containsKey("applicationLayerProtocolNegotiation")) {
            Object v = map.get("applicationLayerProtocolNegotiation");
            b.alpn(v instanceof String s ? Arrays.asList(s.split(",")) : strings(v, "applicationLayerProtocolNegotiation"));
        }
        if (map.get("serverName") instanceof String name) {
            b.serverName(name);
        }
        if (map.containsKey("cache") && !bool(map, "cache")) {
            b.sessions(null); // the original's secure.cache: false: never resume, keep no session or ticket
        }
    }

    /** Certificates from PEM text or DER bytes (a file's content), a Certificate, or a collection of them. */
    public static List<Certificate> certificates(Object value) throws TlsException {
        List<Certificate> out = new ArrayList<>();
        if (value instanceof Certificate c) {
            out.add(c);
        } else if (value instanceof String pem) {
            out.addAll(readCertificates(pem.getBytes(StandardCharsets.US_ASCII)));
        } else if (value instanceof byte[] bytes) {
            out.addAll(readCertificates(bytes));
        } else if (value instanceof Collection<?> list) {
            for (Object item : list) {
                out.addAll(certificates(item));
            }
        } else {
            throw new IllegalArgumentException("the option 'certificate' must be PEM text, DER bytes, a Certificate"
                    + " or a list of them");
        }
        return out;
    }

    /** Every certificate of a file: PEM (several blocks allowed) or one DER certificate. */
    public static List<Certificate> readCertificates(byte[] content) throws TlsException {
        if (content.length > 0 && content[0] == 0x30) {
            return List.of(Certificate.read(content));
        }
        List<Certificate> out = new ArrayList<>();
        for (Pem.Block block : Pem.decode(new String(content, StandardCharsets.US_ASCII))) {
            if (block.label().equals(Pem.CERTIFICATE)) {
                out.add(Certificate.read(block.der()));
            }
        }
        return out;
    }

    private static boolean bool(Map<String, ?> map, String key) {
        if (map.get(key) instanceof Boolean v) {
            return v;
        }
        throw new IllegalArgumentException("the option '" + key + "' must be a boolean");
    }

    private static int number(Map<String, ?> map, String key, int dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return s.startsWith("0x") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the option '" + key + "' must be a number: " + s, e);
            }
        }
        throw new IllegalArgumentException("the option '" + key + "' must be a number");
    }

    private static List<String> strings(Object v, String key) {
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        throw new IllegalArgumentException("the option '" + key + "' must be a list of strings");
    }
}
