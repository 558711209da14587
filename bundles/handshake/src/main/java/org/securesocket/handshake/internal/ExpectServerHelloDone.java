package org.securesocket.handshake.internal;

import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CertificateMessage;
import org.securesocket.handshake.CertificateRequest;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.ServerHelloDone;
import org.securesocket.record.RecordProtection;

/**
 * Waits for an optional CertificateRequest and the ServerHelloDone, then sends the client's flight:
 * [an empty Certificate when one was requested: RFC 5246 section 7.4.6], ClientKeyExchange,
 * ChangeCipherSpec, Finished.
 */
final class ExpectServerHelloDone implements ClientState {
    private final boolean certificateRequested;

    ExpectServerHelloDone(boolean certificateRequested) {
        this.certificateRequested = certificateRequested;
    }

    @Override
    public String expecting() {
        return certificateRequested ? "server_hello_done" : "certificate_request or server_hello_done";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (message instanceof CertificateRequest && !certificateRequested) {
            ctx.trace("<- certificate_request (no client certificate is configured: an empty one is sent)");
            return new ExpectServerHelloDone(true);
        }
        if (!(message instanceof ServerHelloDone)) {
            throw unexpected(message);
        }
        ctx.trace("<- server_hello_done");
        if (certificateRequested) {
            ctx.send(new CertificateMessage(List.of()));
        }
        ctx.send(ctx.clientKeyExchange);
        byte[] sessionHash = ctx.extendedMasterSecret ? ctx.transcript.digest() : null;
        byte[] clientRandom = ctx.clientHello.random();
        Tls12KeySchedule keys = Tls12KeySchedule.derive(ctx.crypto, ctx.version, ctx.suite, ctx.premasterSecret,
                sessionHash, clientRandom, ctx.serverRandom);
        ctx.premasterSecret = null;
        keys.log(ctx);
        RecordProtection[] protections = keys.protections(clientRandom, ctx.serverRandom, ctx.encryptThenMac);
        ctx.records.sendChangeCipherSpec();
        ctx.records.setWriteProtection(protections[0]);
        ctx.send(new Finished(keys.verifyData("client finished", ctx.transcript.digest())));
        return new ExpectChangeCipherSpec(keys, protections[1]);
    }
}
