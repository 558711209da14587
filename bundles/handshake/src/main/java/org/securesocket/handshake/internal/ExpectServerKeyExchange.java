package org.securesocket.handshake.internal;

import java.math.BigInteger;
import java.util.Locale;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.handshake.DheParameters;
import org.securesocket.handshake.EcdheParameters;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.KeyExchange;
import org.securesocket.handshake.ServerKeyExchange;
import org.securesocket.handshake.SignedParameters;
import org.securesocket.record.ProtocolVersion;

/**
 * Waits for the ECDHE or DHE ServerKeyExchange. The signature over {@code client_random + server_random
 * + params} must verify with the certificate's key (never skipped): in TLS 1.2 with a scheme we offered
 * that fits the suite (RFC 5246 section 7.4.3, RFC 8422 section 5.4); in TLS 1.0 and 1.1, which name
 * no scheme, with MD5 || SHA-1 for RSA and SHA-1 for ECDSA (RFC 4346 section 7.4.3, RFC 4492 section
 * 5.4). ECDHE: the group must be one we offered. DHE: see {@link DheKeyExchange}.
 */
final class ExpectServerKeyExchange implements ClientState {

    @Override
    public String expecting() {
        return "server_key_exchange";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (!(message instanceof ServerKeyExchange ske)) {
            throw unexpected(message);
        }
        if (ctx.suite.keyExchange() == KeyExchange.DHE_RSA) {
            DheParameters params = DheParameters.read(ske.body(), ctx.version);
            SignatureScheme scheme = verify(ctx, params);
            DheKeyExchange dhe = DheKeyExchange.agree(ctx.crypto, params, ctx.config.policy().minDhBits());
            ctx.group = dhe.share().group();
            ctx.premasterSecret = dhe.premasterSecret();
            ctx.clientKeyExchange = dhe.clientKeyExchange();
            ctx.trace("<- server_key_exchange DHE " + new BigInteger(1, params.p()).bitLength() + "-bit p"
                    + (ctx.group != null ? " (" + ctx.group.name().toLowerCase(Locale.ROOT) + ")" : "")
                    + " signed with " + scheme);
            return new ExpectServerHelloDone(null);
        }
        EcdheParameters params = EcdheParameters.read(ske.body(), ctx.version);
        NamedGroup group = NamedGroup.fromCodepoint(params.namedGroup()).filter(ctx.offeredGroups::contains)
                .orElseThrow(() -> new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, String.format(
                        "the server chose the group 0x%04x, which we did not offer (we offered %s)",
                        params.namedGroup(), ctx.offeredGroups)));
        SignatureScheme scheme = verify(ctx, params);
        ctx.group = group;
        KeyShare share = ctx.crypto.generateKeyShare(group);
        ctx.premasterSecret = share.agree(params.point());
        ctx.clientKeyExchange = new ClientKeyExchange(ClientKeyExchange.Form.ECDH_POINT, share.publicKey());
        ctx.trace("<- server_key_exchange " + group.name().toLowerCase(Locale.ROOT) + " signed with " + scheme);
        return new ExpectServerHelloDone(null);
    }

    /** Checks the scheme and verifies the signature over the randoms and the parameters; returns the scheme. */
    private static SignatureScheme verify(Context ctx, SignedParameters params) throws TlsException {
        SignatureScheme scheme = ctx.version == ProtocolVersion.TLS12 ? offeredScheme(ctx, params.signatureScheme())
                : legacyScheme(ctx);
        if (!ctx.suite.keyExchange().accepts(scheme)) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server signed with " + scheme
                    + ", which cannot authenticate " + ctx.suite.ianaName());
        }
        byte[] signed = Tls12KeySchedule.concat(Tls12KeySchedule.concat(ctx.clientHello.random(), ctx.serverRandom),
                params.params());
        byte[] spki = ctx.peerCertificates.get(0).publicKey().encoded();
        if (!ctx.crypto.verify(scheme, spki, signed, params.signature())) {
            throw new TlsException(ErrorCode.HANDSHAKE_BAD_SIGNATURE, "the signature of the server's key exchange ("
                    + scheme + ") does not verify with its certificate's key");
        }
        return scheme;
    }

    private static SignatureScheme offeredScheme(Context ctx, int codepoint) throws TlsException {
        return SignatureScheme.fromCodepoint(codepoint).filter(ctx.offeredSchemes::contains)
                .orElseThrow(() -> new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, String.format(
                        "the server signed its key exchange with the signature scheme 0x%04x, which we did not offer",
                        codepoint)));
    }

    /** TLS 1.0/1.1: the certificate's key type fixes the algorithm. */
    private static SignatureScheme legacyScheme(Context ctx) throws TlsException {
        SignatureScheme scheme = SignatureScheme.legacy(ctx.suite.keyExchange().certificateKey()).orElseThrow();
        if (!ctx.crypto.verifySchemes().contains(scheme)) {
            throw new TlsException(ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY, "the " + ctx.crypto.name()
                    + " provider cannot verify " + scheme + ", which " + ctx.version + " signatures use");
        }
        return scheme;
    }
}
