package org.securesocket.handshake.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.ServerHello;
import org.securesocket.record.ProtocolVersion;

/** Sends the ClientHello, then waits for the ServerHello and checks it against what was offered. */
public final class ExpectServerHello implements ClientState {
    private ExpectServerHello() {
    }

    /** Builds and sends the ClientHello; the first state of every handshake. */
    public static ClientState start(Context ctx) throws TlsException {
        HandshakePolicy policy = ctx.config.policy();
        if (policy.maxVersion() != ProtocolVersion.TLS12 || policy.minVersion() != ProtocolVersion.TLS12) {
            throw new TlsException(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, null, "this client speaks TLS 1.2 only so far;"
                    + " the policy asks for " + policy.minVersion() + " to " + policy.maxVersion(), null);
        }
        policy.cipherSuites().stream().filter(s -> s.supports(ProtocolVersion.TLS12))
                .filter(s -> ctx.crypto.aeads().contains(s.aead()) && ctx.crypto.hashes().contains(s.prfHash()))
                .forEach(ctx.offeredSuites::add);
        policy.groups().stream().filter(ctx.crypto.namedGroups()::contains).forEach(ctx.offeredGroups::add);
        policy.signatureSchemes().stream().filter(s -> s.codepoint() >= 0)
                .filter(ctx.crypto.verifySchemes()::contains).forEach(ctx.offeredSchemes::add);
        if (ctx.offeredSuites.isEmpty()) {
            throw new TlsException(ErrorCode.HANDSHAKE_NO_COMMON_CIPHER_SUITE, null, "none of the policy's cipher"
                    + " suites can be offered in TLS 1.2 with the " + ctx.crypto.name() + " provider", null);
        }
        if (ctx.offeredGroups.isEmpty()) {
            throw new TlsException(ErrorCode.HANDSHAKE_NO_COMMON_GROUP, null, "none of the policy's groups "
                    + policy.groups() + " is supported by the " + ctx.crypto.name() + " provider", null);
        }
        List<Extension> extensions = new ArrayList<>();
        if (ctx.config.serverName() != null) {
            extensions.add(ExtensionCodecs.serverName(ctx.config.serverName()));
        }
        extensions.add(ExtensionCodecs.supportedGroups(ctx.offeredGroups));
        extensions.add(ExtensionCodecs.ecPointFormats());
        extensions.add(ExtensionCodecs.signatureAlgorithms(ExtensionType.SIGNATURE_ALGORITHMS, ctx.offeredSchemes));
        extensions.add(ExtensionCodecs.signatureAlgorithms(ExtensionType.SIGNATURE_ALGORITHMS_CERT,
                ctx.offeredSchemes));
        if (!ctx.config.alpn().isEmpty()) {
            extensions.add(ExtensionCodecs.alpn(ctx.config.alpn()));
        }
        extensions.add(ExtensionCodecs.empty(ExtensionType.EXTENDED_MASTER_SECRET));
        extensions.add(ExtensionCodecs.renegotiationInfo(new byte[0]));
        List<Integer> suites = ctx.offeredSuites.stream().map(CipherSuite::codepoint).toList();
        ctx.clientHello = new ClientHello(ProtocolVersion.TLS12.wire(), ctx.crypto.random().bytes(32), new byte[0],
                suites, new byte[] {0}, extensions);
        ctx.trace("offering " + ctx.offeredSuites + " groups " + ctx.offeredGroups);
        ctx.send(ctx.clientHello);
        return new ExpectServerHello();
    }

    @Override
    public String expecting() {
        return "server_hello";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (!(message instanceof ServerHello hello)) {
            throw unexpected(message);
        }
        HandshakePolicy policy = ctx.config.policy();
        ProtocolVersion version = ProtocolVersion.fromWire(hello.legacyVersion())
                .filter(v -> v.atLeast(policy.minVersion()) && policy.maxVersion().atLeast(v))
                .orElseThrow(() -> new TlsException(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, "the server chose "
                        + ProtocolVersion.describe(hello.legacyVersion()) + ", outside the allowed "
                        + policy.minVersion() + " to " + policy.maxVersion()));
        checkDowngrade(policy, version, hello);
        CipherSuite suite = CipherSuite.fromCodepoint(hello.cipherSuite()).filter(ctx.offeredSuites::contains)
                .orElseThrow(() -> new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server chose the cipher"
                        + " suite " + CipherSuite.describe(hello.cipherSuite()) + ", which we did not offer"));
        if (hello.compressionMethod() != 0) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server chose compression method "
                    + hello.compressionMethod() + "; only null (0) was offered");
        }
        checkExtensions(ctx, hello);
        ctx.version = version;
        ctx.suite = suite;
        ctx.serverRandom = hello.random();
        ctx.records.setVersion(version);
        ctx.transcript.start(ctx.crypto.createHash(suite.prfHash()));
        ctx.trace("<- server_hello " + version + " " + suite.ianaName() + (ctx.extendedMasterSecret ? " EMS" : "")
                + (ctx.alpn != null ? " ALPN " + ctx.alpn : ""));
        return new ExpectCertificate();
    }

    /** RFC 8446 section 4.1.3: a client that offered a higher version checks the server random. */
    private static void checkDowngrade(HandshakePolicy policy, ProtocolVersion version, ServerHello hello)
            throws TlsException {
        boolean tls12Downgrade = policy.maxVersion().atLeast(ProtocolVersion.TLS13) && version == ProtocolVersion.TLS12
                && hello.hasTls12DowngradeSentinel();
        boolean tls11Downgrade = policy.maxVersion().atLeast(ProtocolVersion.TLS12)
                && !version.atLeast(ProtocolVersion.TLS12) && hello.hasTls11DowngradeSentinel();
        if (tls12Downgrade || tls11Downgrade) {
            throw new TlsException(ErrorCode.HANDSHAKE_DOWNGRADE_DETECTED, "the server chose " + version
                    + " but its random carries the downgrade sentinel of a server supporting a higher version"
                    + " (RFC 8446 section 4.1.3): an attacker may be forcing an older version");
        }
    }

    private static void checkExtensions(Context ctx, ServerHello hello) throws TlsException {
        Set<Integer> offered = new HashSet<>();
        ctx.clientHello.extensions().forEach(e -> offered.add(e.type()));
        boolean secureRenegotiation = false;
        for (Extension e : hello.extensions()) {
            if (!offered.contains(e.type())) {
                throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION,
                        "the server sent " + e.name() + ", which we did not offer (RFC 5246 section 7.4.1.4)", null);
            }
            byte[] data = e.data();
            switch (e.known().orElseThrow()) {
                case RENEGOTIATION_INFO -> {
                    if (ExtensionCodecs.readRenegotiationInfo(data).length != 0) {
                        throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.HANDSHAKE_FAILURE,
                                "the server's renegotiation_info is not empty on an initial handshake"
                                + " (RFC 5746 section 3.4)", null);
                    }
                    secureRenegotiation = true;
                }
                case EXTENDED_MASTER_SECRET -> {
                    requireEmpty(e, data);
                    ctx.extendedMasterSecret = true;
                }
                case SERVER_NAME -> requireEmpty(e, data);
                case EC_POINT_FORMATS -> {
                    byte[] formats = ExtensionCodecs.readEcPointFormats(data);
                    boolean uncompressed = false;
                    for (byte f : formats) {
                        uncompressed |= f == ExtensionCodecs.POINT_FORMAT_UNCOMPRESSED;
                    }
                    if (!uncompressed) {
                        throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's ec_point_formats"
                                + " lacks uncompressed (RFC 8422 section 5.2)");
                    }
                }
                case APPLICATION_LAYER_PROTOCOL_NEGOTIATION -> {
                    List<String> names = ExtensionCodecs.readAlpn(data);
                    if (names.size() != 1 || !ctx.config.alpn().contains(names.get(0))) {
                        throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server selected the ALPN"
                                + " protocols " + names + "; exactly one of " + ctx.config.alpn() + " is allowed"
                                + " (RFC 7301 section 3.1)");
                    }
                    ctx.alpn = names.get(0);
                }
                default -> throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION,
                        "a TLS 1.2 server must not send " + e.name() + " in server_hello", null);
            }
        }
        if (!secureRenegotiation && ctx.config.policy().requireSecureRenegotiation()) {
            throw new TlsException(ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY, Alert.HANDSHAKE_FAILURE,
                    "the server does not support secure renegotiation (RFC 5746 renegotiation_info),"
                    + " which the policy requires", null);
        }
        if (!ctx.extendedMasterSecret && ctx.config.policy().requireExtendedMasterSecret()) {
            throw new TlsException(ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY, Alert.HANDSHAKE_FAILURE,
                    "the server does not support the extended master secret (RFC 7627), which the policy requires",
                    null);
        }
    }

    private static void requireEmpty(Extension e, byte[] data) throws TlsException {
        if (data.length != 0) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "the server's " + e.name() + " must be empty");
        }
    }
}
