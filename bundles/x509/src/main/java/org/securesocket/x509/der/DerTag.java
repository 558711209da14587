package org.securesocket.x509.der;

/** The universal and context-specific tag octets X.509 uses (low tag numbers only). */
public final class DerTag {
    public static final int BOOLEAN = 0x01;
    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OBJECT_IDENTIFIER = 0x06;
    public static final int UTF8_STRING = 0x0c;
    public static final int PRINTABLE_STRING = 0x13;
    public static final int TELETEX_STRING = 0x14;
    public static final int IA5_STRING = 0x16;
    public static final int UTC_TIME = 0x17;
    public static final int GENERALIZED_TIME = 0x18;
    public static final int VISIBLE_STRING = 0x1a;
    public static final int UNIVERSAL_STRING = 0x1c;
    public static final int BMP_STRING = 0x1e;
    public static final int SEQUENCE = 0x30;
    public static final int SET = 0x31;

    private static final int CONTEXT = 0x80;
    private static final int CONSTRUCTED = 0x20;

    private DerTag() {
    }

    /** {@code [n] IMPLICIT} of a primitive type. */
    public static int contextPrimitive(int n) {
        return CONTEXT | n;
    }

    /** {@code [n]} constructed: EXPLICIT tagging, or IMPLICIT of a SEQUENCE. */
    public static int contextConstructed(int n) {
        return CONTEXT | CONSTRUCTED | n;
    }

    /** Whether the tag has the constructed bit. */
    public static boolean isConstructed(int tag) {
        return (tag & CONSTRUCTED) != 0;
    }
}
