package org.securesocket.record;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * The most content bytes one record may carry, not counting TLS 1.3's inner content type byte.
 * The two extensions that lower it count differently (RFC 8449 section 4): max_fragment_length
 * limits the content alone, record_size_limit in TLS 1.3 also counts the inner type byte and any
 * padding. Both are normalised here to a content limit; in TLS 1.3 the whole TLSInnerPlaintext
 * (content, type, padding) may then be one byte longer (RFC 8446 section 5.4).
 */
public final class PlaintextLimit {
    /** 2^14, the protocol maximum (RFC 8446 section 5.1, RFC 5246 section 6.2.1). */
    public static final int MAX_CONTENT = 1 << 14;

    /** No extension negotiated. */
    public static final PlaintextLimit DEFAULT = new PlaintextLimit(MAX_CONTENT, "default 2^14");

    /** RFC 8449 section 4: smaller values are an error. */
    private static final int MIN_RECORD_SIZE_LIMIT = 64;

    private final int contentLimit;
    private final String origin;

    private PlaintextLimit(int contentLimit, String origin) {
        this.contentLimit = contentLimit;
        this.origin = origin;
    }

    /**
     * The limit of a negotiated max_fragment_length (RFC 6066 section 4): code 1 to 4 for 2^9 to
     * 2^12 bytes of content.
     */
    public static PlaintextLimit maxFragmentLength(int code) throws TlsException {
        if (code < 1 || code > 4) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "max_fragment_length code " + code + " is not one of 1 to 4 (RFC 6066 section 4)");
        }
        int length = 1 << (8 + code);
        return new PlaintextLimit(length, "max_fragment_length " + length);
    }

    /**
     * The limit of a record_size_limit value (RFC 8449 section 4) under {@code version}: in TLS 1.3
     * it counts the inner content type byte, so one byte less is left for content. Values above the
     * protocol maximum are clamped to it; values below 64 are an illegal_parameter.
     */
    public static PlaintextLimit recordSizeLimit(int value, ProtocolVersion version) throws TlsException {
        if (value < MIN_RECORD_SIZE_LIMIT) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    "record_size_limit " + value + " is below the minimum of 64 (RFC 8449 section 4)");
        }
        boolean tls13 = version == ProtocolVersion.TLS13;
        int protocolMax = tls13 ? MAX_CONTENT + 1 : MAX_CONTENT;
        int limit = Math.min(value, protocolMax);
        return new PlaintextLimit(tls13 ? limit - 1 : limit, "record_size_limit " + value);
    }

    /** The most content bytes per record. */
    public int contentLimit() {
        return contentLimit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaintextLimit other && other.contentLimit == contentLimit;
    }

    @Override
    public int hashCode() {
        return contentLimit;
    }

    @Override
    public String toString() {
        return contentLimit + " bytes (" + origin + ")";
    }
}
