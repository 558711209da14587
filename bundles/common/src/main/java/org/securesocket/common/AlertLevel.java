package org.securesocket.common;

import java.util.Optional;

/** AlertLevel of RFC 5246 section 7.2; TLS 1.3 ignores it except for close_notify and user_canceled. */
public enum AlertLevel {
    WARNING(1),
    FATAL(2);

    private final int code;

    AlertLevel(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** The level with this wire value, or empty for an unknown one (a decode_error for the caller). */
    public static Optional<AlertLevel> fromCode(int code) {
        for (AlertLevel level : values()) {
            if (level.code == code) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
