package org.securesocket.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.OptionMaps;
import org.securesocket.shell.UsageException;
import org.securesocket.x509.Certificate;

/** The parsed arguments of {@code connect}; every problem is a {@link UsageException} (exit 2). */
final class ConnectArguments {
    String host;
    int port;
    String serverName;
    final List<Path> caFiles = new ArrayList<>();
    boolean verify = true;
    ProtocolVersion minVersion = ProtocolVersion.TLS12;
    ProtocolVersion maxVersion = ProtocolVersion.TLS13;
    List<CipherSuite> cipherSuites;
    List<NamedGroup> groups;
    List<String> alpn = List.of();
    String send;
    Duration timeout = HandshakePolicy.DEFAULT_HANDSHAKE_TIMEOUT;
    boolean trace;
    boolean json;
    int maxFragmentLength;
    boolean statusRequest;
    Path certFile;
    Path keyFile;

    static ConnectArguments parse(List<String> args) throws UsageException {
        ConnectArguments a = new ConnectArguments();
        String target = null;
        String cert = null;
        String key = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--servername" -> a.serverName = value(args, ++i, arg);
                case "--cafile" -> a.caFiles.add(Path.of(value(args, ++i, arg)));
                case "--no-verify" -> a.verify = false;
                case "--min-version" -> a.minVersion = version(value(args, ++i, arg));
                case "--max-version" -> a.maxVersion = version(value(args, ++i, arg));
                case "--cipher-suites" -> a.cipherSuites = suites(value(args, ++i, arg));
                case "--groups" -> a.groups = groups(value(args, ++i, arg));
                case "--alpn" -> a.alpn = List.of(value(args, ++i, arg).split(","));
                case "--max-fragment-length" -> a.maxFragmentLength = fragmentLength(value(args, ++i, arg));
                case "--status-request" -> a.statusRequest = true;
                case "--cert" -> cert = value(args, ++i, arg);
                case "--key" -> key = value(args, ++i, arg);
                case "--send" -> a.send = unescape(value(args, ++i, arg));
                case "--timeout" -> a.timeout = Duration.ofMillis(positive(value(args, ++i, arg), arg));
                case "--trace" -> a.trace = true;
                case "--json" -> a.json = true;
                default -> {
                    if (arg.startsWith("-") || target != null) {
                        throw new UsageException("unexpected argument '" + arg + "'");
                    }
                    target = arg;
                }
            }
        }
        if ((cert == null) != (key == null)) {
            throw new UsageException("--cert and --key go together");
        }
        if (cert != null) {
            a.certFile = Path.of(cert);
            a.keyFile = Path.of(key);
        }
        if (target == null) {
            throw new UsageException("HOST:PORT is required");
        }
        if (a.minVersion.compareTo(a.maxVersion) > 0) {
            throw new UsageException("--min-version " + a.minVersion + " is above --max-version " + a.maxVersion);
        }
        a.target(target);
        return a;
    }

    private void target(String target) throws UsageException {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new UsageException("'" + target + "' is not HOST:PORT");
        }
        String h = target.substring(0, colon);
        host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        port = positive(target.substring(colon + 1), "the port");
        if (port > 65535) {
            throw new UsageException("the port " + port + " is above 65535");
        }
    }

    /** The anchors of every --cafile, which replace the default store. */
    List<Certificate> anchors() throws UsageException {
        List<Certificate> out = new ArrayList<>();
        for (Path file : caFiles) {
            try {
                List<Certificate> certs = OptionMaps.readCertificates(Files.readAllBytes(file));
                if (certs.isEmpty()) {
                    throw new UsageException("--cafile " + file + " holds no certificate");
                }
                out.addAll(certs);
            } catch (TlsException e) {
                throw new UsageException("--cafile " + file + " is not a PEM or DER certificate file: "
                        + e.getMessage());
            } catch (IOException e) {
                throw new UsageException("cannot read --cafile " + file + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The client certificate chain of --cert and the key of --key (PEM or DER), or null without them. */
    ClientCredentials clientCredentials() throws UsageException {
        if (certFile == null) {
            return null;
        }
        byte[] chain;
        byte[] key;
        try {
            chain = Files.readAllBytes(certFile);
            key = Files.readAllBytes(keyFile);
        } catch (IOException e) {
            throw new UsageException("cannot read --cert " + certFile + " or --key " + keyFile + ": " + e.getMessage());
        }
        try {
            return OptionMaps.clientCredentials(key, chain);
        } catch (TlsException | IllegalArgumentException e) {
            throw new UsageException("--cert " + certFile + " and --key " + keyFile + " cannot be used: "
                    + e.getMessage());
        }
    }

    /** RFC 6066 section 4 allows 512, 1024, 2048 and 4096. */
    private static int fragmentLength(String value) throws UsageException {
        int n = positive(value, "--max-fragment-length");
        if (n != 512 && n != 1024 && n != 2048 && n != 4096) {
            throw new UsageException("--max-fragment-length must be 512, 1024, 2048 or 4096 (RFC 6066 section 4),"
                    + " not " + n);
        }
        return n;
    }

    HandshakePolicy policy() {
        HandshakePolicy p = HandshakePolicy.DEFAULT.withHandshakeTimeout(timeout).withVersions(minVersion, maxVersion);
        if (cipherSuites != null) {
            p = p.withCipherSuites(cipherSuites);
        }
        if (groups != null) {
            p = p.withGroups(groups);
        }
        return p;
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(String s, String what) throws UsageException {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(what + " must be a positive number, not '" + s + "'");
    }

    static ProtocolVersion version(String v) throws UsageException {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1.0", "0x301", "0x0301" -> ProtocolVersion.TLS10;
            case "1.1", "0x302", "0x0302" -> ProtocolVersion.TLS11;
            case "1.2", "0x303", "0x0303" -> ProtocolVersion.TLS12;
            case "1.3", "0x304", "0x0304" -> ProtocolVersion.TLS13;
            default -> throw new UsageException("unknown version '" + v + "': use 1.0 1.1 1.2 1.3 or 0x301..0x304");
        };
    }

    private static List<CipherSuite> suites(String list) throws UsageException {
        List<CipherSuite> out = new ArrayList<>();
        for (String name : list.split(",")) {
            out.add(CipherSuite.fromName(name.trim()).orElseThrow(() -> new UsageException("unknown or unsupported"
                    + " cipher suite '" + name + "'; this build offers " + Arrays.toString(CipherSuite.values()))));
        }
        return out;
    }

    private static List<NamedGroup> groups(String list) throws UsageException {
        List<NamedGroup> out = new ArrayList<>();
        for (String name : list.split(",")) {
            out.add(Arrays.stream(NamedGroup.values()).filter(g -> g.name().equalsIgnoreCase(name.trim())).findFirst()
                    .orElseThrow(() -> new UsageException("unknown group '" + name + "'")));
        }
        return out;
    }

    /** Honours the escapes \r, \n, \t and \\ in --send. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'r' -> sb.append('\r');
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\' -> sb.append('\\');
                    default -> sb.append(c).append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
