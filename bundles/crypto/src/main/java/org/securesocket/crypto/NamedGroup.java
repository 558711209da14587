package org.securesocket.crypto;

import java.util.Optional;

/** NamedGroup of RFC 8446 section 4.2.7 (and RFC 7919 for the ffdhe groups). */
public enum NamedGroup {
    SECP256R1(0x0017, Kind.EC, 32),
    SECP384R1(0x0018, Kind.EC, 48),
    SECP521R1(0x0019, Kind.EC, 66),
    X25519(0x001d, Kind.XDH, 32),
    FFDHE2048(0x0100, Kind.FFDHE, 256),
    FFDHE3072(0x0101, Kind.FFDHE, 384),
    FFDHE4096(0x0102, Kind.FFDHE, 512);

    /** The family of a group, which fixes the encoding of its key shares. */
    public enum Kind {
        /** Short Weierstrass curves: uncompressed points {@code 04 || X || Y} (RFC 8446 section 4.2.8.2). */
        EC,
        /** RFC 7748 curves: the raw u-coordinate. */
        XDH,
        /** Finite-field groups: Y as a big-endian number left-padded to the size of p. */
        FFDHE
    }

    private final int codepoint;
    private final Kind kind;
    private final int fieldLength;

    NamedGroup(int codepoint, Kind kind, int fieldLength) {
        this.codepoint = codepoint;
        this.kind = kind;
        this.fieldLength = fieldLength;
    }

    /** The wire value. */
    public int codepoint() {
        return codepoint;
    }

    /** The family. */
    public Kind kind() {
        return kind;
    }

    /** Bytes of one field element (coordinate, u value or Y); the shared secret has this length. */
    public int fieldLength() {
        return fieldLength;
    }

    /** The group with this wire value. */
    public static Optional<NamedGroup> fromCodepoint(int codepoint) {
        for (NamedGroup g : values()) {
            if (g.codepoint == codepoint) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
