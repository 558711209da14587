package org.securesocket.x509;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.internal.DnsNames;

/**
 * Server identity check of RFC 9525 (which obsoletes RFC 6125): the reference identity is matched
 * against subjectAltName entries only, never the subject CN. DNS names compare case-insensitively
 * as ASCII (IDNs must be given as A-labels); a wildcard is only a whole left-most label
 * ({@code *.example.com}), matches exactly one label, and is refused over fewer than two labels
 * ({@code *.com}). IP addresses match iPAddress entries byte for byte.
 */
public final class HostnameVerifier {
    private HostnameVerifier() {
    }

    /**
     * Checks that the leaf certificate names {@code peerName} (a DNS name, an IPv4 dotted quad or an
     * IPv6 literal).
     *
     * @throws TlsException {@code certificate.hostname_mismatch} naming the certificate's SANs
     */
    public static void verify(Certificate leaf, String peerName) throws TlsException {
        if (!matches(leaf, peerName)) {
            List<GeneralName> sans = leaf.extensions().subjectAltNames();
            String presented = sans.isEmpty() ? "it has no subjectAltName (the CN is not used, RFC 9525)"
                    : "it names " + sans.stream().map(GeneralName::toString).collect(Collectors.joining(", "));
            throw new TlsException(ErrorCode.CERTIFICATE_HOSTNAME_MISMATCH,
                    "certificate '" + leaf + "' is not valid for '" + peerName + "': " + presented);
        }
    }

    /** Whether the leaf certificate names {@code peerName}. */
    public static boolean matches(Certificate leaf, String peerName) {
        byte[] ip = DnsNames.parseIpLiteral(peerName);
        String host = DnsNames.lower(peerName.endsWith(".") ? peerName.substring(0, peerName.length() - 1) : peerName);
        if (ip == null && !DnsNames.isValidReferenceName(host)) {
            return false; // not ASCII LDH: a U-label or garbage never matches
        }
        for (GeneralName name : leaf.extensions().subjectAltNames()) {
            if (ip != null && name instanceof GeneralName.IpAddress address && Arrays.equals(address.bytes(), ip)) {
                return true;
            }
            if (ip == null && name instanceof GeneralName.DnsName dns && dnsMatches(DnsNames.lower(dns.name()), host)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 9525 section 6.3 matching of one presented dNSName against a valid reference name. */
    static boolean dnsMatches(String presented, String reference) {
        if (!DnsNames.isValidPresentedName(presented)) {
            return false;
        }
        if (!presented.startsWith("*.")) {
            return presented.equals(reference);
        }
        String suffix = presented.substring(1); // ".example.com"
        if (suffix.indexOf('.', 1) < 0) {
            return false; // "*.com": a wildcard over a single label, a public-suffix-like name
        }
        int firstDot = reference.indexOf('.');
        return firstDot > 0 && reference.substring(firstDot).equals(suffix);
    }
}
