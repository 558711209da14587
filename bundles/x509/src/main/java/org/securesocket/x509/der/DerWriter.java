package org.securesocket.x509.der;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.function.Consumer;

/** Writes DER: definite minimal lengths, nested elements built by callbacks. */
public final class DerWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** One element from its tag and contents. */
    public DerWriter write(int tag, byte[] contents) {
        out.write(tag);
        writeLength(contents.length);
        out.writeBytes(contents);
        return this;
    }

    /** A constructed element whose contents the callback writes. */
    public DerWriter writeConstructed(int tag, Consumer<DerWriter> contents) {
        DerWriter inner = new DerWriter();
        contents.accept(inner);
        return write(tag, inner.toByteArray());
    }

    public DerWriter writeSequence(Consumer<DerWriter> contents) {
        return writeConstructed(DerTag.SEQUENCE, contents);
    }

    /** Already-encoded elements, copied as they are. */
    public DerWriter writeRaw(byte[] encoded) {
        out.writeBytes(encoded);
        return this;
    }

    public DerWriter writeInteger(BigInteger value) {
        return write(DerTag.INTEGER, value.toByteArray());
    }

    public DerWriter writeInteger(long value) {
        return writeInteger(BigInteger.valueOf(value));
    }

    public DerWriter writeNull() {
        return write(DerTag.NULL, new byte[0]);
    }

    public DerWriter writeOctetString(byte[] value) {
        return write(DerTag.OCTET_STRING, value);
    }

    /** A BIT STRING of whole octets. */
    public DerWriter writeBitString(byte[] value) {
        byte[] contents = new byte[value.length + 1];
        System.arraycopy(value, 0, contents, 1, value.length);
        return write(DerTag.BIT_STRING, contents);
    }

    /** An OBJECT IDENTIFIER from its dotted form, e.g. {@code 1.2.840.113549.1.1.1}. */
    public DerWriter writeOid(String dotted) {
        String[] arcs = dotted.split("\\.");
        if (arcs.length < 2) {
            throw new IllegalArgumentException("an OBJECT IDENTIFIER needs two arcs: " + dotted);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeBase128(body, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(body, Long.parseLong(arcs[i]));
        }
        return write(DerTag.OBJECT_IDENTIFIER, body.toByteArray());
    }

    private static void writeBase128(ByteArrayOutputStream body, long value) {
        int groups = 1;
        while (groups < 9 && (value >>> (7 * groups)) != 0) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) ((value >>> (7 * g)) & 0x7f);
            body.write(g == 0 ? b : b | 0x80);
        }
    }

    private void writeLength(int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int n = 0;
        for (int v = length; v != 0; v >>>= 8) {
            n++;
        }
        out.write(0x80 | n);
        for (int i = n - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }
}
