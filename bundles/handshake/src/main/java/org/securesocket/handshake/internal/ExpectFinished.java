package org.securesocket.handshake.internal;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.SessionParameters;

/** Waits for the server's Finished and checks its verify_data in constant time. */
final class ExpectFinished implements ClientState {
    private final Tls12KeySchedule keys;

    ExpectFinished(Tls12KeySchedule keys) {
        this.keys = keys;
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
        byte[] received = finished.verifyData();
        if (received.length != Tls12KeySchedule.VERIFY_DATA_LENGTH) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "the server's verify_data has " + received.length
                    + " bytes, not " + Tls12KeySchedule.VERIFY_DATA_LENGTH);
        }
        if (!keys.checkVerifyData("server finished", ctx.transcript.digest(), received)) {
            throw new TlsException(ErrorCode.HANDSHAKE_BAD_FINISHED, "the server's Finished does not match the"
                    + " handshake: the messages were altered in transit or the keys differ");
        }
        ctx.transcript.add(finished.encode());
        ctx.transcript.releaseMessages(); // an abbreviated handshake never signs them
        ctx.session = new SessionParameters(ctx.version, ctx.suite, ctx.group, ctx.alpn, ctx.peerCertificates, false,
                ctx.extendedMasterSecret, ctx.plaintextLimit, ctx.ocspResponse);
        ctx.trace("<- finished: handshake complete, " + ctx.suite.ianaName());
        return new Connected(0);
    }
}
