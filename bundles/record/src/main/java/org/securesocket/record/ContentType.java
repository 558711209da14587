package org.securesocket.record;

import java.util.Optional;

/** ContentType of RFC 8446 section 5.1 (the same values in TLS 1.0 to 1.2). */
public enum ContentType {
    CHANGE_CIPHER_SPEC(20),
    ALERT(21),
    HANDSHAKE(22),
    APPLICATION_DATA(23);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Optional<ContentType>[] BY_CODE = new Optional[256];

    static {
        java.util.Arrays.fill(BY_CODE, Optional.empty());
        for (ContentType type : values()) {
            BY_CODE[type.code] = Optional.of(type);
        }
    }

    private final int code;

    ContentType(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /**
     * The type with this wire value; empty for values we never accept (including heartbeat, 24,
     * which this stack never negotiates). Allocation-free: it is on every record's path.
     */
    public static Optional<ContentType> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : Optional.empty();
    }
}
