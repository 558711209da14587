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
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.handshake.ClientExtensions;
import org.securesocket.handshake.KeyLogSink;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.Pem;
import org.securesocket.x509.Transform;

/**
 * The original's option dictionary: {@code host} or {@code address}, {@code port}, {@code noDelay},
 * {@code keepalive}, and {@code secure}, either {@code true} or a dictionary of {@code protocolVersion}
 * (the minimum, e.g. {@code 0x303}), {@code certificate} (anchors: PEM text, DER bytes, a
 * {@link Certificate}, or a collection of them), {@code verify}, {@code trace},
 * {@code tls_max_fragment_length} (rounded down to a power of two, clamped to 512..4096),
 * {@code applicationLayerProtocolNegotiation} (a list or a comma-separated string), {@code clientKey}
 * and {@code clientCertificates} (together: see {@link #clientCredentials}), {@code serverName},
 * {@code cache}, {@code statusRequest} (ask for a stapled OCSP response, not validated yet), and
 * {@code keyLog} (a {@link KeyLogSink} such as a {@link KeyLogFile}, for debugging).
 * The {@code secure} keys are also accepted at the top level, plus {@code timeout}
 * in milliseconds. Unknown keys and ill-typed values are an {@link IllegalArgumentException}.
 */
public final class OptionMaps {
    private static final Set<String> SOCKET_KEYS = Set.of("host", "address", "port", "noDelay", "keepalive", "secure",
            "timeout");
    private static final Set<String> SECURE_KEYS = Set.of("protocolVersion", "certificate", "verify", "trace",
            "tls_max_fragment_length", "applicationLayerProtocolNegotiation", "clientKey", "clientCertificates",
            "serverName", "cache", "keyLog", "statusRequest");

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
        if (map.get("tls_max_fragment_length") != null) {
            b.maxFragmentLength(ClientExtensions.maxFragmentLengthFor(number(map, "tls_max_fragment_length", 0)));
        }
        if (map.get("clientKey") != null || map.get("clientCertificates") != null) {
            if (map.get("clientKey") == null || map.get("clientCertificates") == null) {
                throw new IllegalArgumentException("the options 'clientKey' and 'clientCertificates' go together");
            }
            b.clientCredentials(clientCredentials(map.get("clientKey"), map.get("clientCertificates")));
        }
        if (map.containsKey("statusRequest")) {
            b.statusRequest(bool(map, "statusRequest"));
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

    /**
     * Client credentials from a private key, as DER bytes (PKCS#8, PKCS#1 RSA or SEC1 EC) or PEM text
     * (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY; bytes starting with {@code -----BEGIN} are read as
     * PEM), and certificates as for {@link #certificates}, the client's own first. The signature schemes
     * follow from the key ({@link ClientCredentials#forKey}). Encrypted keys are refused, and so is a key
     * that does not belong to the first certificate ({@link ClientCredentials#checkKeyPair}).
     *
     * @throws TlsException {@code crypto.invalid_key} for an unreadable, encrypted or mismatched key,
     *                      {@code certificate.malformed} for an unreadable certificate
     */
    public static ClientCredentials clientCredentials(Object key, Object certificates) throws TlsException {
        byte[] pkcs8;
        if (key instanceof String pem) {
            pkcs8 = Transform.privateKeyToPrivateKeyInfo(pem);
        } else if (key instanceof byte[] bytes) {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            pkcs8 = text.startsWith("-----BEGIN") ? Transform.privateKeyToPrivateKeyInfo(text)
                    : Transform.privateKeyToPrivateKeyInfo(bytes);
        } else {
            throw new IllegalArgumentException("the option 'clientKey' must be DER bytes or PEM text");
        }
        List<Certificate> chain = certificates(certificates);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the option 'clientCertificates' holds no certificate");
        }
        ClientCredentials credentials = ClientCredentials.forKey(chain.stream().map(Certificate::encoded).toList(),
                pkcs8);
        credentials.checkKeyPair(new JcaTlsCrypto());
        return credentials;
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
