package org.securesocket.common;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The one failure type of the stack: a stable {@link ErrorCode}, the alert to send (or the one
 * received from the peer) and a message a person can act on. It is an {@link IOException} so the
 * blocking streams can throw it unchanged.
 */
public class TlsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Alert alert;
    private final AlertSource alertSource;

    /** A failure we detected, sending the code's default alert. */
    public TlsException(ErrorCode code, String message) {
        this(code, code.defaultAlert().orElse(null), message, null);
    }

    /** A failure we detected, sending the code's default alert, with its cause. */
    public TlsException(ErrorCode code, String message, Throwable cause) {
        this(code, code.defaultAlert().orElse(null), message, cause);
    }

    /** A failure we detected, sending a specific alert (or none when {@code alert} is null). */
    public TlsException(ErrorCode code, Alert alert, String message, Throwable cause) {
        this(code, alert, AlertSource.US, message, cause);
    }

    private TlsException(ErrorCode code, Alert alert, AlertSource source, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.alert = alert;
        this.alertSource = source;
    }

    /** The peer sent this fatal alert: {@code handshake.alert_received}, nothing to send back. */
    public static TlsException alertReceived(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        return new TlsException(ErrorCode.HANDSHAKE_ALERT_RECEIVED, alert, AlertSource.PEER,
                "the peer sent the fatal alert " + alert, null);
    }

    /** The stable code. */
    public ErrorCode code() {
        return code;
    }

    /** The alert to send (when raised by us) or the alert received (when raised by the peer). */
    public Optional<Alert> alert() {
        return Optional.ofNullable(alert);
    }

    /** Who raised the alert. */
    public AlertSource alertSource() {
        return alertSource;
    }

    /** Whether an alert must be sent to the peer for this failure. */
    public boolean alertToSend() {
        return alert != null && alertSource == AlertSource.US;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TlsException[").append(code.code());
        if (alert != null) {
            sb.append(", alert ").append(alert).append(alertSource == AlertSource.US ? " from us" : " from peer");
        }
        return sb.append("]: ").append(getMessage()).toString();
    }
}
