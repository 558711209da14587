package org.securesocket.common;

import java.util.Locale;
import java.util.Optional;

/**
 * AlertDescription: every alert of RFC 8446 section 6, plus the ones earlier versions define
 * (RFC 5246 section 7.2, RFC 6066) that TLS 1.0 to 1.2 peers may still send.
 */
public enum Alert {
    CLOSE_NOTIFY(0),
    UNEXPECTED_MESSAGE(10),
    BAD_RECORD_MAC(20),
    /** TLS 1.0 only; RFC 5246 forbids sending it. */
    DECRYPTION_FAILED(21),
    RECORD_OVERFLOW(22),
    /** TLS 1.2 and below. */
    DECOMPRESSION_FAILURE(30),
    HANDSHAKE_FAILURE(40),
    /** SSL 3.0 only; never sent. */
    NO_CERTIFICATE(41),
    BAD_CERTIFICATE(42),
    UNSUPPORTED_CERTIFICATE(43),
    CERTIFICATE_REVOKED(44),
    CERTIFICATE_EXPIRED(45),
    CERTIFICATE_UNKNOWN(46),
    ILLEGAL_PARAMETER(47),
    UNKNOWN_CA(48),
    ACCESS_DENIED(49),
    DECODE_ERROR(50),
    DECRYPT_ERROR(51),
    /** TLS 1.0 only; never sent. */
    EXPORT_RESTRICTION(60),
    PROTOCOL_VERSION(70),
    INSUFFICIENT_SECURITY(71),
    INTERNAL_ERROR(80),
    INAPPROPRIATE_FALLBACK(86),
    USER_CANCELED(90),
    /** TLS 1.2 and below: a refused renegotiation (always a warning there). */
    NO_RENEGOTIATION(100),
    MISSING_EXTENSION(109),
    UNSUPPORTED_EXTENSION(110),
    /** RFC 6066; not used in TLS 1.3. */
    CERTIFICATE_UNOBTAINABLE(111),
    UNRECOGNIZED_NAME(112),
    BAD_CERTIFICATE_STATUS_RESPONSE(113),
    /** RFC 6066; not used in TLS 1.3. */
    BAD_CERTIFICATE_HASH_VALUE(114),
    UNKNOWN_PSK_IDENTITY(115),
    CERTIFICATE_REQUIRED(116),
    NO_APPLICATION_PROTOCOL(120);

    private static final Alert[] BY_CODE = new Alert[256];

    static {
        for (Alert alert : values()) {
            BY_CODE[alert.code] = alert;
        }
    }

    private final int code;

    Alert(int code) {
        this.code = code;
    }

    /** The wire value of this AlertDescription. */
    public int code() {
        return code;
    }

    /** The RFC's name, e.g. {@code bad_record_mac}. */
    public String rfcName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The alert with this wire value, or empty for a value no RFC defines. */
    public static Optional<Alert> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    @Override
    public String toString() {
        return rfcName() + "(" + code + ")";
    }
}
