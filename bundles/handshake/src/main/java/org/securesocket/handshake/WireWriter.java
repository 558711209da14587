package org.securesocket.handshake;

import java.io.ByteArrayOutputStream;

/** Writes TLS presentation-language structures; vectors are written with their length prefixes. */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public WireWriter u8(int v) {
        out.write(v);
        return this;
    }

    public WireWriter u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public WireWriter u24(int v) {
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public WireWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    public WireWriter vector8(byte[] b) {
        return checked(b.length, 0xff).u8(b.length).bytes(b);
    }

    public WireWriter vector16(byte[] b) {
        return checked(b.length, 0xffff).u16(b.length).bytes(b);
    }

    public WireWriter vector24(byte[] b) {
        return checked(b.length, 0xffffff).u24(b.length).bytes(b);
    }

    private WireWriter checked(int length, int max) {
        if (length > max) {
            throw new IllegalArgumentException("a vector of " + length + " bytes exceeds its length field (" + max + ")");
        }
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
