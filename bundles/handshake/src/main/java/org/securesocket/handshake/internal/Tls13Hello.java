package org.securesocket.handshake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.Tls13Extensions;
import org.securesocket.handshake.Tls13Extensions.KeyShareEntry;
import org.securesocket.record.ProtocolVersion;

/**
 * The TLS 1.3 parts of the hello exchange (RFC 8446 section 4.1): the extensions a ClientHello adds
 * when it offers TLS 1.3, the HelloRetryRequest, and the ServerHello that selects TLS 1.3.
 */
final class Tls13Hello {
    /** The ServerHello.random of a HelloRetryRequest: SHA-256("HelloRetryRequest") (section 4.1.3). */
    static final byte[] HELLO_RETRY_REQUEST_RANDOM = {
        (byte) 0xcf, 0x21, (byte) 0xad, 0x74, (byte) 0xe5, (byte) 0x9a, 0x61, 0x11, (byte) 0xbe, 0x1d, (byte) 0x8c,
        0x02, 0x1e, 0x65, (byte) 0xb8, (byte) 0x91, (byte) 0xc2, (byte) 0xa2, 0x11, 0x16, 0x7a, (byte) 0xbb,
        (byte) 0x8c, 0x5e, 0x07, (byte) 0x9e, 0x09, (byte) 0xe2, (byte) 0xc8, (byte) 0xa8, 0x33, (byte) 0x9c};

    private Tls13Hello() {
    }

    /**
     * The group that gets a share in the first ClientHello: the first offered non-ffdhe group, else the first.
     * One share, as mature clients send: a second one costs a key generation on every handshake (about a
     * tenth of a TLS 1.3 handshake's CPU for P-256), while a server that prefers another offered group
     * asks for it with a HelloRetryRequest (RFC 8446 section 4.1.4).
     */
    static List<NamedGroup> initialShareGroups(List<NamedGroup> offered) {
        for (NamedGroup group : offered) {
            if (group.kind() != NamedGroup.Kind.FFDHE) {
                return List.of(group);
            }
        }
        return List.of(offered.get(0));
    }

    /** Generates the shares and returns the TLS 1.3 extensions; pre_shared_key, which must be last, is added later. */
    static List<Extension> extensions(Context ctx, List<NamedGroup> shareGroups, byte[] cookie) throws TlsException {
        ctx.keyShares.clear();
        List<KeyShareEntry> entries = new ArrayList<>();
        for (NamedGroup g : shareGroups) {
            entries.add(share(ctx, g));
        }
        List<Extension> out = new ArrayList<>();
        out.add(Tls13Extensions.supportedVersions(ctx.offeredVersions));
        out.add(Tls13Extensions.clientKeyShares(entries));
        out.add(Tls13Extensions.pskKeyExchangeModes());
        out.add(Tls13Extensions.recordSizeLimit(FragmentLimits.ourRecordSizeLimit(ctx)));
        if (cookie != null) {
            out.add(Tls13Extensions.cookie(cookie));
        }
        return out;
    }

    private static KeyShareEntry share(Context ctx, NamedGroup group) throws TlsException {
        KeyShare share = ctx.crypto.generateKeyShare(group);
        ctx.keyShares.put(group, share);
        return new KeyShareEntry(group.codepoint(), share.publicKey());
    }

    static boolean isHelloRetryRequest(ServerHello hello) {
        return java.util.Arrays.equals(hello.random(), HELLO_RETRY_REQUEST_RANDOM);
    }

    /**
     * The selected version of a ServerHello with supported_versions: it must be TLS 1.3, offered,
     * with legacy_version 0x0303 (section 4.2.1).
     */
    static void checkSelectedVersion(Context ctx, ServerHello hello, Extension supportedVersions) throws TlsException {
        int selected = Tls13Extensions.readSelectedVersion(supportedVersions.data());
        if (selected != ProtocolVersion.TLS13.wire() || !ctx.offersTls13()
                || hello.legacyVersion() != ProtocolVersion.TLS12.wire()) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server selected "
                    + ProtocolVersion.describe(selected) + " in supported_versions (legacy_version "
                    + ProtocolVersion.describe(hello.legacyVersion()) + "); we offered " + ctx.offeredVersions);
        }
    }

    /** Checks what a TLS 1.3 ServerHello or HelloRetryRequest has in common and returns its suite. */
    static CipherSuite checkCommon(Context ctx, ServerHello hello, Set<ExtensionType> allowed, String what)
            throws TlsException {
        CipherSuite suite = CipherSuite.fromCodepoint(hello.cipherSuite()).orElse(null);
        if (suite == null || !ctx.offeredSuites.contains(suite) || !suite.supports(ProtocolVersion.TLS13)) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's " + what
                    + " chose " + CipherSuite.describe(hello.cipherSuite()) + ", which we did not offer for TLS 1.3");
        }
        if (ctx.retrySuite != null && suite != ctx.retrySuite) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server_hello chose " + suite.ianaName()
                    + " after its hello_retry_request chose " + ctx.retrySuite.ianaName() + " (RFC 8446 section 4.1.4)");
        }
        if (hello.compressionMethod() != 0) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's " + what
                    + " chose compression method " + hello.compressionMethod());
        }
        if (!java.util.Arrays.equals(hello.sessionId(), ctx.clientHello.sessionId())) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's " + what + " does not echo"
                    + " our legacy_session_id (RFC 8446 section 4.1.3)");
        }
        Set<Integer> offered = Extension.types(ctx.clientHello.extensions());
        for (Extension e : hello.extensions()) {
            // a cookie is the server's own (section 4.2.2); where it may appear is checked below
            if (!offered.contains(e.type()) && e.type() != ExtensionType.COOKIE.codepoint()) {
                throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION, "the server's "
                        + what + " holds " + e.name() + ", which we did not offer (RFC 8446 section 4.2)", null);
            }
            if (e.known().isEmpty() || !allowed.contains(e.known().get())) {
                throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "a TLS 1.3 " + what + " must not hold "
                        + e.name() + " (RFC 8446 section 4.2)");
            }
        }
        return suite;
    }

    /**
     * A HelloRetryRequest (section 4.1.4): only one per handshake, and it must change the hello:
     * ask for a group we offered but sent no share for, or send a cookie. Sends ClientHello2.
     */
    static void retry(Context ctx, ServerHello hrr) throws TlsException {
        if (ctx.retrySuite != null) {
            throw new TlsException(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, "the server sent a second"
                    + " hello_retry_request (RFC 8446 section 4.1.4)");
        }
        CipherSuite suite = checkCommon(ctx, hrr, Set.of(ExtensionType.SUPPORTED_VERSIONS, ExtensionType.KEY_SHARE,
                ExtensionType.COOKIE), "hello_retry_request");
        NamedGroup group = null;
        var keyShare = Extension.find(hrr.extensions(), ExtensionType.KEY_SHARE);
        if (keyShare.isPresent()) {
            group = Tls13Extensions.offeredGroup(Tls13Extensions.readSelectedGroup(keyShare.get().data()),
                    ctx.offeredGroups, "hello_retry_request");
            if (ctx.keyShares.containsKey(group)) {
                throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's hello_retry_request asks"
                        + " for a " + group + " share, which we already sent (RFC 8446 section 4.2.8)");
            }
        }
        byte[] cookie = null;
        var cookieExtension = Extension.find(hrr.extensions(), ExtensionType.COOKIE);
        if (cookieExtension.isPresent()) {
            cookie = Tls13Extensions.readCookie(cookieExtension.get().data());
        }
        if (group == null && cookie == null) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's hello_retry_request would not"
                    + " change our client_hello: it asks for no key share and sends no cookie (RFC 8446 section 4.1.4)");
        }
        ctx.retrySuite = suite;
        ctx.retryGroup = group;
        ctx.pskOffered = null; // ClientHello2 offers no PSK: its binder would need the new transcript
        ctx.records.setVersion(ProtocolVersion.TLS13); // from now on a middlebox CCS is dropped (appendix D.4)
        ctx.transcript.startAfterHelloRetry(ctx.crypto.createHash(suite.prfHash()),
                ctx.clientHello.encode().length);
        List<Extension> extensions = new ArrayList<>();
        for (Extension e : ctx.clientHello.extensions()) { // the same hello, with the new share and the cookie
            ExtensionType type = e.known().orElse(null);
            if (type == ExtensionType.KEY_SHARE && group != null) {
                ctx.keyShares.clear();
                extensions.add(Tls13Extensions.clientKeyShares(List.of(share(ctx, group))));
            } else if (type != ExtensionType.COOKIE && type != ExtensionType.PRE_SHARED_KEY) {
                extensions.add(e);
            }
        }
        if (cookie != null) {
            extensions.add(Tls13Extensions.cookie(cookie));
        }
        ClientHello first = ctx.clientHello;
        ctx.clientHello = new ClientHello(first.legacyVersion(), first.random(), first.sessionId(), first.cipherSuites(),
                first.compressionMethods(), extensions);
        ctx.trace("<- hello_retry_request " + suite.ianaName() + (group != null ? " group " + group : "")
                + (cookie != null ? " with a cookie" : ""));
        ctx.sendCompatibilityCcs();
        ctx.send(ctx.clientHello);
    }

    /**
     * A ServerHello selecting TLS 1.3 (section 4.1.3): checks it, computes the (EC)DHE secret with
     * our share of the selected group, derives the handshake traffic secrets and reads under the
     * server's handshake keys from now on.
     */
    static ClientState serverHello(Context ctx, ServerHello hello) throws TlsException {
        CipherSuite suite = checkCommon(ctx, hello, Set.of(ExtensionType.SUPPORTED_VERSIONS, ExtensionType.KEY_SHARE,
                ExtensionType.PRE_SHARED_KEY), "server_hello");
        Extension keyShareExtension = Extension.find(hello.extensions(), ExtensionType.KEY_SHARE).orElse(null);
        if (keyShareExtension == null) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.MISSING_EXTENSION, "the server's"
                    + " server_hello has no key_share; we offered psk_dhe_ke only (RFC 8446 section 4.2.9)", null);
        }
        KeyShareEntry entry = Tls13Extensions.readServerKeyShare(keyShareExtension.data());
        NamedGroup group = Tls13Extensions.offeredGroup(entry.group(), ctx.offeredGroups, "server_hello key_share");
        KeyShare ours = ctx.keyShares.get(group);
        if (ours == null || ctx.retryGroup != null && group != ctx.retryGroup) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server's key_share is for " + group
                    + ", for which we sent no share (RFC 8446 section 4.2.8)");
        }
        byte[] psk = PskOffer.accepted(ctx, hello, suite);
        byte[] shared = ours.agree(entry.keyExchange());
        ctx.version = ProtocolVersion.TLS13;
        ctx.suite = suite;
        ctx.group = group;
        ctx.serverRandom = hello.random();
        ctx.records.setVersion(ProtocolVersion.TLS13);
        if (!ctx.transcript.isStarted()) {
            ctx.transcript.start(ctx.crypto.createHash(suite.prfHash()));
        }
        Tls13KeySchedule schedule = new Tls13KeySchedule(ctx.crypto, suite, psk);
        schedule.advance(shared);
        java.util.Arrays.fill(shared, (byte) 0);
        byte[] helloHash = ctx.transcript.digest();
        ctx.schedule = schedule;
        ctx.clientHandshakeSecret = schedule.derive("c hs traffic", helloHash);
        ctx.serverHandshakeSecret = schedule.derive("s hs traffic", helloHash);
        ctx.logSecret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", ctx.clientHandshakeSecret);
        ctx.logSecret("SERVER_HANDSHAKE_TRAFFIC_SECRET", ctx.serverHandshakeSecret);
        ctx.records.setReadProtection(schedule.protection(ctx.serverHandshakeSecret));
        ctx.keyShares.clear();
        ctx.trace("<- server_hello TLSv1.3 " + suite.ianaName() + " " + group + (ctx.pskAccepted ? " resumed" : ""));
        return new ExpectEncryptedExtensions();
    }
}
