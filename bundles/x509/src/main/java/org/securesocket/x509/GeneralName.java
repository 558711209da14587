package org.securesocket.x509;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.der.DerTag;

/** GeneralName (RFC 5280 section 4.2.1.6): the forms this stack interprets, and the rest kept raw. */
public sealed interface GeneralName {

    /** dNSName [2] IA5String. */
    record DnsName(String name) implements GeneralName {
        @Override
        public String toString() {
            return "DNS:" + name;
        }
    }

    /**
     * iPAddress [7] OCTET STRING: 4 or 16 bytes in a SAN; address then mask (8 or 32 bytes) in a
     * name constraint.
     */
    record IpAddress(byte[] bytes) implements GeneralName {
        public IpAddress {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IpAddress ip && Arrays.equals(bytes, ip.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            if (bytes.length == 4 || bytes.length == 16) {
                try {
                    return "IP:" + InetAddress.getByAddress(bytes).getHostAddress();
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
            return "IP:#" + DistinguishedName.hex(bytes);
        }
    }

    /** rfc822Name [1] IA5String: a mailbox, a host or a domain. */
    record Rfc822Name(String name) implements GeneralName {
        @Override
        public String toString() {
            return "email:" + name;
        }
    }

    /** uniformResourceIdentifier [6] IA5String. */
    record Uri(String uri) implements GeneralName {
        @Override
        public String toString() {
            return "URI:" + uri;
        }
    }

    /** directoryName [4] Name. */
    record DirectoryName(DistinguishedName name) implements GeneralName {
        @Override
        public String toString() {
            return "DirName:" + name;
        }
    }

    /** otherName, x400Address, ediPartyName, registeredID: kept as their encoding. */
    record Other(int tag, byte[] encoded) implements GeneralName {
        public Other {
            encoded = encoded.clone();
        }

        @Override
        public byte[] encoded() {
            return encoded.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other other && tag == other.tag && Arrays.equals(encoded, other.encoded);
        }

        @Override
        public int hashCode() {
            return 31 * tag + Arrays.hashCode(encoded);
        }

        @Override
        public String toString() {
            return "other[" + (tag & 0x1f) + "]";
        }
    }

    /** Reads one GeneralName. */
    static GeneralName read(DerReader in, String what) throws TlsException {
        int tag = in.peekTag();
        switch (tag) {
            case 0x81:
                return new Rfc822Name(in.readIa5(tag, what + " rfc822Name"));
            case 0x82:
                return new DnsName(in.readIa5(tag, what + " dNSName"));
            case 0x86:
                return new Uri(in.readIa5(tag, what + " URI"));
            case 0x87:
                return new IpAddress(in.readContents(tag, what + " iPAddress"));
            case 0xa4: {
                // EXPLICIT because Name is a CHOICE (RFC 5280 appendix A.2).
                DerReader inner = in.readConstructed(tag, what + " directoryName");
                DistinguishedName name = DistinguishedName.read(inner, what + " directoryName");
                inner.expectEnd(what + " directoryName");
                return new DirectoryName(name);
            }
            case 0xa0: case 0xa3: case 0xa5: case 0x88:
                return new Other(tag, in.readElement(what));
            default:
                throw in.fail(what + ": not a GeneralName (tag " + String.format("0x%02x", tag) + ")");
        }
    }

    /** Reads GeneralNames (SEQUENCE SIZE (1..MAX) OF GeneralName). */
    static List<GeneralName> readAll(DerReader in, String what) throws TlsException {
        DerReader seq = in.readConstructed(DerTag.SEQUENCE, what);
        return readUntilEnd(seq, what);
    }

    /** Reads GeneralName elements until the reader ends; at least one. */
    static List<GeneralName> readUntilEnd(DerReader seq, String what) throws TlsException {
        List<GeneralName> names = new ArrayList<>();
        while (seq.hasRemaining()) {
            names.add(read(seq, what));
        }
        if (names.isEmpty()) {
            throw seq.fail(what + ": empty GeneralNames");
        }
        return List.copyOf(names);
    }
}
