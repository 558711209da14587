package org.securesocket.x509;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.securesocket.common.TlsException;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.der.DerTag;
import org.securesocket.x509.internal.Oids;

/**
 * A Name (RFC 5280 section 4.1.2.4): a sequence of relative distinguished names. Names are compared
 * by their DER encoding, which is what path building needs (issuers encode the subject of their CA
 * byte for byte in practice, and the CA/B profile requires it).
 */
public final class DistinguishedName {
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("2.5.4.3", "CN"), Map.entry("2.5.4.4", "SN"), Map.entry("2.5.4.5", "serialNumber"),
            Map.entry("2.5.4.6", "C"), Map.entry("2.5.4.7", "L"), Map.entry("2.5.4.8", "ST"),
            Map.entry("2.5.4.9", "street"), Map.entry("2.5.4.10", "O"), Map.entry("2.5.4.11", "OU"),
            Map.entry("2.5.4.12", "title"), Map.entry("2.5.4.42", "GN"), Map.entry("2.5.4.97", "organizationIdentifier"),
            Map.entry("0.9.2342.19200300.100.1.25", "DC"), Map.entry("0.9.2342.19200300.100.1.1", "UID"),
            Map.entry(Oids.EMAIL_ADDRESS, "emailAddress"));

    /** One AttributeTypeAndValue; {@code value} is its text, {@code encoded} the value element. */
    public record Attribute(String type, String value, byte[] encoded) {
        /** The short name (CN, O, ...) or the dotted OID. */
        public String typeName() {
            return SHORT_NAMES.getOrDefault(type, type);
        }
    }

    private final byte[] encoded;
    private final List<List<Attribute>> rdns;
    /** {@link #toString}, formatted once: messages and the path search name certificates by it. */
    private String text;

    private DistinguishedName(byte[] encoded, List<List<Attribute>> rdns) {
        this.encoded = encoded;
        this.rdns = rdns;
    }

    /** Reads a Name (a SEQUENCE OF SET OF AttributeTypeAndValue). */
    public static DistinguishedName read(DerReader in, String what) throws TlsException {
        byte[] encoded = in.readElement(DerTag.SEQUENCE, what);
        DerReader seq = new DerReader(encoded, in.errorCode()).readSequence(what);
        List<List<Attribute>> rdns = new ArrayList<>();
        while (seq.hasRemaining()) {
            DerReader set = seq.readConstructed(DerTag.SET, what + " RDN");
            List<Attribute> rdn = new ArrayList<>();
            while (set.hasRemaining()) {
                DerReader atv = set.readSequence(what + " attribute");
                String type = atv.readOid(what + " attribute type");
                byte[] valueElement = atv.readElement(what + " attribute value");
                atv.expectEnd(what + " attribute");
                DerReader value = new DerReader(valueElement, in.errorCode());
                String text = isString(value.peekTag()) ? value.readString(what + " " + type) : "#" + hex(valueElement);
                rdn.add(new Attribute(type, text, valueElement));
            }
            if (rdn.isEmpty()) {
                throw in.fail(what + ": empty relative distinguished name");
            }
            rdns.add(List.copyOf(rdn));
        }
        return new DistinguishedName(encoded, List.copyOf(rdns));
    }

    private static boolean isString(int tag) {
        return tag == DerTag.UTF8_STRING || tag == DerTag.PRINTABLE_STRING || tag == DerTag.IA5_STRING
                || tag == DerTag.TELETEX_STRING || tag == DerTag.BMP_STRING || tag == DerTag.UNIVERSAL_STRING
                || tag == DerTag.VISIBLE_STRING;
    }

    /** The DER encoding of the whole Name. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The RDNs, most significant first. */
    public List<List<Attribute>> rdns() {
        return rdns;
    }

    /** Whether the Name has no RDN at all. */
    public boolean isEmpty() {
        return rdns.isEmpty();
    }

    /** The values of every attribute of this type, e.g. the emailAddress attributes. */
    public List<String> values(String type) {
        List<String> out = new ArrayList<>();
        for (List<Attribute> rdn : rdns) {
            for (Attribute a : rdn) {
                if (a.type().equals(type)) {
                    out.add(a.value());
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code prefix}'s RDNs start this Name (RFC 5280 section 4.2.1.10, directoryName
     * constraints); RDNs are compared by their encoded attributes.
     */
    public boolean isWithin(DistinguishedName prefix) {
        if (prefix.rdns.size() > rdns.size()) {
            return false;
        }
        for (int i = 0; i < prefix.rdns.size(); i++) {
            List<Attribute> a = prefix.rdns.get(i);
            List<Attribute> b = rdns.get(i);
            if (a.size() != b.size()) {
                return false;
            }
            for (int j = 0; j < a.size(); j++) {
                if (!a.get(j).type().equals(b.get(j).type()) || !Arrays.equals(a.get(j).encoded(), b.get(j).encoded())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistinguishedName n && Arrays.equals(encoded, n.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** RFC 4514 style, most significant RDN last, e.g. {@code CN=example.com,O=Example,C=US}. */
    @Override
    public String toString() {
        String formatted = text; // racing threads format the same string: no lock needed, as String.hashCode
        if (formatted == null) {
            formatted = format();
            text = formatted;
        }
        return formatted;
    }

    private String format() {
        StringBuilder sb = new StringBuilder();
        for (int i = rdns.size() - 1; i >= 0; i--) {
            List<Attribute> rdn = rdns.get(i);
            for (int j = 0; j < rdn.size(); j++) {
                if (j > 0) {
                    sb.append('+');
                }
                sb.append(rdn.get(j).typeName()).append('=').append(rdn.get(j).value());
            }
            if (i > 0) {
                sb.append(',');
            }
        }
        return sb.length() == 0 ? "(empty name)" : sb.toString();
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
