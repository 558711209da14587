package org.securesocket.x509.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.der.DerTag;

/**
 * Walks an arbitrary TLV tree with {@link DerReader}: constructed elements are descended into,
 * primitive ones are decoded by every reader method that fits their tag. The only acceptable
 * failure is a {@link TlsException}; anything else escaping is a finding.
 */
class DerReaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void tlvTree(byte[] der) {
        try {
            walk(new DerReader(der, ErrorCode.CERTIFICATE_MALFORMED));
        } catch (TlsException expected) {
            // a refusal with its code is the contract
        }
    }

    private static void walk(DerReader in) throws TlsException {
        while (in.hasRemaining()) {
            int tag = in.peekTag();
            if (DerTag.isConstructed(tag)) {
                walk(in.readConstructed(tag, "constructed"));
            } else {
                decode(tag, in.readElement("primitive"));
            }
        }
        in.expectEnd("tree");
    }

    /** Decodes one whole primitive element with each method meant for its tag. */
    private static void decode(int tag, byte[] element) {
        switch (tag) {
            case DerTag.INTEGER -> {
                attempt(element, r -> r.readInteger("integer"));
                attempt(element, r -> r.readSmallInt(Integer.MAX_VALUE, "small integer"));
            }
            case DerTag.BOOLEAN -> attempt(element, r -> r.readBoolean("boolean"));
            case DerTag.NULL -> attempt(element, r -> {
                r.readNull("null");
                return null;
            });
            case DerTag.OBJECT_IDENTIFIER -> attempt(element, r -> r.readOid("oid"));
            case DerTag.BIT_STRING -> {
                attempt(element, r -> r.readBitString("bit string").bit(9));
                attempt(element, r -> r.readOctetAlignedBitString("aligned bit string"));
            }
            case DerTag.OCTET_STRING -> attempt(element, r -> r.readOctetString("octet string"));
            case DerTag.UTC_TIME, DerTag.GENERALIZED_TIME -> attempt(element, r -> r.readTime("time"));
            default -> {
                attempt(element, r -> r.readString("string"));
                attempt(element, r -> r.readIa5(tag, "ia5"));
            }
        }
    }

    private interface Read {
        Object apply(DerReader r) throws TlsException;
    }

    private static void attempt(byte[] element, Read read) {
        try {
            DerReader r = new DerReader(element, ErrorCode.CERTIFICATE_MALFORMED);
            read.apply(r);
            r.expectEnd("element");
        } catch (TlsException expected) {
            // refused with a code
        }
    }
}
