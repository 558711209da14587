package org.securesocket.handshake.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
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
    ExpectServerHello() {
    }

    /** Builds and sends the ClientHello; the first state of every handshake. */
    public static ClientState start(Context ctx) throws TlsException {
        offer(ctx);
        List<Extension> extensions = new ArrayList<>();
        // the versions are offered highest first: any after TLS 1.3 is TLS 1.2 or below
        boolean tls12 = ctx.offeredVersions.get(ctx.offeredVersions.size() - 1) != ProtocolVersion.TLS13;
        if (ctx.config.serverName() != null) {
            extensions.add(ExtensionCodecs.serverName(ctx.config.serverName()));
        }
        extensions.add(ExtensionCodecs.supportedGroups(ctx.offeredGroups));
        if (tls12) {
            extensions.add(ExtensionCodecs.ecPointFormats());
        }
        // RFC 8446 section 4.2.3: PKCS#1 v1.5 signs handshakes only in TLS 1.2; certificates may use it
        extensions.add(ExtensionCodecs.signatureAlgorithms(ExtensionType.SIGNATURE_ALGORITHMS, tls12
                ? ctx.offeredSchemes : tls13Schemes(ctx.offeredSchemes)));
        extensions.add(ExtensionCodecs.signatureAlgorithms(ExtensionType.SIGNATURE_ALGORITHMS_CERT,
                ctx.offeredSchemes));
        if (!ctx.config.alpn().isEmpty()) {
            extensions.add(ExtensionCodecs.alpn(ctx.config.alpn()));
        }
        if (offersCbc(ctx.offeredSuites)) {
            extensions.add(ExtensionCodecs.empty(ExtensionType.ENCRYPT_THEN_MAC)); // RFC 7366 section 2
        }
        var maxFragmentLength = FragmentLimits.maxFragmentLengthOffer(ctx);
        if (maxFragmentLength.isPresent()) {
            extensions.add(maxFragmentLength.get());
        }
        if (ctx.config.extensions().statusRequest()) {
            extensions.add(ExtensionCodecs.statusRequest());
        }
        byte[] sessionId = new byte[0];
        if (tls12) {
            extensions.add(ExtensionCodecs.empty(ExtensionType.EXTENDED_MASTER_SECRET));
            extensions.add(ExtensionCodecs.renegotiationInfo(new byte[0]));
            sessionId = Tls12Resumption.offer(ctx, extensions);
        }
        if (ctx.offersTls13()) {
            extensions.addAll(Tls13Hello.extensions(ctx, Tls13Hello.initialShareGroups(ctx.offeredGroups), null));
            if (sessionId.length == 0) { // a TLS 1.2 session's ID serves as well (RFC 8446 section 4.1.2)
                sessionId = ctx.crypto.random().bytes(32); // middlebox compatibility mode (RFC 8446 appendix D.4)
            }
        }
        List<Integer> suites = new ArrayList<>(ctx.offeredSuites.size());
        for (CipherSuite suite : ctx.offeredSuites) {
            suites.add(suite.codepoint());
        }
        // RFC 5246 appendix E.1: the highest version offered below TLS 1.3 (which supported_versions carries)
        ProtocolVersion clientVersion = ProtocolVersion.TLS12;
        for (ProtocolVersion v : ctx.offeredVersions) {
            if (v != ProtocolVersion.TLS13) {
                clientVersion = v;
                break;
            }
        }
        ClientHello hello = new ClientHello(clientVersion.wire(), ctx.crypto.random().bytes(32), sessionId,
                suites, new byte[] {0}, extensions);
        ctx.clientHello = PskOffer.bind(ctx, hello);
        ctx.trace("offering " + ctx.offeredVersions + " " + ctx.offeredSuites + " groups " + ctx.offeredGroups);
        ctx.send(ctx.clientHello);
        return new ExpectServerHello();
    }

    /** Fills what we offer: the policy's versions, suites, groups and schemes that this stack and provider can do. */
    static void offer(Context ctx) throws TlsException {
        HandshakePolicy policy = ctx.config.policy();
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12, ProtocolVersion.TLS11,
                ProtocolVersion.TLS10)) {
            // TLS 1.0 and 1.1 hash their handshake with MD5 and SHA-1 side by side (RFC 2246 section 7.4.9);
            // the provider is asked only when the policy allows them
            if (v.atLeast(policy.minVersion()) && policy.maxVersion().atLeast(v) && (v.atLeast(ProtocolVersion.TLS12)
                    || ctx.crypto.hashes().contains(HashAlgorithm.MD5) && ctx.crypto.hashes().contains(HashAlgorithm.SHA1))) {
                ctx.offeredVersions.add(v);
            }
        }
        for (CipherSuite s : policy.cipherSuites()) {
            if (supportsAny(s, ctx.offeredVersions) && ctx.crypto.hashes().contains(s.prfHash()) && (s.isAead()
                    ? ctx.crypto.aeads().contains(s.aead())
                    : ctx.crypto.supportsCbc() && ctx.crypto.hashes().contains(s.macAlgorithm()))) {
                ctx.offeredSuites.add(s);
            }
        }
        for (NamedGroup group : policy.groups()) {
            if (ctx.crypto.namedGroups().contains(group)) {
                ctx.offeredGroups.add(group);
            }
        }
        for (SignatureScheme scheme : policy.signatureSchemes()) {
            if (scheme.codepoint() >= 0 && ctx.crypto.verifySchemes().contains(scheme)) {
                ctx.offeredSchemes.add(scheme);
            }
        }
        // a version is offered only with a suite for it (TLS 1.3 suites fit TLS 1.3 alone)
        for (Iterator<ProtocolVersion> it = ctx.offeredVersions.iterator(); it.hasNext(); ) {
            ProtocolVersion v = it.next();
            boolean withSuite = false;
            for (CipherSuite s : ctx.offeredSuites) {
                withSuite |= s.supports(v);
            }
            if (!withSuite) {
                it.remove();
            }
        }
        if (ctx.offeredSuites.isEmpty()) {
            throw new TlsException(ErrorCode.HANDSHAKE_NO_COMMON_CIPHER_SUITE, null, "none of the policy's cipher"
                    + " suites can be offered in " + ctx.offeredVersions + " with the " + ctx.crypto.name()
                    + " provider", null);
        }
        if (ctx.offeredGroups.isEmpty()) {
            throw new TlsException(ErrorCode.HANDSHAKE_NO_COMMON_GROUP, null, "none of the policy's groups "
                    + policy.groups() + " is supported by the " + ctx.crypto.name() + " provider", null);
        }
    }

    private static boolean supportsAny(CipherSuite suite, List<ProtocolVersion> versions) {
        for (ProtocolVersion v : versions) {
            if (suite.supports(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean offersCbc(List<CipherSuite> suites) {
        for (CipherSuite s : suites) {
            if (!s.isAead()) {
                return true;
            }
        }
        return false;
    }

    /** RFC 8446 section 4.2.3: PKCS#1 v1.5 signs handshakes only in TLS 1.2; certificates may use it. */
    private static List<SignatureScheme> tls13Schemes(List<SignatureScheme> offered) {
        List<SignatureScheme> schemes = new ArrayList<>(offered.size());
        for (SignatureScheme s : offered) {
            if (Tls13Signatures.allowed(s)) {
                schemes.add(s);
            }
        }
        return schemes;
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
        var supportedVersions = Extension.find(hello.extensions(), ExtensionType.SUPPORTED_VERSIONS);
        if (supportedVersions.isPresent()) {
            Tls13Hello.checkSelectedVersion(ctx, hello, supportedVersions.get());
            if (Tls13Hello.isHelloRetryRequest(hello)) {
                Tls13Hello.retry(ctx, hello);
                return this;
            }
            return Tls13Hello.serverHello(ctx, hello);
        }
        if (ctx.retrySuite != null) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "after a TLS 1.3 hello_retry_request the"
                    + " server_hello selects no TLS 1.3 (RFC 8446 section 4.1.4)");
        }
        HandshakePolicy policy = ctx.config.policy();
        ProtocolVersion version = ProtocolVersion.fromWire(hello.legacyVersion())
                .filter(v -> v != ProtocolVersion.TLS13 && v.atLeast(policy.minVersion())
                        && policy.maxVersion().atLeast(v))
                .orElseThrow(() -> new TlsException(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, "the server chose "
                        + ProtocolVersion.describe(hello.legacyVersion()) + ", outside the allowed "
                        + policy.minVersion() + " to " + policy.maxVersion()));
        checkDowngrade(ctx, version, hello);
        if (!ctx.offeredVersions.contains(version)) {
            throw new TlsException(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, "the server chose " + version
                    + ", which we did not offer (we offered " + ctx.offeredVersions + ")");
        }
        CipherSuite suite = CipherSuite.fromCodepoint(hello.cipherSuite()).filter(ctx.offeredSuites::contains)
                .orElseThrow(() -> new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server chose the cipher"
                        + " suite " + CipherSuite.describe(hello.cipherSuite()) + ", which we did not offer"));
        if (hello.compressionMethod() != 0) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server chose compression method "
                    + hello.compressionMethod() + "; only null (0) was offered");
        }
        checkExtensions(ctx, hello);
        if (ctx.encryptThenMac && suite.isAead()) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION, "the server"
                    + " answered encrypt_then_mac for the AEAD suite " + suite.ianaName() + " (RFC 7366 section 3)",
                    null);
        }
        ctx.version = version;
        ctx.suite = suite;
        ctx.serverRandom = hello.random();
        ctx.records.setVersion(version);
        Tls12KeySchedule.startTranscript(ctx, version, suite);
        ctx.trace("<- server_hello " + version + " " + suite.ianaName() + (ctx.extendedMasterSecret ? " EMS" : "")
                + (ctx.encryptThenMac ? " EtM" : "")
                + (ctx.alpn != null ? " ALPN " + ctx.alpn : ""));
        ClientState resumed = Tls12Resumption.accept(ctx, hello);
        return resumed != null ? resumed : new ExpectCertificate();
    }

    /** RFC 8446 section 4.1.3: a client that offered a higher version checks the server random. */
    private static void checkDowngrade(Context ctx, ProtocolVersion version, ServerHello hello)
            throws TlsException {
        // what was offered counts, not the policy's maximum: a TLS 1.3 server sets the sentinel whenever it
        // negotiates 1.2, also for a client that offered no TLS 1.3 suite
        boolean tls12Downgrade = ctx.offersTls13() && version == ProtocolVersion.TLS12
                && hello.hasTls12DowngradeSentinel();
        boolean tls11Downgrade = ctx.offeredVersions.get(0).atLeast(ProtocolVersion.TLS12)
                && !version.atLeast(ProtocolVersion.TLS12) && hello.hasTls11DowngradeSentinel();
        if (tls12Downgrade || tls11Downgrade) {
            throw new TlsException(ErrorCode.HANDSHAKE_DOWNGRADE_DETECTED, "the server chose " + version
                    + " but its random carries the downgrade sentinel of a server supporting a higher version"
                    + " (RFC 8446 section 4.1.3): an attacker may be forcing an older version");
        }
    }

    private static void checkExtensions(Context ctx, ServerHello hello) throws TlsException {
        Set<Integer> offered = Extension.types(ctx.clientHello.extensions());
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
                case SESSION_TICKET -> { // RFC 5077 section 3.2: a NewSessionTicket will come
                    requireEmpty(e, data);
                    ctx.ticketPromised = true;
                }
                case RECORD_SIZE_LIMIT, MAX_FRAGMENT_LENGTH -> { } // FragmentLimits.apply, below
                case STATUS_REQUEST -> { // RFC 6066 section 8: empty; a CertificateStatus may follow Certificate
                    requireEmpty(e, data);
                    ctx.statusRequestAnswered = true;
                }
                case ENCRYPT_THEN_MAC -> {
                    requireEmpty(e, data);
                    ctx.encryptThenMac = true;
                }
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
                case APPLICATION_LAYER_PROTOCOL_NEGOTIATION -> ctx.acceptAlpn(data);
                default -> throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION,
                        "a TLS 1.2 server must not send " + e.name() + " in server_hello", null);
            }
        }
        FragmentLimits.apply(ctx, hello.extensions(), ProtocolVersion.TLS12);
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
