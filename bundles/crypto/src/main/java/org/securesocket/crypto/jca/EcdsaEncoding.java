package org.securesocket.crypto.jca;

import java.util.Optional;

/**
 * ECDSA signature encodings: the DER {@code Ecdsa-Sig-Value} TLS and X.509 carry (RFC 5480 section
 * 2.2, RFC 8446 section 4.2.3) and the fixed-width r || s form (IEEE P1363) the JCA verifies in. The
 * DER reader is strict: one definite minimal length per element, minimal positive INTEGERs, nothing
 * trailing; anything else is not a signature.
 */
final class EcdsaEncoding {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private EcdsaEncoding() {
    }

    /**
     * Converts a DER signature to r || s, each left-padded to {@code scalarLength} bytes; empty when
     * the encoding is not strict DER or a value does not fit.
     */
    static Optional<byte[]> derToP1363(byte[] der, int scalarLength) {
        Cursor c = new Cursor(der);
        int seqLength = c.header(SEQUENCE);
        if (seqLength < 0 || seqLength != der.length - c.pos) {
            return Optional.empty();
        }
        byte[] out = new byte[2 * scalarLength];
        if (!c.integer(out, 0, scalarLength) || !c.integer(out, scalarLength, scalarLength) || c.pos != der.length) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** Reads tag-length headers and INTEGERs; every failure returns -1 or false. */
    private static final class Cursor {
        private final byte[] in;
        private int pos;

        Cursor(byte[] in) {
            this.in = in;
        }

        /** Reads a tag and a minimal definite length (at most two length bytes); -1 on failure. */
        int header(int tag) {
            if (in.length - pos < 2 || (in[pos++] & 0xff) != tag) {
                return -1;
            }
            int first = in[pos++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else if (first == 0x81 && pos < in.length) {
                length = in[pos++] & 0xff;
                if (length < 0x80) {
                    return -1;
                }
            } else if (first == 0x82 && in.length - pos >= 2) {
                length = ((in[pos] & 0xff) << 8) | (in[pos + 1] & 0xff);
                pos += 2;
                if (length < 0x100) {
                    return -1;
                }
            } else {
                return -1;
            }
            return length <= in.length - pos ? length : -1;
        }

        /** Reads a positive minimal INTEGER into {@code out[off..off+width)}, right-aligned. */
        boolean integer(byte[] out, int off, int width) {
            int length = header(INTEGER);
            if (length <= 0) {
                return false;
            }
            int start = pos;
            pos += length;
            if ((in[start] & 0x80) != 0) {
                return false; // negative
            }
            if (in[start] == 0) {
                if (length == 1) {
                    return true; // zero: well-formed, and out of range for the verifier to reject
                }
                if ((in[start + 1] & 0x80) == 0) {
                    return false; // a leading 00 that is not needed: not minimal
                }
                start++;
                length--;
            }
            if (length > width) {
                return false;
            }
            System.arraycopy(in, start, out, off + width - length, length);
            return true;
        }
    }
}
