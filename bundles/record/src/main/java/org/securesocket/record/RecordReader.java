package org.securesocket.record;

import java.nio.ByteBuffer;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.record.internal.Deframer;
import org.securesocket.record.internal.HandshakeAssembler;
import org.securesocket.record.internal.NullProtection;
import org.securesocket.record.internal.Protection;

/**
 * The receiving half of the record layer, sans-I/O. Feed it the bytes received, in chunks of any
 * size, and it returns one {@link InboundMessage} at a time: whole handshake messages (reassembled
 * across records), alerts, ChangeCipherSpec and application data. It enforces the record rules of
 * RFC 5246 and RFC 8446: known content types, the record version of the phase, length limits,
 * protection, no interleaving inside a fragmented handshake message, no key change inside one,
 * and the TLS 1.3 middlebox-compatibility CCS. The handshake tells it when the version is known,
 * when to change keys, the negotiated limit, and when the peer's Finished has arrived.
 *
 * <p>A failure is final: the {@link TlsException} names the alert to send and every later call
 * throws it again. Not thread-safe: one connection, one thread at a time.
 */
public final class RecordReader {
    /** The default maximum handshake message body, enough for real certificate chains. */
    public static final int DEFAULT_MAX_HANDSHAKE_MESSAGE_LENGTH = 1 << 16;
    /**
     * The most records in a row that carry nothing for the application: empty application data,
     * warning alerts and post-handshake messages (tickets, KeyUpdate, HelloRequest). A peer may send
     * a few; a flood of them is refused rather than processed without end.
     */
    public static final int MAX_NON_ADVANCING_RECORDS = 32;

    private final Deframer deframer = new Deframer();
    private final Deframer.HeaderCheck headerCheck = this::checkHeader;
    private final HandshakeAssembler handshake;
    private final ApplicationData applicationData = new ApplicationData();
    private Protection protection = new NullProtection();
    private ProtocolVersion version;
    private int contentLimit = PlaintextLimit.MAX_CONTENT;
    private PlaintextLimit limit = PlaintextLimit.DEFAULT;
    private boolean peerFinished;
    private boolean compatibilityCcsSeen;
    private int nonAdvancingRecords;
    private boolean closed;
    private TlsException failure;

    /** A reader accepting handshake messages up to {@link #DEFAULT_MAX_HANDSHAKE_MESSAGE_LENGTH}. */
    public RecordReader() {
        this(DEFAULT_MAX_HANDSHAKE_MESSAGE_LENGTH);
    }

    /** A reader accepting handshake message bodies up to {@code maxHandshakeMessageLength} bytes. */
    public RecordReader(int maxHandshakeMessageLength) {
        this.handshake = new HandshakeAssembler(maxHandshakeMessageLength);
    }

    /**
     * The next message, consuming input from {@code src}; {@code null} when {@code src} is used up
     * before a message is complete (its bytes are kept, at most one record's worth). A record lying
     * whole in a writable {@code src} is decrypted there, in place. After close_notify all further
     * input is consumed and ignored (RFC 8446 section 6.1) and this returns {@code null}.
     *
     * @throws TlsException on anything the peer got wrong, or a fatal alert from the peer
     *                      ({@code handshake.alert_received})
     */
    public InboundMessage read(ByteBuffer src) throws TlsException {
        if (failure != null) {
            throw failure;
        }
        try {
            return next(src);
        } catch (TlsException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Sets the negotiated version: from then on record versions must match it (TLS 1.0 to 1.2) or
     * are ignored (TLS 1.3, RFC 8446 section 5.1), and CCS records follow TLS 1.3 rules. Before,
     * any {3, x} record version is accepted (RFC 5246 appendix E.1).
     */
    public void setVersion(ProtocolVersion negotiated) {
        if (version != null && version != negotiated) {
            throw new IllegalStateException("the version is already " + version + ", cannot become " + negotiated);
        }
        version = negotiated;
    }

    /**
     * Switches to new keys for the records that follow. In TLS 1.3 the handshake messages before a
     * key change must end at a record boundary (RFC 8446 section 5.1); the same holds for every
     * version here, since a CCS can never split a handshake message.
     *
     * @throws TlsException {@code record.unexpected_message} when handshake bytes are still pending
     */
    public void setProtection(RecordProtection next) throws TlsException {
        if (!handshake.isEmpty()) {
            throw fail(new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE, "the peer's handshake messages"
                    + " before a key change did not end at a record boundary (RFC 8446 section 5.1)"));
        }
        Protection p = next.protection();
        p.bind();
        protection = p;
    }

    /** Sets the most content bytes a record may carry: what we advertised or negotiated. */
    public void setPlaintextLimit(PlaintextLimit limit) {
        contentLimit = limit.contentLimit();
        this.limit = limit;
    }

    /**
     * Tells the reader the peer's Finished has been received: from now on a TLS 1.3 CCS record is
     * an unexpected_message (RFC 8446 section 5).
     */
    public void peerFinished() {
        peerFinished = true;
    }

    /** Whether close_notify has been received: the peer will send nothing more. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The transport reports the end of input: fine after close_notify; otherwise the stream was
     * truncated, inside a record or between records ({@code record.truncated}).
     */
    public void endOfInput() throws TlsException {
        if (closed) {
            return;
        }
        String where = deframer.hasPartialRecord() ? "in the middle of a record" : "without a close_notify alert";
        throw fail(new TlsException(ErrorCode.RECORD_TRUNCATED, "the peer's stream ended " + where
                + "; the data received may be incomplete"));
    }

    private TlsException fail(TlsException e) {
        if (failure == null) {
            failure = e;
        }
        return failure;
    }

    private InboundMessage next(ByteBuffer src) throws TlsException {
        applicationData.set(null); // the last one is consumed: keep no view of the caller's buffer
        if (closed) {
            src.position(src.limit());
            return null;
        }
        HandshakeFrame pendingFrame = handshake.next();
        if (pendingFrame != null) {
            return pendingFrame;
        }
        while (true) {
            ByteBuffer body = deframer.next(src, headerCheck);
            if (body == null) {
                return null;
            }
            ContentType outerType = ContentType.fromCode(deframer.type()).orElseThrow();
            if (outerType == ContentType.CHANGE_CIPHER_SPEC && version == ProtocolVersion.TLS13) {
                dropCompatibilityCcs(body);
                continue;
            }
            ContentType type = protection.open(outerType, deframer.recordVersion(), body, contentLimit);
            if (body.remaining() > contentLimit) {
                throw new TlsException(ErrorCode.RECORD_OVERFLOW, "the peer sent a record with " + body.remaining()
                        + " bytes of content, more than the limit of " + contentLimit + overflowHint());
            }
            if (type != ContentType.HANDSHAKE && !handshake.isEmpty()) {
                throw new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE, "a " + type + " record arrived inside"
                        + " a handshake message split across records (RFC 8446 section 5.1)");
            }
            InboundMessage message = switch (type) {
                case HANDSHAKE -> handshake(body);
                case ALERT -> alert(body);
                case CHANGE_CIPHER_SPEC -> changeCipherSpec(body);
                case APPLICATION_DATA -> applicationData(body);
            };
            if (message != null) {
                return message;
            }
        }
    }

    private void checkHeader(int type, int recordVersion, int length) throws TlsException {
        if (ContentType.fromCode(type).isEmpty()) {
            throw new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE, "the peer sent a record of unknown content"
                    + " type " + type + (type == 0x48 ? " (this looks like plain HTTP, not TLS)" : ""));
        }
        boolean versionOk = version == null
                ? recordVersion >>> 8 == 3 // RFC 5246 appendix E.1: any {3, x} until the version is known
                : version == ProtocolVersion.TLS13 || recordVersion == version.wire();
        if (!versionOk) {
            throw new TlsException(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, "the peer sent a record of version "
                    + ProtocolVersion.describe(recordVersion) + (version == null ? ", not TLS" : " during " + version));
        }
        // The negotiated content limit plus what protection may add (RFC 6066 section 4): refused
        // from the header, before a byte of the body is buffered or decrypted.
        int max = contentLimit + protection.maxRecordLength() - PlaintextLimit.MAX_CONTENT;
        if (length > max) {
            throw new TlsException(ErrorCode.RECORD_OVERFLOW, "the peer sent a record of " + length
                    + " bytes, more than the " + max + " allowed" + overflowHint());
        }
    }

    /** Why the limit is lower than usual, for a peer that agreed to a limit and breaks it (gnutls 3.7 does). */
    private String overflowHint() {
        return limit.equals(PlaintextLimit.DEFAULT) ? "" : " (the peer agreed to at most " + limit
                + " per record and broke it: a peer bug, see RFC 6066 section 4 and RFC 8449)";
    }

    /** RFC 8446 section 5 and appendix D.4: one unprotected {1} CCS before the peer's Finished. */
    private void dropCompatibilityCcs(ByteBuffer body) throws TlsException {
        if (peerFinished || compatibilityCcsSeen) {
            throw new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE, "a TLS 1.3 peer sent a change_cipher_spec"
                    + (peerFinished ? " after its Finished" : " twice") + " (RFC 8446 section 5, appendix D.4)");
        }
        if (body.remaining() != 1 || body.get(body.position()) != ChangeCipherSpec.VALUE) {
            throw new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE,
                    "a TLS 1.3 change_cipher_spec record must be the single byte 1 (RFC 8446 section 5)");
        }
        compatibilityCcsSeen = true;
    }

    private HandshakeFrame handshake(ByteBuffer body) throws TlsException {
        if (!body.hasRemaining()) {
            throw new TlsException(ErrorCode.RECORD_DECODE_ERROR,
                    "the peer sent an empty handshake record (RFC 8446 section 5.1 forbids it)");
        }
        if (peerFinished) {
            nonAdvancing("a post-handshake message");
        } else {
            nonAdvancingRecords = 0;
        }
        handshake.add(body);
        return handshake.next();
    }

    private AlertMessage alert(ByteBuffer body) throws TlsException {
        AlertMessage alert = AlertMessage.read(body);
        if (alert.isError(version)) {
            throw TlsException.alertReceived(alert.description());
        }
        closed = alert.description() == Alert.CLOSE_NOTIFY;
        if (!closed) {
            nonAdvancing("a " + alert + " alert");
        }
        return alert;
    }

    private ChangeCipherSpec changeCipherSpec(ByteBuffer body) throws TlsException {
        if (body.remaining() != 1 || body.get(body.position()) != ChangeCipherSpec.VALUE) {
            throw new TlsException(ErrorCode.RECORD_DECODE_ERROR,
                    "a change_cipher_spec record must be the single byte 1 (RFC 5246 section 7.1)");
        }
        return ChangeCipherSpec.INSTANCE;
    }

    /** Counts one record that carried nothing; past the limit the peer is flooding us. */
    private void nonAdvancing(String what) throws TlsException {
        if (++nonAdvancingRecords > MAX_NON_ADVANCING_RECORDS) {
            throw new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE, "the peer sent more than "
                    + MAX_NON_ADVANCING_RECORDS + " records in a row without application data (the last was "
                    + what + "): refusing a flood that would keep the connection busy without end");
        }
    }

    private ApplicationData applicationData(ByteBuffer body) throws TlsException {
        if (protection.isNull()) {
            throw new TlsException(ErrorCode.RECORD_UNEXPECTED_MESSAGE,
                    "the peer sent application data before any keys were established");
        }
        if (!body.hasRemaining()) {
            nonAdvancing("an empty application data record");
            return null; // zero-length application data is allowed and carries nothing (RFC 8446 section 5.1)
        }
        nonAdvancingRecords = 0;
        applicationData.set(body);
        return applicationData;
    }
}
