package org.securesocket.record;

import java.util.Optional;

/** The protocol versions this stack speaks, with their wire value (RFC 8446 appendix B.1 style). */
public enum ProtocolVersion {
    TLS10(0x0301, "TLS 1.0"),
    TLS11(0x0302, "TLS 1.1"),
    TLS12(0x0303, "TLS 1.2"),
    TLS13(0x0304, "TLS 1.3");

    private final int wire;
    private final String displayName;

    ProtocolVersion(int wire, String displayName) {
        this.wire = wire;
        this.displayName = displayName;
    }

    /** The two-byte wire value, e.g. {@code 0x0303} for TLS 1.2. */
    public int wire() {
        return wire;
    }

    /**
     * The value of legacy_record_version this version puts in record headers: TLS 1.3 uses
     * {@code 0x0303} (RFC 8446 section 5.1), the others their own value.
     */
    public int recordVersion() {
        return this == TLS13 ? TLS12.wire : wire;
    }

    /** Whether this version is at least {@code other}. */
    public boolean atLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    /** The version with this wire value, or empty (SSL 3.0 and unknown values). */
    public static Optional<ProtocolVersion> fromWire(int wire) {
        for (ProtocolVersion v : values()) {
            if (v.wire == wire) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** A printable form of a wire value, known or not, e.g. {@code "TLS 1.2"} or {@code "0x0300"}. */
    public static String describe(int wire) {
        return fromWire(wire).map(v -> v.displayName).orElse(String.format("0x%04x", wire));
    }

    @Override
    public String toString() {
        return displayName;
    }
}
