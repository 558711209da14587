package org.securesocket.record;

import java.nio.ByteBuffer;
import org.securesocket.common.TlsException;
import org.securesocket.record.internal.NullProtection;
import org.securesocket.record.internal.Protection;

/**
 * The sending half of the record layer, sans-I/O: content in, whole records out. Writes are split
 * into records of at most the negotiated {@link PlaintextLimit} (never dropped) and protected with
 * the current {@link RecordProtection}. Not thread-safe: one connection, one thread at a time.
 */
public final class RecordWriter {
    private static final Protection PLAIN = new NullProtection();

    private Protection protection = PLAIN;
    private ProtocolVersion version;
    private int recordVersion = ProtocolVersion.TLS10.wire();
    private int contentLimit = PlaintextLimit.MAX_CONTENT;

    /**
     * Sets the version whose record version goes in every header from now on. Until then records
     * carry {@code 0x0301}, the most compatible value for an initial ClientHello (RFC 8446
     * section 5.1, RFC 5246 appendix E.1); TLS 1.3 writes {@code 0x0303}.
     */
    public void setVersion(ProtocolVersion negotiated) {
        version = negotiated;
        recordVersion = negotiated.recordVersion();
    }

    /** Switches to new keys for every record written from now on. */
    public void setProtection(RecordProtection next) {
        Protection p = next.protection();
        p.bind();
        protection = p;
    }

    /** Sets the most content bytes per record: the peer's record_size_limit or max_fragment_length. */
    public void setPlaintextLimit(PlaintextLimit limit) {
        contentLimit = limit.contentLimit();
    }

    /**
     * Writes {@code src}'s remaining bytes as records of {@code type} (handshake or application
     * data) into {@code dst}: as many whole records as fit. Returns the content bytes consumed;
     * fewer than offered when {@code dst} is full, then drain it and call again.
     */
    public int write(ContentType type, ByteBuffer src, ByteBuffer dst) throws TlsException {
        if (type != ContentType.HANDSHAKE && type != ContentType.APPLICATION_DATA) {
            throw new IllegalArgumentException(
                    "write alerts with writeAlert, ChangeCipherSpec with writeChangeCipherSpec");
        }
        if (type == ContentType.APPLICATION_DATA && protection.isNull()) {
            throw new IllegalStateException("application data cannot be sent before keys are established");
        }
        boolean split = type == ContentType.APPLICATION_DATA && protection.splitFirstApplicationByte()
                && src.remaining() > 1;
        int consumed = 0;
        while (src.hasRemaining()) {
            int n = split ? 1 : Math.min(src.remaining(), contentLimit);
            if (dst.remaining() < Protection.HEADER_LENGTH + protection.sealedLength(n)) {
                break;
            }
            int from = src.position();
            int limit = src.limit();
            try {
                protection.seal(type, recordVersion, src.limit(from + n), dst); // src framed, no view to keep
            } finally {
                src.limit(limit);
            }
            src.position(from + n);
            consumed += n;
            split = false;
        }
        return consumed;
    }

    /**
     * Writes one alert record under the current protection.
     *
     * @return whether it fit into {@code dst}; nothing is written otherwise
     */
    public boolean writeAlert(AlertMessage alert, ByteBuffer dst) throws TlsException {
        if (dst.remaining() < Protection.HEADER_LENGTH + protection.sealedLength(AlertMessage.LENGTH)) {
            return false;
        }
        ByteBuffer content = ByteBuffer.allocate(AlertMessage.LENGTH);
        alert.write(content);
        protection.seal(ContentType.ALERT, recordVersion, content.flip(), dst);
        return true;
    }

    /**
     * Writes a ChangeCipherSpec record: in TLS 1.0 to 1.2 under the current protection, just before
     * the handshake switches it; in TLS 1.3 the unprotected middlebox-compatibility record
     * (RFC 8446 appendix D.4).
     *
     * @return whether it fit into {@code dst}; nothing is written otherwise
     */
    public boolean writeChangeCipherSpec(ByteBuffer dst) throws TlsException {
        Protection p = version == ProtocolVersion.TLS13 ? PLAIN : protection;
        if (dst.remaining() < Protection.HEADER_LENGTH + p.sealedLength(1)) {
            return false;
        }
        p.seal(ContentType.CHANGE_CIPHER_SPEC, recordVersion,
                ByteBuffer.wrap(new byte[] {ChangeCipherSpec.VALUE}), dst);
        return true;
    }

    /** The bytes {@link #write} produces for {@code contentLength} bytes of content in one call. */
    public int wireLength(ContentType type, int contentLength) {
        int total = 0;
        int left = contentLength;
        if (type == ContentType.APPLICATION_DATA && protection.splitFirstApplicationByte() && left > 1) {
            total += Protection.HEADER_LENGTH + protection.sealedLength(1);
            left--;
        }
        int full = left / contentLimit;
        int rest = left % contentLimit;
        total += full * (Protection.HEADER_LENGTH + protection.sealedLength(contentLimit));
        if (rest > 0) {
            total += Protection.HEADER_LENGTH + protection.sealedLength(rest);
        }
        return total;
    }

    /**
     * Whether the current keys approach their usage limit (RFC 8446 section 5.5): a TLS 1.3
     * connection should send a KeyUpdate now. Writing fails with {@code record.sequence_exhausted}
     * at the hard limit.
     */
    public boolean keyUpdateDue() {
        return protection.keyUpdateDue();
    }
}
