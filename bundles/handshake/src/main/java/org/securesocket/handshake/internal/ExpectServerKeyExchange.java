package org.securesocket.handshake.internal;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.handshake.EcdheParameters;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.ServerKeyExchange;

/**
 * Waits for the ECDHE ServerKeyExchange: the group must be one we offered, the signature scheme one
 * we offered that fits the suite and the certificate key (never skipped), and the signature over
 * {@code client_random + server_random + params} must verify (RFC 8422 section 5.4).
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
        EcdheParameters params = EcdheParameters.read(ske.body());
        NamedGroup group = NamedGroup.fromCodepoint(params.namedGroup()).filter(ctx.offeredGroups::contains)
                .orElseThrow(() -> new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, String.format(
                        "the server chose the group 0x%04x, which we did not offer (we offered %s)",
                        params.namedGroup(), ctx.offeredGroups)));
        SignatureScheme scheme = SignatureScheme.fromCodepoint(params.signatureScheme())
                .filter(ctx.offeredSchemes::contains)
                .orElseThrow(() -> new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, String.format(
                        "the server signed its key exchange with the signature scheme 0x%04x, which we did not offer",
                        params.signatureScheme())));
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
        ctx.group = group;
        ctx.keyShare = ctx.crypto.generateKeyShare(group);
        ctx.premasterSecret = ctx.keyShare.agree(params.point());
        ctx.trace("<- server_key_exchange " + group.name().toLowerCase(java.util.Locale.ROOT) + " signed with "
                + scheme);
        return new ExpectServerHelloDone(null);
    }
}
