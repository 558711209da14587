package org.securesocket.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stable error codes, {@code area.name}, reported identically by the API, the CLI, traces and
 * logs. Each carries the alert we send by default when we detect that failure. A code is never
 * reused for a different meaning; new failures get new rows.
 */
public enum ErrorCode {
    // certificate.* : path building and validation (RFC 5280 section 6, RFC 9525)
    CERTIFICATE_EXPIRED("certificate.expired", Alert.CERTIFICATE_EXPIRED),
    CERTIFICATE_NOT_YET_VALID("certificate.not_yet_valid", Alert.CERTIFICATE_EXPIRED),
    CERTIFICATE_HOSTNAME_MISMATCH("certificate.hostname_mismatch", Alert.BAD_CERTIFICATE),
    /** No candidate issuer at all: self-signed leaf, unknown root, missing intermediate. */
    CERTIFICATE_UNKNOWN_ISSUER("certificate.unknown_issuer", Alert.UNKNOWN_CA),
    /** The issuing root is known to the full store but not enabled in this deployment. */
    CERTIFICATE_MISSING_TRUST_ANCHOR("certificate.missing_trust_anchor", Alert.UNKNOWN_CA),
    CERTIFICATE_BAD_SIGNATURE("certificate.bad_signature", Alert.BAD_CERTIFICATE),
    CERTIFICATE_NOT_A_CA("certificate.not_a_ca", Alert.BAD_CERTIFICATE),
    CERTIFICATE_PATH_LENGTH_EXCEEDED("certificate.path_length_exceeded", Alert.BAD_CERTIFICATE),
    CERTIFICATE_NAME_CONSTRAINTS("certificate.name_constraints", Alert.BAD_CERTIFICATE),
    CERTIFICATE_BAD_KEY_USAGE("certificate.bad_key_usage", Alert.BAD_CERTIFICATE),
    CERTIFICATE_BAD_EXTENDED_KEY_USAGE("certificate.bad_extended_key_usage", Alert.BAD_CERTIFICATE),
    CERTIFICATE_UNSUPPORTED_CRITICAL_EXTENSION("certificate.unsupported_critical_extension",
            Alert.UNSUPPORTED_CERTIFICATE),
    CERTIFICATE_WEAK_KEY("certificate.weak_key", Alert.INSUFFICIENT_SECURITY),
    CERTIFICATE_WEAK_SIGNATURE_ALGORITHM("certificate.weak_signature_algorithm", Alert.INSUFFICIENT_SECURITY),
    CERTIFICATE_MALFORMED("certificate.malformed", Alert.BAD_CERTIFICATE),

    // handshake.*
    HANDSHAKE_PROTOCOL_VERSION("handshake.protocol_version", Alert.PROTOCOL_VERSION),
    HANDSHAKE_NO_COMMON_CIPHER_SUITE("handshake.no_common_cipher_suite", Alert.HANDSHAKE_FAILURE),
    HANDSHAKE_NO_COMMON_GROUP("handshake.no_common_group", Alert.HANDSHAKE_FAILURE),
    HANDSHAKE_UNEXPECTED_MESSAGE("handshake.unexpected_message", Alert.UNEXPECTED_MESSAGE),
    HANDSHAKE_DECODE_ERROR("handshake.decode_error", Alert.DECODE_ERROR),
    HANDSHAKE_ILLEGAL_PARAMETER("handshake.illegal_parameter", Alert.ILLEGAL_PARAMETER),
    HANDSHAKE_BAD_FINISHED("handshake.bad_finished", Alert.DECRYPT_ERROR),
    HANDSHAKE_BAD_SIGNATURE("handshake.bad_signature", Alert.DECRYPT_ERROR),
    HANDSHAKE_DOWNGRADE_DETECTED("handshake.downgrade_detected", Alert.ILLEGAL_PARAMETER),
    HANDSHAKE_INSUFFICIENT_SECURITY("handshake.insufficient_security", Alert.INSUFFICIENT_SECURITY),
    /** A fatal alert received from the peer; nothing is sent back. */
    HANDSHAKE_ALERT_RECEIVED("handshake.alert_received", null),
    HANDSHAKE_RENEGOTIATION_REFUSED("handshake.renegotiation_refused", Alert.NO_RENEGOTIATION),

    // record.*
    RECORD_BAD_RECORD_MAC("record.bad_record_mac", Alert.BAD_RECORD_MAC),
    RECORD_OVERFLOW("record.overflow", Alert.RECORD_OVERFLOW),
    RECORD_DECODE_ERROR("record.decode_error", Alert.DECODE_ERROR),
    RECORD_UNEXPECTED_MESSAGE("record.unexpected_message", Alert.UNEXPECTED_MESSAGE),
    /** The transport ended inside a record or without close_notify. */
    RECORD_TRUNCATED("record.truncated", null),
    /** A handshake message longer than the configured maximum (OpenSSL's excessive message size). */
    RECORD_HANDSHAKE_TOO_LARGE("record.handshake_too_large", Alert.ILLEGAL_PARAMETER),
    /** One set of keys reached its record limit (RFC 8446 section 5.5) without a key update. */
    RECORD_SEQUENCE_EXHAUSTED("record.sequence_exhausted", null),

    // crypto.* : failures of the crypto provider itself
    /** The provider cannot do the named algorithm; never a silent "not verified". */
    CRYPTO_UNSUPPORTED_ALGORITHM("crypto.unsupported_algorithm", Alert.INTERNAL_ERROR),
    /** Key material that cannot be decoded or used (our own keys and configuration). */
    CRYPTO_INVALID_KEY("crypto.invalid_key", Alert.INTERNAL_ERROR),

    // io.*
    IO_TIMEOUT("io.timeout", null),
    IO_CONNECTION_REFUSED("io.connection_refused", null),
    IO_CLOSED("io.closed", null),

    /** A defect on our side; reported, never hidden. */
    INTERNAL_ERROR("internal.error", Alert.INTERNAL_ERROR);

    private static final Map<String, ErrorCode> BY_CODE = new HashMap<>();

    static {
        for (ErrorCode code : values()) {
            BY_CODE.put(code.code, code);
        }
    }

    private final String code;
    private final Alert alert;

    ErrorCode(String code, Alert alert) {
        this.code = code;
        this.alert = alert;
    }

    /** The stable string form, e.g. {@code certificate.expired}. */
    public String code() {
        return code;
    }

    /** The area, the part before the dot: {@code certificate}, {@code handshake}, ... */
    public String area() {
        return code.substring(0, code.indexOf('.'));
    }

    /** The alert we send when we detect this failure, if any is sent. */
    public Optional<Alert> defaultAlert() {
        return Optional.ofNullable(alert);
    }

    /** The code with this string form. */
    public static Optional<ErrorCode> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    @Override
    public String toString() {
        return code;
    }
}
