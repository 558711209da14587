package org.securesocket.record;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.securesocket.common.Alert;
import org.securesocket.common.AlertLevel;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * The Alert message (RFC 8446 section 6, RFC 5246 section 7.2): a level and a description, exactly
 * two bytes, never fragmented nor coalesced (RFC 8446 section 5.1; we hold TLS 1.2 peers to it too).
 */
public record AlertMessage(AlertLevel level, Alert description) implements InboundMessage {
    /** The encoded length. */
    public static final int LENGTH = 2;

    /** The closure alert. */
    public static final AlertMessage CLOSE_NOTIFY = new AlertMessage(AlertLevel.WARNING, Alert.CLOSE_NOTIFY);

    /**
     * Alerts RFC 5246 section 7.2.2 (and RFC 6066, RFC 7507) call "always fatal": received at
     * warning level from a TLS 1.2 or older peer they still end the connection.
     */
    private static final Set<Alert> ALWAYS_FATAL = EnumSet.of(Alert.UNEXPECTED_MESSAGE, Alert.BAD_RECORD_MAC,
            Alert.DECRYPTION_FAILED, Alert.RECORD_OVERFLOW, Alert.DECOMPRESSION_FAILURE, Alert.HANDSHAKE_FAILURE,
            Alert.ILLEGAL_PARAMETER, Alert.UNKNOWN_CA, Alert.ACCESS_DENIED, Alert.DECODE_ERROR,
            Alert.DECRYPT_ERROR, Alert.EXPORT_RESTRICTION, Alert.PROTOCOL_VERSION, Alert.INSUFFICIENT_SECURITY,
            Alert.INTERNAL_ERROR, Alert.INAPPROPRIATE_FALLBACK, Alert.UNSUPPORTED_EXTENSION,
            Alert.BAD_CERTIFICATE_STATUS_RESPONSE, Alert.BAD_CERTIFICATE_HASH_VALUE,
            Alert.CERTIFICATE_UNOBTAINABLE, Alert.UNKNOWN_PSK_IDENTITY, Alert.MISSING_EXTENSION,
            Alert.CERTIFICATE_REQUIRED, Alert.NO_APPLICATION_PROTOCOL);

    public AlertMessage {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(description, "description");
    }

    /** A fatal alert, the only level TLS 1.3 sends besides the closure alerts. */
    public static AlertMessage fatal(Alert description) {
        return new AlertMessage(AlertLevel.FATAL, description);
    }

    /**
     * The alert we send for {@code description} under {@code version} ({@code null} before one is
     * negotiated): the closure alerts close_notify and user_canceled at warning level (RFC 8446
     * section 6.1), no_renegotiation at warning level before TLS 1.3 (RFC 5246 section 7.2.2), and
     * everything else fatal (TLS 1.3 sends every error alert as fatal, section 6).
     */
    public static AlertMessage toSend(Alert description, ProtocolVersion version) {
        boolean warning = description == Alert.CLOSE_NOTIFY || description == Alert.USER_CANCELED
                || description == Alert.NO_RENEGOTIATION && version != ProtocolVersion.TLS13;
        return new AlertMessage(warning ? AlertLevel.WARNING : AlertLevel.FATAL, description);
    }

    /**
     * Decodes the content of one alert record: exactly two bytes, a known level and a known
     * description (RFC 8446 section 6: unknown alerts are errors; we report them as decode_error).
     */
    public static AlertMessage read(ByteBuffer content) throws TlsException {
        if (content.remaining() != LENGTH) {
            throw new TlsException(ErrorCode.RECORD_DECODE_ERROR, "an alert record must hold exactly one"
                    + " two-byte alert (RFC 8446 section 5.1), got " + content.remaining() + " bytes");
        }
        int levelCode = content.get() & 0xff;
        int descriptionCode = content.get() & 0xff;
        AlertLevel level = AlertLevel.fromCode(levelCode).orElseThrow(() -> new TlsException(
                ErrorCode.RECORD_DECODE_ERROR, "the peer sent an alert with the unknown level " + levelCode));
        Alert description = Alert.fromCode(descriptionCode).orElseThrow(() -> new TlsException(
                ErrorCode.RECORD_DECODE_ERROR, "the peer sent the unknown alert " + descriptionCode));
        return new AlertMessage(level, description);
    }

    /** Encodes the two bytes. */
    public void write(ByteBuffer out) {
        out.put((byte) level.code()).put((byte) description.code());
    }

    /**
     * Whether receiving this alert ends the connection with an error under {@code version}
     * ({@code null} before a version is negotiated, where TLS 1.2 rules apply).
     * TLS 1.3: every alert but the closure alerts close_notify and user_canceled, whatever its level
     * (RFC 8446 section 6). TLS 1.2 and below: fatal level, or a description that is always fatal.
     * close_notify is never an error: it is the orderly end of the peer's stream.
     */
    public boolean isError(ProtocolVersion version) {
        if (description == Alert.CLOSE_NOTIFY) {
            return false;
        }
        if (version == ProtocolVersion.TLS13) {
            return description != Alert.USER_CANCELED;
        }
        return level == AlertLevel.FATAL || ALWAYS_FATAL.contains(description);
    }

    @Override
    public String toString() {
        return level.name().toLowerCase(java.util.Locale.ROOT) + " " + description;
    }
}
