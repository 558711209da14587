package org.securesocket.record.internal;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * A 64-bit record sequence number of one direction and one set of keys (it restarts at zero with
 * every key change). It must never wrap (RFC 5246 section 6.1, RFC 8446 section 5.3). For sending,
 * an AEAD may have a lower confidentiality limit (RFC 8446 section 5.5, RFC 9147 section 4.5.3):
 * past the soft limit a TLS 1.3 sender should update its keys, at the hard limit it must stop.
 * The integrity limits of RFC 9147 section 4.5.3 count failed decryptions; in TLS the first one
 * is fatal, so they never apply to the receiving side here.
 */
public final class SequenceNumber {
    /** No limit but the wrap itself: 2^64 - 1 as an unsigned value. */
    public static final long WRAP = -1L;

    private final long softLimit;
    private final long hardLimit;
    private long next;

    /** A fresh counter with these unsigned limits. */
    public SequenceNumber(long softLimit, long hardLimit) {
        this(softLimit, hardLimit, 0);
    }

    SequenceNumber(long softLimit, long hardLimit, long start) {
        if (Long.compareUnsigned(softLimit, hardLimit) > 0) {
            throw new IllegalArgumentException("soft limit above the hard limit");
        }
        this.softLimit = softLimit;
        this.hardLimit = hardLimit;
        this.next = start;
    }

    /** The number of the next record sent, then advances; fails at the hard limit. */
    public long nextToSend() throws TlsException {
        if (Long.compareUnsigned(next, hardLimit) >= 0) {
            throw new TlsException(ErrorCode.RECORD_SEQUENCE_EXHAUSTED, "these keys have protected "
                    + Long.toUnsignedString(next) + " records, the most allowed (RFC 8446 section 5.5);"
                    + " the connection must update its keys or close");
        }
        return next++;
    }

    /** The number of the next record received, then advances; fails only where it would wrap. */
    public long nextReceived() throws TlsException {
        if (next == WRAP) {
            throw new TlsException(ErrorCode.RECORD_SEQUENCE_EXHAUSTED,
                    "the peer sent 2^64 - 1 records under one key; the sequence number may not wrap");
        }
        return next++;
    }

    /** Whether the sender should update its keys now (past the soft limit). */
    public boolean updateDue() {
        return Long.compareUnsigned(next, softLimit) >= 0;
    }

    /** The next value, for tests and traces. */
    public long peek() {
        return next;
    }
}
