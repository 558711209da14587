package org.securesocket.x509;

import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.der.DerTag;
import org.securesocket.x509.internal.DnsNames;

/**
 * NameConstraints (RFC 5280 section 4.2.1.10): the bases of the permitted and excluded subtrees.
 * Each base is checked when read: a dNSName is a domain with an optional leading dot (no wildcard),
 * an iPAddress is an address and a contiguous mask of the same family.
 */
public record NameConstraints(List<GeneralName> permitted, List<GeneralName> excluded) {

    public NameConstraints {
        permitted = List.copyOf(permitted);
        excluded = List.copyOf(excluded);
    }

    static NameConstraints read(DerReader in, String what) throws TlsException {
        DerReader seq = in.readSequence(what);
        List<GeneralName> permitted = List.of();
        List<GeneralName> excluded = List.of();
        if (seq.nextIs(DerTag.contextConstructed(0))) {
            permitted = readSubtrees(seq.readConstructed(DerTag.contextConstructed(0), what), what + " permitted");
        }
        if (seq.nextIs(DerTag.contextConstructed(1))) {
            excluded = readSubtrees(seq.readConstructed(DerTag.contextConstructed(1), what), what + " excluded");
        }
        seq.expectEnd(what);
        // CA/B BR section 7.1.2.5.2 and RFC 5280: an empty NameConstraints is not allowed.
        if (permitted.isEmpty() && excluded.isEmpty()) {
            throw in.fail(what + ": neither permitted nor excluded subtrees");
        }
        return new NameConstraints(permitted, excluded);
    }

    private static List<GeneralName> readSubtrees(DerReader subtrees, String what) throws TlsException {
        List<GeneralName> bases = new ArrayList<>();
        while (subtrees.hasRemaining()) {
            DerReader subtree = subtrees.readSequence(what + " subtree");
            GeneralName base = GeneralName.read(subtree, what + " base");
            // RFC 5280: minimum MUST be zero (so absent in DER), maximum MUST be absent.
            if (subtree.hasRemaining()) {
                throw subtree.fail(what + ": minimum/maximum must be absent (RFC 5280 section 4.2.1.10)");
            }
            check(base, subtree, what);
            bases.add(base);
        }
        if (bases.isEmpty()) {
            throw subtrees.fail(what + ": empty GeneralSubtrees");
        }
        return bases;
    }

    private static void check(GeneralName base, DerReader in, String what) throws TlsException {
        if (base instanceof GeneralName.DnsName dns) {
            String d = dns.name().startsWith(".") ? dns.name().substring(1) : dns.name();
            if (!d.isEmpty() && !DnsNames.isValidReferenceName(d)) {
                throw in.fail(what + ": dNSName constraint '" + dns.name() + "' is not a valid domain");
            }
        } else if (base instanceof GeneralName.IpAddress ip) {
            byte[] b = ip.bytes();
            if ((b.length != 8 && b.length != 32) || !isPrefixMask(b, b.length / 2)) {
                throw in.fail(what + ": iPAddress constraint is not an address and a CIDR mask");
            }
        }
    }

    /** Whether the mask (second half) is ones then zeros. */
    private static boolean isPrefixMask(byte[] b, int offset) {
        boolean zeros = false;
        for (int i = offset; i < b.length; i++) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = (b[i] & (1 << bit)) != 0;
                if (one && zeros) {
                    return false;
                }
                zeros |= !one;
            }
        }
        return true;
    }
}
