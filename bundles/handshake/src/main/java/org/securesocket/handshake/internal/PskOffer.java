package org.securesocket.handshake.internal;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.SessionCache;
import org.securesocket.handshake.Tls13Extensions;
import org.securesocket.handshake.Tls13Extensions.PskIdentity;

/** Resumption with a ticket (RFC 8446 sections 2.2, 4.2.11): the pre_shared_key offer, its binder, the answer. */
final class PskOffer {
    private PskOffer() {
    }

    /**
     * Adds pre_shared_key (last) with the binder of a cached ticket when TLS 1.3 is offered and a
     * ticket for this server and an offered suite is at hand; otherwise returns the hello unchanged.
     */
    static ClientHello bind(Context ctx, ClientHello hello) throws TlsException {
        SessionCache cache = ctx.config.sessions();
        String key = ctx.config.sessionKey();
        if (cache == null || key == null || !ctx.offersTls13()) {
            return hello;
        }
        var ticket = cache.take(key).filter(t -> ctx.offeredSuites.contains(t.suite()));
        if (ticket.isEmpty()) {
            return hello;
        }
        ctx.pskOffered = ticket.get();
        long age = ticket.get().obfuscatedAge(cache.clock().instant());
        return withBinder(ctx, hello, new PskIdentity(ticket.get().identity(), age), ticket.get().psk(),
                ticket.get().suite());
    }

    /**
     * Appends pre_shared_key for one identity and computes its binder: HMAC with the finished key of
     * "res binder" over the hash of the hello truncated before the binders list (section 4.2.11.2).
     */
    static ClientHello withBinder(Context ctx, ClientHello hello, PskIdentity identity, byte[] psk, CipherSuite suite)
            throws TlsException {
        int hashLength = suite.prfHash().outputLength();
        ClientHello unbound = append(hello, Tls13Extensions.preSharedKey(List.of(identity),
                List.of(new byte[hashLength])));
        byte[] encoded = unbound.encode();
        int truncated = encoded.length - Tls13Extensions.bindersLength(List.of(hashLength));
        var hash = ctx.crypto.createHash(suite.prfHash());
        hash.update(encoded, 0, truncated);
        Tls13KeySchedule early = new Tls13KeySchedule(ctx.crypto, suite, psk);
        byte[] binder = early.finishedMac(early.resumptionBinderKey(), hash.currentDigest());
        ctx.trace("offering a ticket for resumption (" + suite.ianaName() + ")");
        return append(hello, Tls13Extensions.preSharedKey(List.of(identity), List.of(binder)));
    }

    private static ClientHello append(ClientHello hello, Extension psk) {
        List<Extension> extensions = new ArrayList<>(hello.extensions());
        extensions.add(psk);
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
                hello.compressionMethods(), extensions);
    }

    /**
     * The PSK when the ServerHello accepts our offer (selected_identity 0, a suite with the ticket's
     * hash), else null.
     */
    static byte[] accepted(Context ctx, ServerHello hello, CipherSuite suite) throws TlsException {
        var extension = Extension.find(hello.extensions(), ExtensionType.PRE_SHARED_KEY);
        if (extension.isEmpty()) {
            return null;
        }
        int selected = Tls13Extensions.readSelectedIdentity(extension.get().data());
        SessionCache.Ticket offered = ctx.pskOffered;
        if (offered == null || selected != 0) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server selected PSK identity " + selected
                    + " but we offered " + (offered == null ? "none" : "one") + " (RFC 8446 section 4.2.11)");
        }
        if (offered.suite().prfHash() != suite.prfHash()) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server resumes with " + suite.ianaName()
                    + ", whose hash differs from the ticket's " + offered.suite().ianaName()
                    + " (RFC 8446 section 4.2.11)");
        }
        ctx.pskAccepted = true;
        ctx.peerCertificates = offered.peerCertificates();
        return offered.psk();
    }
}
