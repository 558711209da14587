package org.securesocket.securesocket;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.KeyLogSink;
import org.securesocket.handshake.RecordLayer;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.record.AlertMessage;
import org.securesocket.record.BufferPool;
import org.securesocket.record.ApplicationData;
import org.securesocket.record.ChangeCipherSpec;
import org.securesocket.record.ContentType;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.InboundMessage;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;
import org.securesocket.record.RecordReader;
import org.securesocket.record.RecordWriter;

/**
 * A TLS client connection without I/O (the SSLEngine / rustls model): {@link #receive} the bytes
 * read from the network, {@link #takeOutbound} the bytes to send, and read and write plaintext once
 * {@link #isHandshakeComplete}. A failure is final: the alert it names is queued for sending and
 * every later call throws the same {@link TlsException}. Deterministic when its crypto provider
 * draws from a fixed random source. Not thread-safe.
 */
public final class TlsConnection {
    private final RecordReader reader = new RecordReader();
    private final RecordWriter writer = new RecordWriter();
    private final ClientHandshake handshake;
    private final TraceSink trace;
    private final String traceId;
    private final Buffer outbound = new Buffer();
    private final Buffer plaintext = new Buffer();
    private ProtocolVersion version;
    private boolean started;
    private boolean peerClosed;
    private boolean closeSent;
    private boolean summarized;
    private TlsException failure;
    /** Where {@link #receive(ByteBuffer, byte[], int, int)} delivers plaintext during the call, or null. */
    private byte[] direct;
    private int directAt;
    private int directEnd;
    /** See {@link #view}. */
    private WeakReference<ByteBuffer> lastWritten = new WeakReference<>(null);

    public TlsConnection(ClientConfig config, TlsCrypto crypto, TraceSink trace, String traceId) {
        this.trace = Objects.requireNonNull(trace, "trace");
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        this.handshake = new ClientHandshake(config, crypto, new Records(), trace, traceId);
    }

    /** Reports the handshake's secrets to {@code sink} (an NSS key log); call before {@link #start}. */
    public void keyLog(KeyLogSink sink) {
        if (started) {
            throw new IllegalStateException("set the key log before start()");
        }
        handshake.keyLog(sink);
    }

    /** Starts the handshake: the ClientHello is then waiting in {@link #takeOutbound}. */
    public void start() throws TlsException {
        if (started) {
            throw new IllegalStateException("the connection has already started");
        }
        started = true;
        guarded(handshake::start);
    }

    /** Processes received bytes, all of them (partial records are kept for the next call). */
    public void receive(ByteBuffer src) throws TlsException {
        receive(src, null, 0, 0);
    }

    /**
     * Processes received bytes like {@link #receive(ByteBuffer)}, delivering the plaintext that
     * arrives straight into {@code dst} (up to {@code length} bytes, no copy through the plaintext
     * queue) while no plaintext is queued before it; the rest is queued for {@link #readPlaintext}.
     * When the bytes end in a failure after plaintext was placed in {@code dst}, that count is
     * returned and the failure is final all the same: {@link #failure()} has it and the next call
     * throws it (what the peer sent before its fault is still its data, read first).
     *
     * @return the plaintext bytes placed in {@code dst}
     */
    public int receive(ByteBuffer src, byte[] dst, int offset, int length) throws TlsException {
        Objects.checkFromIndexSize(offset, length, dst == null ? 0 : dst.length);
        direct = dst;
        directAt = offset;
        directEnd = offset + length;
        try {
            receiveAll(src);
            return directAt - offset;
        } catch (TlsException e) {
            if (directAt > offset) {
                return directAt - offset;
            }
            throw e;
        } finally {
            direct = null;
        }
    }

    private void receiveAll(ByteBuffer src) throws TlsException {
        checkFailed(); // guarded, spelled out: no lambda per call on the data path
        try {
            InboundMessage message;
            while ((message = reader.read(src)) != null) {
                dispatch(message);
            }
        } catch (TlsException e) {
            throw fail(e);
        }
        if (!summarized && handshake.isComplete()) {
            summarized = true;
            if (trace != TraceSink.NONE) { // the summary decodes the leaf certificate again (PeerCertificates)
                trace.trace(traceId, summary(handshake.session().orElseThrow()));
            }
        }
    }

    /** The trace's last handshake line: {@code FINISHED: TLSv1.2 TLS_ECDHE_... x25519 ...}. */
    static String summary(SessionParameters s) {
        return "FINISHED: " + s.jdkProtocolName() + " " + s.cipherSuite().ianaName()
                + (s.group() == null ? "" : " " + s.group().name().toLowerCase(java.util.Locale.ROOT))
                + (s.extendedMasterSecret() ? " EMS" : "") + " ALPN " + s.applicationProtocol().orElse("-")
                + (s.peerCertificates().isEmpty() ? "" : " peer " + s.peerCertificates().get(0))
                + (s.resumed() ? " resumed" : "")
                + (s.plaintextLimit().equals(PlaintextLimit.DEFAULT) ? "" : " records " + s.plaintextLimit())
                + s.stapledOcspResponse().map(r -> " stapled OCSP " + r.length + " bytes (not validated)").orElse("");
    }

    private void dispatch(InboundMessage message) throws TlsException {
        if (message instanceof HandshakeFrame frame) {
            boolean wasComplete = handshake.isComplete();
            handshake.handle(frame);
            if (!wasComplete && handshake.isComplete()) {
                established(handshake.session().orElseThrow());
            }
        } else if (message instanceof ChangeCipherSpec) {
            handshake.changeCipherSpec();
        } else if (message instanceof AlertMessage alert) {
            if (alert.description() == Alert.CLOSE_NOTIFY) {
                trace.trace(traceId, "<- close_notify");
                peerClosed = true;
            } else {
                trace.trace(traceId, "<- alert " + alert + " (not fatal: ignored)");
            }
        } else if (message instanceof ApplicationData data) {
            if (!handshake.isComplete()) {
                throw new TlsException(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE,
                        "the peer sent application data before the handshake completed");
            }
            deliver(data.data());
        }
    }

    /** Plaintext into the caller's array of {@link #receive(ByteBuffer, byte[], int, int)}, then the queue. */
    private void deliver(ByteBuffer data) {
        int n = Math.min(data.remaining(), directEnd - directAt);
        if (direct != null && n > 0 && plaintext.size() == 0) {
            data.get(direct, directAt, n);
            directAt += n;
        }
        if (data.hasRemaining()) {
            plaintext.put(data);
        }
    }

    /**
     * The handshake is complete: the server's Finished has arrived (a TLS 1.3 middlebox CCS is no
     * longer acceptable) and our records keep to the limit the server announced (RFC 8449).
     */
    private void established(SessionParameters session) {
        reader.peerFinished();
        writer.setPlaintextLimit(session.plaintextLimit());
    }

    /** The transport reached its end: an error unless close_notify came first ({@code record.truncated}). */
    public void endOfInput() throws TlsException {
        guarded(reader::endOfInput);
    }

    /** Whether bytes wait to be sent. */
    public boolean hasOutbound() {
        return outbound.size() > 0;
    }

    /** Takes every byte waiting to be sent. */
    public byte[] takeOutbound() {
        return outbound.takeAll();
    }

    /** Takes up to {@code length} bytes waiting to be sent into {@code dst}; returns how many (0 when none). */
    public int takeOutbound(byte[] dst, int offset, int length) {
        return outbound.take(dst, offset, length);
    }

    public boolean isHandshakeComplete() {
        return handshake.isComplete();
    }

    /** Whether the peer sent close_notify: no more plaintext will arrive. */
    public boolean isPeerClosed() {
        return peerClosed;
    }

    /** Plaintext bytes ready to read. */
    public int plaintextAvailable() {
        return plaintext.size();
    }

    /** Reads up to {@code length} plaintext bytes; returns how many (0 when none is ready). */
    public int readPlaintext(byte[] dst, int offset, int length) {
        return plaintext.take(dst, offset, length);
    }

    /** Encrypts plaintext for sending (whole, fragmented into records). */
    public void writePlaintext(byte[] src, int offset, int length) throws TlsException {
        checkWritable();
        try {
            keyUpdateIfDue();
            writeRecords(ContentType.APPLICATION_DATA, ByteBuffer.wrap(src, offset, length));
        } catch (TlsException e) {
            throw fail(e);
        }
    }

    /**
     * Encrypts plaintext straight into {@code dst}, the caller's next write to the network (no copy
     * through the outbound queue): first the bytes already queued (they come first on the wire),
     * then as many whole records of {@code src} as fit. Returns the plaintext bytes consumed, fewer
     * than {@code length} when {@code dst} filled up: send it and call again with the rest.
     * {@code dst} is array-backed, with room for a full record (a {@link BufferPool} buffer).
     *
     * @throws IllegalArgumentException when {@code dst} cannot take a single record
     */
    public int writePlaintext(byte[] src, int offset, int length, ByteBuffer dst) throws TlsException {
        checkWritable();
        int before = dst.position();
        int consumed;
        try {
            keyUpdateIfDue();
            int n = outbound.take(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            dst.position(dst.position() + n);
            if (outbound.size() > 0) {
                return 0; // dst is full of what was queued before
            }
            consumed = writer.write(ContentType.APPLICATION_DATA, view(src, offset, length), dst);
        } catch (TlsException e) {
            throw fail(e);
        }
        if (consumed == 0 && length > 0 && dst.position() == before) {
            throw new IllegalArgumentException("a buffer of " + dst.remaining() + " bytes cannot take one record");
        }
        return consumed;
    }

    /**
     * {@code src} framed at [offset, offset + length): the wrapper of the last array written is
     * reused (the record layer's views of it too), so that writing again and again from one array
     * allocates nothing; held weakly, so that this cache does not itself keep the array alive.
     */
    private ByteBuffer view(byte[] src, int offset, int length) {
        ByteBuffer view = lastWritten.get();
        if (view == null || view.array() != src) {
            view = ByteBuffer.wrap(src);
            lastWritten = new WeakReference<>(view);
        }
        Objects.checkFromIndexSize(offset, length, src.length);
        return view.limit(src.length).position(offset).limit(offset + length);
    }

    private void checkWritable() throws TlsException {
        if (!handshake.isComplete()) {
            throw new IllegalStateException("application data cannot be sent before the handshake completes");
        }
        if (closeSent) {
            throw new TlsException(ErrorCode.IO_CLOSED, "the connection is closed for writing");
        }
        checkFailed();
    }

    private void keyUpdateIfDue() throws TlsException {
        if (version == ProtocolVersion.TLS13 && writer.keyUpdateDue()) {
            handshake.sendKeyUpdate(false); // before the AEAD limit (RFC 8446 section 5.5)
        }
    }

    /** Queues close_notify (once); nothing more can be written after it. */
    public void close() throws TlsException {
        if (closeSent || failure != null || !started) {
            return;
        }
        closeSent = true;
        queueAlert(AlertMessage.CLOSE_NOTIFY);
        trace.trace(traceId, "-> close_notify");
    }

    /** The negotiated parameters, once the handshake is complete. */
    public Optional<SessionParameters> session() {
        return handshake.session();
    }

    /** The failure that ended this connection, if any. */
    public Optional<TlsException> failure() {
        return Optional.ofNullable(failure);
    }

    /** What the handshake waits for, for timeouts and diagnostics. */
    public String handshakeExpecting() {
        return handshake.expecting();
    }

    private interface Step {
        void run() throws TlsException;
    }

    /** Runs a step; on failure queues the alert to send, once, and makes the failure final. */
    private void guarded(Step step) throws TlsException {
        checkFailed();
        try {
            step.run();
        } catch (TlsException e) {
            throw fail(e);
        }
    }

    private void checkFailed() throws TlsException {
        if (failure != null) {
            throw failure;
        }
    }

    /** Makes {@code e} final and queues the alert it names; returns it to throw. */
    private TlsException fail(TlsException e) {
        failure = e;
        handshake.forgetSession();
        trace.trace(traceId, "failed: " + e);
        if (e.alertToSend()) {
            try {
                queueAlert(AlertMessage.toSend(e.alert().orElseThrow(), version));
                trace.trace(traceId, "-> alert " + e.alert().orElseThrow());
            } catch (TlsException secondary) {
                e.addSuppressed(secondary);
            }
        }
        return e;
    }

    private void queueAlert(AlertMessage alert) throws TlsException {
        ByteBuffer dst = ByteBuffer.allocate(writer.wireLength(ContentType.ALERT, AlertMessage.LENGTH) + 64);
        writer.writeAlert(alert, dst);
        outbound.put(dst.flip());
    }

    /** Seals straight into the outbound queue (no buffer of its own per record). */
    private void writeRecords(ContentType type, ByteBuffer src) throws TlsException {
        ByteBuffer dst = outbound.tail(writer.wireLength(type, src.remaining()));
        try {
            writer.write(type, src, dst);
        } finally {
            outbound.wrote(dst);
        }
    }

    /** The handshake's view of this connection's record layer. */
    private final class Records implements RecordLayer {
        @Override
        public void sendHandshake(byte[] encoded) throws TlsException {
            writeRecords(ContentType.HANDSHAKE, ByteBuffer.wrap(encoded));
        }

        @Override
        public void sendChangeCipherSpec() throws TlsException {
            ByteBuffer dst = ByteBuffer.allocate(writer.wireLength(ContentType.CHANGE_CIPHER_SPEC, 1) + 64);
            writer.writeChangeCipherSpec(dst);
            outbound.put(dst.flip());
        }

        @Override
        public void sendAlert(AlertMessage alert) throws TlsException {
            queueAlert(alert);
        }

        @Override
        public void setVersion(ProtocolVersion negotiated) {
            version = negotiated;
            reader.setVersion(negotiated);
            writer.setVersion(negotiated);
        }

        @Override
        public void setReadProtection(RecordProtection protection) throws TlsException {
            reader.setProtection(protection);
        }

        @Override
        public void setWriteProtection(RecordProtection protection) {
            writer.setProtection(protection);
        }

        @Override
        public void setPlaintextLimits(PlaintextLimit read, PlaintextLimit write) {
            reader.setPlaintextLimit(read);
            writer.setPlaintextLimit(write);
        }
    }

    /**
     * A growable byte queue that holds a {@link BufferPool} buffer only while it has bytes (an idle
     * connection keeps none); it grows beyond one pooled buffer into an array of its own when a
     * write is larger.
     */
    private static final class Buffer {
        private ByteBuffer pooled;
        private byte[] data;
        private ByteBuffer view;
        private int start;
        private int end;

        int size() {
            return end - start;
        }

        void put(ByteBuffer src) {
            int n = src.remaining();
            ensure(n);
            src.get(data, end, n);
            end += n;
        }

        /** A view of the next {@code n} free bytes, to write into; then {@link #wrote}. */
        ByteBuffer tail(int n) {
            ensure(n);
            if (view == null || view.array() != data) {
                view = ByteBuffer.wrap(data);
            }
            return view.limit(end + n).position(end);
        }

        void wrote(ByteBuffer tail) {
            end = tail.position();
            releaseIfEmpty();
        }

        private void ensure(int n) {
            if (data == null) {
                if (n <= BufferPool.SIZE) {
                    pooled = BufferPool.take();
                    data = pooled.array();
                } else {
                    data = new byte[n];
                }
                start = 0;
                end = 0;
                return;
            }
            if (end + n <= data.length) {
                return;
            }
            int size = size();
            byte[] target = size + n <= data.length ? data : new byte[Math.max(data.length * 2, size + n)];
            System.arraycopy(data, start, target, 0, size);
            if (target != data && pooled != null) {
                BufferPool.give(pooled);
                pooled = null;
            }
            data = target;
            start = 0;
            end = size;
        }

        int take(byte[] dst, int offset, int length) {
            int n = Math.min(length, size());
            if (n > 0) {
                System.arraycopy(data, start, dst, offset, n);
                start += n;
                releaseIfEmpty();
            }
            return n;
        }

        byte[] takeAll() {
            byte[] out = data == null ? new byte[0] : Arrays.copyOfRange(data, start, end);
            start = end;
            releaseIfEmpty();
            return out;
        }

        private void releaseIfEmpty() {
            if (start == end && data != null) {
                if (pooled != null) {
                    BufferPool.give(pooled);
                }
                pooled = null;
                data = null;
                view = null;
                start = 0;
                end = 0;
            }
        }
    }
}
