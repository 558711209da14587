package org.securesocket.x509.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.Extensions;
import org.securesocket.x509.KeyUsage;
import org.securesocket.x509.PublicKeyInfo;
import org.securesocket.x509.ValidationPolicy;

/**
 * The rules one certificate must meet in a given {@link Role}, whatever the rest of the path:
 * validity at the validation time, no unrecognised critical extension, an acceptable key, and the
 * RFC 5280 section 4 / CA/B Baseline Requirements profile where they are stricter (a CA has a
 * critical basicConstraints and a subjectKeyIdentifier, issued certificates carry an
 * authorityKeyIdentifier, the extensions that must not be critical are not). Trust anchors skip
 * the profile rules old roots predate unless {@link ValidationPolicy#strictTrustAnchors()}.
 */
public final class CertificateProfile {
    private CertificateProfile() {
    }

    /** Names the certificate in a message, formatted only when a rule is broken (its name is not cheap). */
    private record Who(Certificate c, Role role) {
        @Override
        public String toString() {
            return role.name().toLowerCase(Locale.ROOT) + " certificate '" + c + "'";
        }
    }

    /** Checks {@code c} in {@code role} at {@code now}; the first rule broken is thrown. */
    public static void check(Certificate c, Role role, Instant now, ValidationPolicy policy) throws TlsException {
        Who who = new Who(c, role);
        Extensions ext = c.extensions();
        for (Extensions.Extension x : ext.all()) {
            if (x.critical() && !isRecognised(x.oid())) {
                throw new TlsException(ErrorCode.CERTIFICATE_UNSUPPORTED_CRITICAL_EXTENSION,
                        who + " has the critical extension " + x.oid() + ", which this validator does not process");
            }
        }
        if (now.isBefore(c.notBefore())) {
            throw new TlsException(ErrorCode.CERTIFICATE_NOT_YET_VALID, who + " is not valid before " + c.notBefore());
        }
        if (now.isAfter(c.notAfter())) {
            throw new TlsException(ErrorCode.CERTIFICATE_EXPIRED, who + " expired at " + c.notAfter());
        }
        checkKey(c.publicKey(), policy, who);
        // RFC 5280 sections 4.2.1.1, 4.2.1.2, 4.2.2.1: these MUST be non-critical.
        for (String oid : List.of(Oids.AUTHORITY_KEY_IDENTIFIER, Oids.SUBJECT_KEY_IDENTIFIER, Oids.AUTHORITY_INFO_ACCESS)) {
            if (ext.isCritical(oid)) {
                throw malformed(who + " marks " + oid + " critical, which RFC 5280 forbids");
            }
        }
        checkSubjectAltName(c, who);
        if (c.issuer().isEmpty()) {
            throw malformed(who + " has an empty issuer (RFC 5280 section 4.1.2.4)");
        }
        if (role == Role.LEAF) {
            checkLeaf(c, who, policy);
        } else {
            checkCa(c, role, who, policy);
        }
        if (role != Role.ANCHOR) {
            checkIssued(c, who);
        }
    }

    private static boolean isRecognised(String oid) {
        return oid.equals(Oids.KEY_USAGE) || oid.equals(Oids.BASIC_CONSTRAINTS) || oid.equals(Oids.SUBJECT_ALT_NAME)
                || oid.equals(Oids.NAME_CONSTRAINTS) || oid.equals(Oids.EXTENDED_KEY_USAGE)
                || oid.equals(Oids.CERTIFICATE_POLICIES) || oid.equals(Oids.POLICY_CONSTRAINTS)
                || oid.equals(Oids.INHIBIT_ANY_POLICY) || oid.equals(Oids.POLICY_MAPPINGS)
                || oid.equals(Oids.AUTHORITY_KEY_IDENTIFIER) || oid.equals(Oids.SUBJECT_KEY_IDENTIFIER)
                || oid.equals(Oids.AUTHORITY_INFO_ACCESS) || oid.equals(Oids.ISSUER_ALT_NAME)
                || oid.equals(Oids.CRL_DISTRIBUTION_POINTS);
    }

    private static void checkKey(PublicKeyInfo key, ValidationPolicy policy, Who who) throws TlsException {
        if (key.type() == PublicKeyInfo.KeyType.UNSUPPORTED) {
            throw new TlsException(ErrorCode.CERTIFICATE_WEAK_KEY, who + " has an " + key
                    + " (accepted: RSA, EC P-256/P-384/P-521, Ed25519)");
        }
        if ((key.type() == PublicKeyInfo.KeyType.RSA || key.type() == PublicKeyInfo.KeyType.RSA_PSS)
                && key.bits() < policy.minRsaBits()) {
            throw new TlsException(ErrorCode.CERTIFICATE_WEAK_KEY, who + " has a " + key.bits()
                    + "-bit RSA key; policy requires at least " + policy.minRsaBits());
        }
    }

    private static void checkSubjectAltName(Certificate c, Who who) throws TlsException {
        if (c.extensions().get(Oids.SUBJECT_ALT_NAME).isEmpty()) {
            return;
        }
        boolean critical = c.extensions().isCritical(Oids.SUBJECT_ALT_NAME);
        // RFC 5280 section 4.2.1.6 and CA/B BR 7.1.2.7.12: critical exactly when the subject is empty.
        if (c.subject().isEmpty() && !critical) {
            throw malformed(who + " has an empty subject and a non-critical subjectAltName");
        }
        if (!c.subject().isEmpty() && critical) {
            throw malformed(who + " has a subject and a critical subjectAltName");
        }
    }

    private static void checkLeaf(Certificate c, Who who, ValidationPolicy policy) throws TlsException {
        Extensions ext = c.extensions();
        Set<KeyUsage> ku = ext.keyUsage().orElse(Set.of());
        if (ku.contains(KeyUsage.KEY_CERT_SIGN) != c.isCa() && ext.keyUsage().isPresent()) {
            // RFC 5280 sections 4.2.1.3 and 4.2.1.9: keyCertSign exactly when cA (a CA may be the last
            // certificate of a path, but not with inconsistent extensions).
            throw new TlsException(ErrorCode.CERTIFICATE_BAD_KEY_USAGE, who + (c.isCa()
                    ? " asserts basicConstraints cA but its keyUsage lacks keyCertSign"
                    : " asserts keyCertSign without being a CA (basicConstraints cA)"));
        }
        if (ext.nameConstraints().isPresent()) {
            throw new TlsException(ErrorCode.CERTIFICATE_NAME_CONSTRAINTS,
                    who + " carries nameConstraints, which only CA certificates may (RFC 5280 section 4.2.1.10)");
        }
        if (ext.extendedKeyUsage().isPresent()) {
            List<String> eku = ext.extendedKeyUsage().get();
            if (!eku.contains(policy.requiredExtendedKeyUsage())) {
                throw new TlsException(ErrorCode.CERTIFICATE_BAD_EXTENDED_KEY_USAGE,
                        who + " has an extKeyUsage without " + policy.requiredExtendedKeyUsage() + " (it lists " + eku + ")");
            }
            if (eku.contains(Oids.ANY_EXTENDED_KEY_USAGE)) {
                throw new TlsException(ErrorCode.CERTIFICATE_BAD_EXTENDED_KEY_USAGE,
                        who + " lists anyExtendedKeyUsage, forbidden in subscriber certificates (CA/B BR 7.1.2.7.10)");
            }
            if (ext.isCritical(Oids.EXTENDED_KEY_USAGE)) {
                throw new TlsException(ErrorCode.CERTIFICATE_BAD_EXTENDED_KEY_USAGE,
                        who + " marks extKeyUsage critical, forbidden in subscriber certificates (CA/B BR 7.1.2.7.6)");
            }
        }
    }

    private static void checkCa(Certificate c, Role role, Who who, ValidationPolicy policy) throws TlsException {
        Extensions ext = c.extensions();
        if (c.subject().isEmpty()) {
            throw malformed(who + " has an empty subject, which a CA must not (RFC 5280 section 4.1.2.6)");
        }
        if (ext.basicConstraints().isEmpty() || !c.isCa()) {
            throw new TlsException(ErrorCode.CERTIFICATE_NOT_A_CA, who + " issues certificates but is not a CA"
                    + (ext.basicConstraints().isEmpty() ? " (no basicConstraints)" : " (basicConstraints cA is false)"));
        }
        if (ext.keyUsage().isPresent() && !ext.keyUsage().get().contains(KeyUsage.KEY_CERT_SIGN)) {
            throw new TlsException(ErrorCode.CERTIFICATE_BAD_KEY_USAGE,
                    who + " is a CA whose keyUsage lacks keyCertSign (RFC 5280 section 4.2.1.3)");
        }
        // Profile rules some long-trusted roots predate: for anchors only under strictTrustAnchors.
        boolean profiled = role != Role.ANCHOR || policy.strictTrustAnchors();
        if (profiled && !ext.isCritical(Oids.BASIC_CONSTRAINTS)) {
            throw malformed(who + " is a CA with a non-critical basicConstraints (RFC 5280 section 4.2.1.9)");
        }
        if (profiled && ext.subjectKeyIdentifier().isEmpty()) {
            throw malformed(who + " is a CA without subjectKeyIdentifier (RFC 5280 section 4.2.1.2)");
        }
        if (role == Role.ANCHOR) {
            checkAnchor(c, who, policy);
        }
    }

    private static void checkAnchor(Certificate c, Who who, ValidationPolicy policy) throws TlsException {
        Extensions ext = c.extensions();
        if (ext.extendedKeyUsage().isPresent()) {
            throw new TlsException(ErrorCode.CERTIFICATE_BAD_EXTENDED_KEY_USAGE,
                    who + " is a root with an extKeyUsage, which CA/B BR 7.1.2.1.2 forbids");
        }
        if (!c.isSelfIssued() && ext.authorityKeyIdentifier().isEmpty()) {
            throw malformed(who + " is a cross-signed root without authorityKeyIdentifier (RFC 5280 section 4.2.1.1)");
        }
        if (ext.authorityKeyIdentifier().isPresent()) {
            // CA/B BR 7.1.2.1.3: a root's AKI holds keyIdentifier, equal to its SKI, and nothing else.
            Extensions.AuthorityKeyIdentifier aki = ext.authorityKeyIdentifier().get();
            if (aki.keyIdentifier() == null) {
                throw malformed(who + " has an authorityKeyIdentifier without keyIdentifier (CA/B BR 7.1.2.1.3)");
            }
            if (policy.strictTrustAnchors() && (aki.issuer() != null || aki.serial() != null)) {
                throw malformed(who + " has an authorityKeyIdentifier with other fields than keyIdentifier (CA/B BR 7.1.2.1.3)");
            }
            byte[] ski = ext.subjectKeyIdentifier().orElse(null);
            if (c.isSelfIssued() && ski != null && !Arrays.equals(aki.keyIdentifier(), ski)) {
                throw malformed(who + " is self-issued but its authorityKeyIdentifier differs from its subjectKeyIdentifier");
            }
        }
    }

    /** Rules for certificates from the peer; anchors are exempt (old roots predate them). */
    private static void checkIssued(Certificate c, Who who) throws TlsException {
        if (c.version() != 3) {
            throw malformed(who + " is X.509 v" + c.version() + "; only v3 is accepted (CA/B BR 7.1.1)");
        }
        byte[] serial = c.serialNumber();
        // RFC 5280 section 4.1.2.2: positive, at most 20 octets.
        if (serial[0] < 0 || (serial.length == 1 && serial[0] == 0) || serial.length > 20) {
            throw malformed(who + " has a serial number that is not a positive integer of at most 20 octets");
        }
        var authorityKeyIdentifier = c.extensions().authorityKeyIdentifier();
        boolean hasKeyId = authorityKeyIdentifier.isPresent() && authorityKeyIdentifier.get().keyIdentifier() != null;
        if (!hasKeyId && !c.isSelfIssued()) {
            throw malformed(who + " has no authorityKeyIdentifier keyIdentifier (RFC 5280 section 4.2.1.1)");
        }
    }

    private static TlsException malformed(String message) {
        return new TlsException(ErrorCode.CERTIFICATE_MALFORMED, message);
    }
}
