package org.securesocket.x509;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.securesocket.common.TlsException;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.der.DerTag;
import org.securesocket.x509.internal.Oids;

/**
 * The extensions of a certificate (RFC 5280 section 4.2): the raw list, and the ones this stack
 * understands decoded. A recognised extension that does not decode makes the certificate malformed;
 * unrecognised ones are kept, and validation refuses them when critical.
 */
public final class Extensions {

    /** One Extension as encoded. */
    public record Extension(String oid, boolean critical, byte[] value) {
    }

    /** basicConstraints; {@code pathLen} is -1 when absent. */
    public record BasicConstraints(boolean ca, int pathLen) {
    }

    /** authorityKeyIdentifier; absent fields are null. */
    public record AuthorityKeyIdentifier(byte[] keyIdentifier, List<GeneralName> issuer, byte[] serial) {
    }

    /** One AccessDescription of authorityInfoAccess (e.g. caIssuers, OCSP). */
    public record AccessDescription(String method, GeneralName location) {
    }

    /** The extension types this stack recognises; policy ones are parsed but not processed. */
    static final Set<String> RECOGNISED = Set.of(Oids.SUBJECT_KEY_IDENTIFIER, Oids.KEY_USAGE,
            Oids.SUBJECT_ALT_NAME, Oids.ISSUER_ALT_NAME, Oids.BASIC_CONSTRAINTS, Oids.NAME_CONSTRAINTS,
            Oids.CRL_DISTRIBUTION_POINTS, Oids.CERTIFICATE_POLICIES, Oids.AUTHORITY_KEY_IDENTIFIER,
            Oids.EXTENDED_KEY_USAGE, Oids.AUTHORITY_INFO_ACCESS, Oids.POLICY_CONSTRAINTS, Oids.POLICY_MAPPINGS,
            Oids.INHIBIT_ANY_POLICY);

    private final List<Extension> all;
    private BasicConstraints basicConstraints;
    private Set<KeyUsage> keyUsage;
    private List<String> extendedKeyUsage;
    private List<GeneralName> subjectAltNames;
    private byte[] subjectKeyIdentifier;
    private AuthorityKeyIdentifier authorityKeyIdentifier;
    private NameConstraints nameConstraints;
    private List<String> policies;
    private List<AccessDescription> authorityInfoAccess;
    private List<GeneralName> crlDistributionPoints;

    private Extensions(List<Extension> all) {
        this.all = List.copyOf(all);
    }

    static Extensions none() {
        return new Extensions(List.of());
    }

    /** Reads the Extensions SEQUENCE (inside the [3] wrapper) and decodes the recognised ones. */
    static Extensions read(DerReader in) throws TlsException {
        DerReader seq = in.readSequence("extensions");
        List<Extension> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (seq.hasRemaining()) {
            DerReader ext = seq.readSequence("extension");
            String oid = ext.readOid("extension id");
            boolean critical = ext.nextIs(DerTag.BOOLEAN) && ext.readBoolean("extension critical");
            byte[] value = ext.readOctetString("extension " + oid + " value");
            ext.expectEnd("extension " + oid);
            if (!seen.add(oid)) {
                throw in.fail("extension " + oid + " appears twice (RFC 5280 section 4.2)");
            }
            list.add(new Extension(oid, critical, value));
        }
        if (list.isEmpty()) {
            throw in.fail("extensions: empty SEQUENCE (RFC 5280 requires at least one when present)");
        }
        Extensions e = new Extensions(list);
        for (Extension x : list) {
            e.decode(x, new DerReader(x.value(), in.errorCode()));
        }
        return e;
    }

    private void decode(Extension x, DerReader v) throws TlsException {
        String what = name(x.oid());
        switch (x.oid()) {
            case Oids.BASIC_CONSTRAINTS: {
                DerReader s = v.readSequence(what);
                boolean ca = s.nextIs(DerTag.BOOLEAN) && s.readBoolean(what + " cA");
                int pathLen = s.nextIs(DerTag.INTEGER) ? s.readSmallInt(255, what + " pathLenConstraint") : -1;
                s.expectEnd(what);
                basicConstraints = new BasicConstraints(ca, pathLen);
                break;
            }
            case Oids.KEY_USAGE: {
                DerReader.BitString bits = v.readBitString(what);
                EnumSet<KeyUsage> set = EnumSet.noneOf(KeyUsage.class);
                for (KeyUsage k : KeyUsage.values()) {
                    if (bits.bit(k.ordinal())) {
                        set.add(k);
                    }
                }
                keyUsage = Collections.unmodifiableSet(set);
                break;
            }
            case Oids.EXTENDED_KEY_USAGE: {
                DerReader s = v.readSequence(what);
                List<String> oids = new ArrayList<>();
                while (s.hasRemaining()) {
                    oids.add(s.readOid(what + " KeyPurposeId"));
                }
                if (oids.isEmpty()) {
                    throw v.fail(what + ": empty");
                }
                extendedKeyUsage = List.copyOf(oids);
                break;
            }
            case Oids.SUBJECT_ALT_NAME:
                subjectAltNames = GeneralName.readAll(v, what);
                break;
            case Oids.ISSUER_ALT_NAME:
                GeneralName.readAll(v, what);
                break;
            case Oids.SUBJECT_KEY_IDENTIFIER:
                subjectKeyIdentifier = v.readOctetString(what);
                break;
            case Oids.AUTHORITY_KEY_IDENTIFIER:
                authorityKeyIdentifier = readAki(v, what);
                break;
            case Oids.NAME_CONSTRAINTS:
                nameConstraints = NameConstraints.read(v, what);
                break;
            case Oids.CERTIFICATE_POLICIES:
                policies = readPolicies(v, what);
                break;
            case Oids.AUTHORITY_INFO_ACCESS:
                authorityInfoAccess = readAia(v, what);
                break;
            case Oids.CRL_DISTRIBUTION_POINTS:
                crlDistributionPoints = CrlDistributionPoints.read(v, what);
                break;
            case Oids.POLICY_CONSTRAINTS:
            case Oids.POLICY_MAPPINGS:
            case Oids.INHIBIT_ANY_POLICY:
                v.readElement(what); // one well-formed element; policy processing is not done
                break;
            default:
                return; // unrecognised: kept raw, refused by validation when critical
        }
        v.expectEnd(what);
    }

    private static AuthorityKeyIdentifier readAki(DerReader v, String what) throws TlsException {
        DerReader s = v.readSequence(what);
        byte[] keyId = s.nextIs(DerTag.contextPrimitive(0)) ? s.readContents(DerTag.contextPrimitive(0), what) : null;
        List<GeneralName> issuer = null;
        if (s.nextIs(DerTag.contextConstructed(1))) {
            issuer = GeneralName.readUntilEnd(s.readConstructed(DerTag.contextConstructed(1), what), what + " issuer");
        }
        byte[] serial = s.nextIs(DerTag.contextPrimitive(2)) ? s.readContents(DerTag.contextPrimitive(2), what) : null;
        s.expectEnd(what);
        if ((issuer == null) != (serial == null)) {
            throw v.fail(what + ": authorityCertIssuer and authorityCertSerialNumber must appear together");
        }
        return new AuthorityKeyIdentifier(keyId, issuer, serial);
    }

    private static List<String> readPolicies(DerReader v, String what) throws TlsException {
        DerReader s = v.readSequence(what);
        List<String> out = new ArrayList<>();
        while (s.hasRemaining()) {
            DerReader info = s.readSequence(what + " PolicyInformation");
            out.add(info.readOid(what + " policyIdentifier"));
            if (info.hasRemaining()) {
                info.readSequence(what + " policyQualifiers");
            }
            info.expectEnd(what + " PolicyInformation");
        }
        if (out.isEmpty()) {
            throw v.fail(what + ": empty");
        }
        return List.copyOf(out);
    }

    private static List<AccessDescription> readAia(DerReader v, String what) throws TlsException {
        DerReader s = v.readSequence(what);
        List<AccessDescription> out = new ArrayList<>();
        while (s.hasRemaining()) {
            DerReader ad = s.readSequence(what + " AccessDescription");
            String method = ad.readOid(what + " accessMethod");
            GeneralName location = GeneralName.read(ad, what + " accessLocation");
            ad.expectEnd(what + " AccessDescription");
            out.add(new AccessDescription(method, location));
        }
        if (out.isEmpty()) {
            throw v.fail(what + ": empty");
        }
        return List.copyOf(out);
    }

    static String name(String oid) {
        switch (oid) {
            case Oids.BASIC_CONSTRAINTS: return "basicConstraints";
            case Oids.KEY_USAGE: return "keyUsage";
            case Oids.EXTENDED_KEY_USAGE: return "extKeyUsage";
            case Oids.SUBJECT_ALT_NAME: return "subjectAltName";
            case Oids.ISSUER_ALT_NAME: return "issuerAltName";
            case Oids.SUBJECT_KEY_IDENTIFIER: return "subjectKeyIdentifier";
            case Oids.AUTHORITY_KEY_IDENTIFIER: return "authorityKeyIdentifier";
            case Oids.NAME_CONSTRAINTS: return "nameConstraints";
            case Oids.CERTIFICATE_POLICIES: return "certificatePolicies";
            case Oids.AUTHORITY_INFO_ACCESS: return "authorityInfoAccess";
            case Oids.CRL_DISTRIBUTION_POINTS: return "cRLDistributionPoints";
            default: return "extension " + oid;
        }
    }

    /** Every extension, in certificate order. */
    public List<Extension> all() {
        return all;
    }

    /** The extension with this OID. */
    public Optional<Extension> get(String oid) {
        for (Extension x : all) {
            if (x.oid().equals(oid)) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    /** Whether the extension is present and marked critical. */
    public boolean isCritical(String oid) {
        Optional<Extension> x = get(oid);
        return x.isPresent() && x.get().critical();
    }

    public Optional<BasicConstraints> basicConstraints() {
        return Optional.ofNullable(basicConstraints);
    }

    public Optional<Set<KeyUsage>> keyUsage() {
        return Optional.ofNullable(keyUsage);
    }

    /** The KeyPurposeIds, dotted. */
    public Optional<List<String>> extendedKeyUsage() {
        return Optional.ofNullable(extendedKeyUsage);
    }

    public List<GeneralName> subjectAltNames() {
        return subjectAltNames == null ? List.of() : subjectAltNames;
    }

    public Optional<byte[]> subjectKeyIdentifier() {
        return subjectKeyIdentifier == null ? Optional.empty() : Optional.of(subjectKeyIdentifier.clone());
    }

    public Optional<AuthorityKeyIdentifier> authorityKeyIdentifier() {
        return Optional.ofNullable(authorityKeyIdentifier);
    }

    public Optional<NameConstraints> nameConstraints() {
        return Optional.ofNullable(nameConstraints);
    }

    /** The policy OIDs of certificatePolicies; policy processing (RFC 5280 section 6.1.3 d-f) is not done. */
    public List<String> policies() {
        return policies == null ? List.of() : policies;
    }

    public List<AccessDescription> authorityInfoAccess() {
        return authorityInfoAccess == null ? List.of() : authorityInfoAccess;
    }

    /** The fullName locations of every distribution point. */
    public List<GeneralName> crlDistributionPoints() {
        return crlDistributionPoints == null ? List.of() : crlDistributionPoints;
    }
}
