package org.securesocket.handshake.internal;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.handshake.Tls13Certificate;
import org.securesocket.handshake.Tls13CertificateRequest;
import org.securesocket.record.ProtocolVersion;

/**
 * Waits for the server's Finished (RFC 8446 section 4.4.4, checked in constant time), derives the
 * application traffic secrets, then sends our flight: [the compatibility CCS], [Certificate and
 * CertificateVerify when asked], Finished.
 */
final class ExpectFinished13 implements ClientState {
    private final Tls13CertificateRequest request;

    /** @param request the server's CertificateRequest, or null */
    ExpectFinished13(Tls13CertificateRequest request) {
        this.request = request;
    }

    ExpectFinished13() {
        this(null);
    }

    @Override
    public String expecting() {
        return "finished";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (!(message instanceof Finished finished)) {
            throw unexpected(message);
        }
        Tls13KeySchedule schedule = ctx.schedule;
        int length = ctx.suite.prfHash().outputLength();
        if (finished.verifyData().length != length) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "the server's verify_data has "
                    + finished.verifyData().length + " bytes, not " + length + " (RFC 8446 section 4.4.4)");
        }
        if (!schedule.checkFinished(ctx.serverHandshakeSecret, ctx.transcript.digest(), finished.verifyData())) {
            throw new TlsException(ErrorCode.HANDSHAKE_BAD_FINISHED, "the server's Finished does not match the"
                    + " handshake: the messages were altered in transit or the keys differ");
        }
        ctx.transcript.add(finished.encode());
        byte[] serverFinishedHash = ctx.transcript.digest();
        schedule.advance(null);
        ctx.clientTrafficSecret = schedule.derive("c ap traffic", serverFinishedHash);
        ctx.serverTrafficSecret = schedule.derive("s ap traffic", serverFinishedHash);
        ctx.logSecret("CLIENT_TRAFFIC_SECRET_0", ctx.clientTrafficSecret);
        ctx.logSecret("SERVER_TRAFFIC_SECRET_0", ctx.serverTrafficSecret);
        ctx.records.setReadProtection(schedule.protection(ctx.serverTrafficSecret));

        ctx.transcript.releaseMessages(); // only a TLS 1.2 CertificateVerify signs them
        ctx.sendCompatibilityCcs();
        ctx.records.setWriteProtection(schedule.protection(ctx.clientHandshakeSecret));
        if (request != null) {
            sendClientCertificate(ctx);
        }
        ctx.send(new Finished(schedule.finishedMac(ctx.clientHandshakeSecret, ctx.transcript.digest())));
        ctx.records.setWriteProtection(schedule.protection(ctx.clientTrafficSecret));
        ctx.resumptionMasterSecret = schedule.derive("res master", ctx.transcript.digest());
        ctx.session = new SessionParameters(ProtocolVersion.TLS13, ctx.suite, ctx.group, ctx.alpn,
                ctx.peerCertificates, ctx.pskAccepted, false, ctx.plaintextLimit, ctx.ocspResponse);
        ctx.trace("<- finished: handshake complete, TLSv1.3 " + ctx.suite.ianaName()
                + (ctx.pskAccepted ? " (resumed)" : ""));
        return new Connected13();
    }

    /**
     * Certificate (with the request's context) and, when a configured key fits the request,
     * CertificateVerify; otherwise an empty Certificate (section 4.4.2.4 lets the server decide).
     */
    private void sendClientCertificate(Context ctx) throws TlsException {
        Extension algorithms = Extension.find(request.extensions(), ExtensionType.SIGNATURE_ALGORITHMS).orElseThrow();
        SignatureScheme scheme = ClientAuthentication.select(ctx,
                ExtensionCodecs.readCodepointList(algorithms.data(), "signature_algorithms"), null);
        List<Tls13Certificate.Entry> entries = new ArrayList<>();
        if (scheme != null) {
            ctx.config.clientCredentials().certificateChain()
                    .forEach(der -> entries.add(new Tls13Certificate.Entry(der, List.of())));
        }
        ctx.send(new Tls13Certificate(request.requestContext(), entries));
        if (scheme != null) {
            ClientAuthentication.sendCertificateVerify(ctx, scheme);
        }
    }
}
