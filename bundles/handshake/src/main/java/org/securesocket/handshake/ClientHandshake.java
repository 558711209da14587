package org.securesocket.handshake;

import java.util.Objects;
import java.util.Optional;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.internal.ClientState;
import org.securesocket.handshake.internal.Context;
import org.securesocket.handshake.internal.ExpectServerHello;
import org.securesocket.record.HandshakeFrame;

/**
 * One client handshake, sans-I/O: {@link #start} sends the ClientHello through the {@link RecordLayer};
 * the connection then passes every received handshake frame to {@link #handle} and every
 * ChangeCipherSpec to {@link #changeCipherSpec}. The states of the chain do the rest. After the
 * handshake it keeps answering what a server may send (a refused HelloRequest). A failure is a
 * {@link TlsException} whose alert the connection sends. Not thread-safe.
 */
public final class ClientHandshake {
    private final Context ctx;
    private ClientState state;

    public ClientHandshake(ClientConfig config, TlsCrypto crypto, RecordLayer records, TraceSink trace,
            String traceId) {
        this.ctx = new Context(config, crypto, records, trace, Objects.requireNonNull(traceId, "traceId"));
    }

    /** Reports this handshake's secrets to {@code sink} (the key log); call before {@link #start}. */
    public void keyLog(KeyLogSink sink) {
        ctx.keyLog(sink);
    }

    /** Sends the ClientHello. */
    public void start() throws TlsException {
        if (state != null) {
            throw new IllegalStateException("the handshake has already started");
        }
        state = ExpectServerHello.start(ctx);
    }

    /** Handles one handshake message from the server. */
    public void handle(HandshakeFrame frame) throws TlsException {
        requireStarted();
        advance(ctx.receive(state, frame));
    }

    /**
     * Sends a TLS 1.3 KeyUpdate and switches to the next write keys (RFC 8446 section 4.6.3): the
     * connection calls this when the record layer's {@code keyUpdateDue()} says the AEAD limit nears.
     *
     * @param requestPeerUpdate whether the server is asked to update its keys too
     */
    public void sendKeyUpdate(boolean requestPeerUpdate) throws TlsException {
        requireStarted();
        if (!state.isConnected() || ctx.version() != org.securesocket.record.ProtocolVersion.TLS13) {
            throw new IllegalStateException("KeyUpdate exists only on a connected TLS 1.3 session");
        }
        ctx.updateWriteKeys(requestPeerUpdate);
    }

    /** Handles a received ChangeCipherSpec. */
    public void changeCipherSpec() throws TlsException {
        requireStarted();
        advance(state.changeCipherSpec(ctx));
    }

    /** Moves to the next state; when it completes the handshake, the handshake-only state is dropped. */
    private void advance(ClientState next) {
        if (next.isConnected() && !state.isConnected()) {
            ctx.handshakeComplete();
        }
        state = next;
    }

    /** The connection ended in a fatal alert (sent or received): its session is not resumed again. */
    public void forgetSession() {
        ctx.forgetSession();
    }

    /** Whether the handshake is complete. */
    public boolean isComplete() {
        return state != null && state.isConnected();
    }

    /** The negotiated parameters, once complete. */
    public Optional<SessionParameters> session() {
        return Optional.ofNullable(ctx.session());
    }

    /** What the handshake waits for, for diagnostics. */
    public String expecting() {
        return state == null ? "start" : state.expecting();
    }

    private void requireStarted() {
        if (state == null) {
            throw new IllegalStateException("start() the handshake first");
        }
    }
}
