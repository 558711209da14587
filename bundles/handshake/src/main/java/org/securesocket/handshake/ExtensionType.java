package org.securesocket.handshake;

import java.util.Locale;
import java.util.Optional;

/** ExtensionType values this stack sends or recognises (IANA TLS ExtensionType registry). */
public enum ExtensionType {
    SERVER_NAME(0),
    MAX_FRAGMENT_LENGTH(1),
    STATUS_REQUEST(5),
    SUPPORTED_GROUPS(10),
    EC_POINT_FORMATS(11),
    SIGNATURE_ALGORITHMS(13),
    APPLICATION_LAYER_PROTOCOL_NEGOTIATION(16),
    ENCRYPT_THEN_MAC(22),
    EXTENDED_MASTER_SECRET(23),
    RECORD_SIZE_LIMIT(28),
    SESSION_TICKET(35),
    PRE_SHARED_KEY(41),
    EARLY_DATA(42),
    SUPPORTED_VERSIONS(43),
    COOKIE(44),
    PSK_KEY_EXCHANGE_MODES(45),
    SIGNATURE_ALGORITHMS_CERT(50),
    KEY_SHARE(51),
    RENEGOTIATION_INFO(0xff01);

    private final int codepoint;

    ExtensionType(int codepoint) {
        this.codepoint = codepoint;
    }

    public int codepoint() {
        return codepoint;
    }

    public String rfcName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExtensionType> fromCodepoint(int codepoint) {
        for (ExtensionType t : values()) {
            if (t.codepoint == codepoint) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A printable name of any type value. */
    public static String describe(int codepoint) {
        return fromCodepoint(codepoint).map(ExtensionType::rfcName).orElse("extension " + codepoint);
    }
}
