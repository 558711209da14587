package org.securesocket.x509.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.GeneralName;
import org.securesocket.x509.NameConstraints;

/**
 * Applies one CA's NameConstraints to a certificate below it (RFC 5280 sections 4.2.1.10 and
 * 6.1.3 b/c): the subject as a directoryName, its emailAddress attributes as rfc822Names, and every
 * subjectAltName. For each name form the CA constrains, a name must lie in some permitted subtree
 * and in no excluded one; a name form the constraints do not mention is unconstrained. A name
 * that cannot be interpreted under a constraint of its form (a malformed dNSName or iPAddress,
 * an otherName) fails, since it cannot be shown to be permitted.
 */
public final class NameConstraintsChecker {
    private NameConstraintsChecker() {
    }

    /** Most name-against-subtree comparisons for one certificate and one CA (as Go's crypto/x509 bounds them). */
    static final int MAX_COMPARISONS = 1 << 18;

    /** Checks {@code subject}'s names against {@code constraints} of the CA {@code ca}. */
    public static void check(NameConstraints constraints, Certificate ca, Certificate subject) throws TlsException {
        List<GeneralName> names = namesOf(subject);
        long comparisons = (long) names.size() * (constraints.permitted().size() + constraints.excluded().size());
        if (comparisons > MAX_COMPARISONS) {
            throw new TlsException(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, "certificate '" + subject + "' has "
                    + names.size() + " names and CA '" + ca + "' " + (comparisons / names.size())
                    + " name constraints: more comparisons than the " + MAX_COMPARISONS + " allowed");
        }
        for (GeneralName name : names) {
            String verdict = verdict(constraints, name);
            if (verdict != null) {
                throw new TlsException(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS, "certificate '" + subject + "': " + name
                        + " " + verdict + " of the name constraints of CA '" + ca + "'");
            }
        }
    }

    private static List<GeneralName> namesOf(Certificate c) {
        List<GeneralName> names = new ArrayList<>();
        if (!c.subject().isEmpty()) {
            names.add(new GeneralName.DirectoryName(c.subject()));
        }
        for (String email : c.subject().values(Oids.EMAIL_ADDRESS)) {
            names.add(new GeneralName.Rfc822Name(email));
        }
        names.addAll(c.extensions().subjectAltNames());
        return names;
    }

    /** Null when permitted, else why not. */
    private static String verdict(NameConstraints nc, GeneralName name) {
        for (GeneralName base : nc.excluded()) {
            if (sameForm(base, name) && matches(base, name, true)) {
                return "is inside the excluded subtree " + base;
            }
        }
        boolean constrained = false;
        for (GeneralName base : nc.permitted()) {
            if (sameForm(base, name)) {
                constrained = true;
                if (matches(base, name, false)) {
                    return null;
                }
            }
        }
        return constrained ? "is outside every permitted subtree" : null;
    }

    private static boolean sameForm(GeneralName a, GeneralName b) {
        if (a instanceof GeneralName.Other x && b instanceof GeneralName.Other y) {
            return x.tag() == y.tag();
        }
        return a.getClass() == b.getClass();
    }

    /**
     * Whether {@code name} is within {@code base}. For an excluded subtree a name that cannot be
     * interpreted counts as inside (it fails either way); a wildcard name is inside when any name
     * it stands for could be.
     */
    private static boolean matches(GeneralName base, GeneralName name, boolean excluded) {
        if (base instanceof GeneralName.DnsName b && name instanceof GeneralName.DnsName n) {
            String host = DnsNames.lower(n.name());
            if (!DnsNames.isValidPresentedName(host)) {
                return excluded;
            }
            String constraint = DnsNames.lower(b.name());
            if (host.startsWith("*.")) {
                String domain = host.substring(2);
                // "*.d" is inside C when every "x.d" is; for exclusion, when some "x.d" could be.
                return dnsWithin("x." + domain, constraint) || (excluded && isOneLabelBelow(constraint, domain));
            }
            return dnsWithin(host, constraint);
        }
        if (base instanceof GeneralName.IpAddress b && name instanceof GeneralName.IpAddress n) {
            byte[] range = b.bytes();
            byte[] ip = n.bytes();
            if (ip.length != 4 && ip.length != 16) {
                return excluded; // not an address: cannot be shown to be permitted
            }
            if (ip.length * 2 != range.length) {
                return false; // other family
            }
            for (int i = 0; i < ip.length; i++) {
                byte mask = range[ip.length + i];
                if ((ip[i] & mask) != (range[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
        if (base instanceof GeneralName.Rfc822Name b && name instanceof GeneralName.Rfc822Name n) {
            return emailWithin(n.name(), b.name(), excluded);
        }
        if (base instanceof GeneralName.Uri b && name instanceof GeneralName.Uri n) {
            String host = uriHost(n.uri());
            return host == null ? excluded : hostWithin(host, DnsNames.lower(b.uri()));
        }
        if (base instanceof GeneralName.DirectoryName b && name instanceof GeneralName.DirectoryName n) {
            return n.name().isWithin(b.name());
        }
        return excluded; // a form this validator cannot compare
    }

    /** dNSName constraints: the name itself and any subdomain; a leading '.' means subdomains only. */
    private static boolean dnsWithin(String host, String constraint) {
        if (constraint.isEmpty()) {
            return true;
        }
        if (constraint.startsWith(".")) {
            return host.endsWith(constraint);
        }
        return host.equals(constraint) || host.endsWith("." + constraint);
    }

    /** Whether {@code name} is {@code label.domain} for a single label, a name "*.domain" stands for. */
    private static boolean isOneLabelBelow(String name, String domain) {
        int dot = name.indexOf('.');
        return dot > 0 && name.substring(dot + 1).equals(domain);
    }

    /** URI constraints (RFC 5280 section 4.2.1.10): a host exactly, or ".domain" for any host under it. */
    private static boolean hostWithin(String host, String constraint) {
        return constraint.startsWith(".") ? host.endsWith(constraint) : host.equals(constraint);
    }

    /** rfc822Name constraints: a mailbox, every mailbox at a host, or ".domain" for hosts under it. */
    private static boolean emailWithin(String email, String constraint, boolean excluded) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return excluded;
        }
        String host = DnsNames.lower(email.substring(at + 1));
        int cAt = constraint.lastIndexOf('@');
        if (cAt >= 0) {
            return email.substring(0, at).equals(constraint.substring(0, cAt))
                    && host.equals(DnsNames.lower(constraint.substring(cAt + 1)));
        }
        return hostWithin(host, DnsNames.lower(constraint));
    }

    private static String uriHost(String uri) {
        try {
            String host = new URI(uri).getHost();
            return host == null || host.isEmpty() ? null : DnsNames.lower(host);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
