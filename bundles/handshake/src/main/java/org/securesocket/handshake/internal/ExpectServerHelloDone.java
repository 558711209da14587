package org.securesocket.handshake.internal;

import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.handshake.CertificateMessage;
import org.securesocket.handshake.CertificateRequest;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.ServerHelloDone;
import org.securesocket.record.RecordProtection;

/**
 * Waits for an optional CertificateRequest and the ServerHelloDone, then sends the client's flight
 * (RFC 5246 section 7.3): [Certificate, when one was requested: our chain or an empty one],
 * ClientKeyExchange, [CertificateVerify, when our chain was sent], ChangeCipherSpec, Finished.
 */
final class ExpectServerHelloDone implements ClientState {
    private final CertificateRequest request;

    /** @param request the server's CertificateRequest, or null */
    ExpectServerHelloDone(CertificateRequest request) {
        this.request = request;
    }

    @Override
    public String expecting() {
        return request != null ? "server_hello_done" : "certificate_request or server_hello_done";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (message instanceof CertificateRequest received && request == null) {
            ClientAuthentication.traceRequest(ctx, received);
            return new ExpectServerHelloDone(received);
        }
        if (!(message instanceof ServerHelloDone)) {
            throw unexpected(message);
        }
        ctx.trace("<- server_hello_done");
        SignatureScheme clientScheme = null;
        if (request != null) {
            clientScheme = ClientAuthentication.select(ctx, request.signatureSchemes(), request.certificateTypes());
            ctx.send(new CertificateMessage(clientScheme != null ? ctx.config.clientCredentials().certificateChain()
                    : List.of()));
        }
        ctx.send(ctx.clientKeyExchange);
        byte[] sessionHash = ctx.extendedMasterSecret ? ctx.transcript.digest() : null; // up to ClientKeyExchange
        if (clientScheme != null) {
            ClientAuthentication.sendCertificateVerify(ctx, clientScheme);
        }
        ctx.transcript.releaseMessages();
        byte[] clientRandom = ctx.clientHello.random();
        Tls12KeySchedule keys = Tls12KeySchedule.derive(ctx.crypto, ctx.version, ctx.suite, ctx.premasterSecret,
                sessionHash, clientRandom, ctx.serverRandom);
        ctx.premasterSecret = null;
        keys.log(ctx);
        RecordProtection[] protections = keys.protections(clientRandom, ctx.serverRandom, ctx.encryptThenMac);
        ctx.records.sendChangeCipherSpec();
        ctx.records.setWriteProtection(protections[0]);
        ctx.send(new Finished(keys.verifyData("client finished", ctx.transcript.digest())));
        return ExpectNewSessionTicket.orChangeCipherSpec(ctx, protections[1], new ExpectFinished(keys));
    }
}
