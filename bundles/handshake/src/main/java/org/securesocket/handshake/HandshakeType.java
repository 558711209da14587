package org.securesocket.handshake;

import java.util.Optional;

/** HandshakeType of RFC 8446 section 4 and RFC 5246 section 7.4. */
public enum HandshakeType {
    HELLO_REQUEST(0),
    CLIENT_HELLO(1),
    SERVER_HELLO(2),
    NEW_SESSION_TICKET(4),
    END_OF_EARLY_DATA(5),
    ENCRYPTED_EXTENSIONS(8),
    CERTIFICATE(11),
    SERVER_KEY_EXCHANGE(12),
    CERTIFICATE_REQUEST(13),
    SERVER_HELLO_DONE(14),
    CERTIFICATE_VERIFY(15),
    CLIENT_KEY_EXCHANGE(16),
    FINISHED(20),
    CERTIFICATE_STATUS(22),
    KEY_UPDATE(24),
    MESSAGE_HASH(254);

    private final int code;

    HandshakeType(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** The type with this wire value. */
    public static Optional<HandshakeType> fromCode(int code) {
        for (HandshakeType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The RFC's name, e.g. {@code server_hello}. */
    public String rfcName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
