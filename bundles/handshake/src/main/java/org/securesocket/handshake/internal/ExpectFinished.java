package org.securesocket.handshake.internal;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.record.RecordProtection;

/**
 * Waits for the server's Finished and checks its verify_data in constant time. In an abbreviated
 * handshake (RFC 5246 section 7.3) our ChangeCipherSpec and Finished follow it. The session is then
 * kept for resumption.
 */
final class ExpectFinished implements ClientState {
    private final Tls12KeySchedule keys;
    private final RecordProtection clientProtection;

    /** A full handshake: our Finished has been sent. */
    ExpectFinished(Tls12KeySchedule keys) {
        this(keys, null);
    }

    /** @param clientProtection our write protection in an abbreviated handshake, null in a full one */
    ExpectFinished(Tls12KeySchedule keys, RecordProtection clientProtection) {
        this.keys = keys;
        this.clientProtection = clientProtection;
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
        boolean resumed = clientProtection != null;
        if (resumed) {
            ctx.records.sendChangeCipherSpec();
            ctx.records.setWriteProtection(clientProtection);
            ctx.send(new Finished(keys.verifyData("client finished", ctx.transcript.digest())));
        }
        ctx.session = new SessionParameters(ctx.version, ctx.suite, ctx.group, ctx.alpn, ctx.peerCertificates, resumed,
                ctx.extendedMasterSecret, ctx.plaintextLimit, ctx.ocspResponse);
        ctx.trace("<- finished: handshake complete, " + ctx.suite.ianaName() + (resumed ? " (resumed)" : ""));
        Tls12Resumption.store(ctx, keys);
        return new Connected(0);
    }
}
