package org.securesocket.x509.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.Extensions;
import org.securesocket.x509.TrustStore;
import org.securesocket.x509.ValidationPolicy;

/**
 * One path-building search (RFC 4158): depth first from the leaf, trying every candidate issuer
 * whose subject is the certificate's issuer (and whose subjectKeyIdentifier fits its
 * authorityKeyIdentifier), trust anchors before the peer's certificates. Each step checks what
 * RFC 5280 section 6.1 checks between a certificate and its issuer. The work is bounded by
 * {@link ValidationPolicy#maxPathBuildingSteps()} and the depth by the intermediate limit; a
 * certificate never appears twice in a path.
 *
 * <p>When no path validates, the failure reported is the one met deepest in the search; a failure
 * to find any candidate issuer is {@code certificate.unknown_issuer}, and at equal depth a real
 * failure of a candidate is preferred to it.
 */
public final class PathSearch {
    private record Candidate(Certificate certificate, boolean anchor) {
    }

    private final TlsCrypto crypto;
    private final ValidationPolicy policy;
    private final Instant now;
    private final TrustStore store;
    private final List<Certificate> pool;
    private final Map<Certificate, Optional<TlsException>> profileChecked = new HashMap<>();
    private int steps;
    private TlsException deepest;
    private int deepestDepth = -1;
    private boolean deepestIsUnknownIssuer;

    public PathSearch(TlsCrypto crypto, ValidationPolicy policy, Instant now, TrustStore store, List<Certificate> pool) {
        this.crypto = crypto;
        this.policy = policy;
        this.now = now;
        this.store = store;
        this.pool = List.copyOf(pool);
    }

    /** The path from {@code leaf} to an anchor, leaf first, or the deepest failure. */
    public List<Certificate> build(Certificate leaf) throws TlsException {
        CertificateProfile.check(leaf, Role.LEAF, now, policy);
        List<Certificate> path = new ArrayList<>();
        path.add(leaf);
        if (store.findBySubject(leaf.subject()).contains(leaf)) {
            return path; // the leaf itself is trusted, byte for byte (a self-signed device certificate)
        }
        if (extend(path)) {
            return path;
        }
        if (steps > policy.maxPathBuildingSteps()) {
            // Nothing may have failed yet when the budget ran out on the way down.
            throw new TlsException(deepest == null ? ErrorCode.CERTIFICATE_UNKNOWN_ISSUER : deepest.code(),
                    "path building for '" + leaf + "' stopped after " + policy.maxPathBuildingSteps()
                    + " candidate issuers without a valid path"
                    + (deepest == null ? "" : "; deepest failure: " + deepest.getMessage()), deepest);
        }
        throw deepest;
    }

    private boolean extend(List<Certificate> path) {
        Certificate top = path.get(path.size() - 1);
        List<Candidate> candidates = candidates(top, path);
        if (candidates.isEmpty()) {
            record(path.size(), store.explainMissingIssuer(top).orElseGet(() -> unknownIssuer(top)), true);
            return false;
        }
        for (Candidate candidate : candidates) {
            if (++steps > policy.maxPathBuildingSteps()) {
                return false;
            }
            try {
                checkIssuer(candidate, path);
            } catch (TlsException e) {
                record(path.size(), e, false);
                continue;
            }
            path.add(candidate.certificate());
            if (candidate.anchor() || extend(path)) {
                return true;
            }
            path.remove(path.size() - 1);
            if (steps > policy.maxPathBuildingSteps()) {
                return false;
            }
        }
        return false;
    }

    private static TlsException unknownIssuer(Certificate top) {
        String aki = top.extensions().authorityKeyIdentifier().map(Extensions.AuthorityKeyIdentifier::keyIdentifier)
                .map(id -> "authorityKeyIdentifier " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(id))
                .orElse("no authorityKeyIdentifier");
        return new TlsException(ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, "no issuer found for certificate '" + top
                + "': no trust anchor, and no certificate of the peer's list outside the path tried, is named '"
                + top.issuer() + "' (" + aki + ")");
    }

    private void record(int depth, TlsException failure, boolean unknownIssuer) {
        if (depth > deepestDepth || (depth == deepestDepth && deepestIsUnknownIssuer && !unknownIssuer)) {
            deepest = failure;
            deepestDepth = depth;
            deepestIsUnknownIssuer = unknownIssuer;
        }
    }

    /**
     * Every certificate named as the issuer: anchors first, then the peer's certificates, those whose
     * subjectKeyIdentifier contradicts the authorityKeyIdentifier last (RFC 4158 section 3.5 uses
     * key identifiers to order candidates, not to discard them).
     */
    private List<Candidate> candidates(Certificate c, List<Certificate> path) {
        byte[] keyId = c.extensions().authorityKeyIdentifier().map(Extensions.AuthorityKeyIdentifier::keyIdentifier)
                .orElse(null);
        Set<Certificate> anchors = new LinkedHashSet<>(store.findBySubject(c.issuer()));
        if (keyId != null) {
            anchors.addAll(store.findByKeyIdentifier(keyId));
        }
        List<Candidate> out = new ArrayList<>();
        for (Certificate a : anchors) {
            if (a.subject().equals(c.issuer())) {
                out.add(new Candidate(a, true));
            }
        }
        for (Certificate i : pool) {
            if (i.subject().equals(c.issuer()) && !path.contains(i) && !anchors.contains(i)) {
                out.add(new Candidate(i, false));
            }
        }
        out.sort(Comparator.comparing(candidate -> !keyIdFits(keyId, candidate.certificate())));
        return out;
    }

    private static boolean keyIdFits(byte[] keyId, Certificate issuer) {
        Optional<byte[]> ski = issuer.extensions().subjectKeyIdentifier();
        return keyId == null || ski.isEmpty() || Arrays.equals(keyId, ski.get());
    }

    /** RFC 5280 section 6.1.3 and 6.1.4 between the top of {@code path} and a candidate issuer. */
    private void checkIssuer(Candidate candidate, List<Certificate> path) throws TlsException {
        Certificate issuer = candidate.certificate();
        Optional<TlsException> profile = profileChecked.computeIfAbsent(issuer, c -> {
            try {
                CertificateProfile.check(c, candidate.anchor() ? Role.ANCHOR : Role.INTERMEDIATE, now, policy);
                return Optional.empty();
            } catch (TlsException e) {
                return Optional.of(e);
            }
        });
        if (profile.isPresent()) {
            throw profile.get();
        }
        // Certificates below the issuer that count for path length: self-issued ones do not (6.1.4 l).
        int below = 0;
        for (int i = 1; i < path.size(); i++) {
            below += path.get(i).isSelfIssued() ? 0 : 1;
        }
        if (!candidate.anchor() && below + (issuer.isSelfIssued() ? 0 : 1) > policy.maxIntermediates()) {
            throw new TlsException(ErrorCode.CERTIFICATE_PATH_LENGTH_EXCEEDED, "the path to '" + path.get(0)
                    + "' would need more than " + policy.maxIntermediates() + " intermediates (at '" + issuer + "')");
        }
        int pathLen = issuer.extensions().basicConstraints().map(Extensions.BasicConstraints::pathLen).orElse(-1);
        if (pathLen >= 0 && below > pathLen) {
            throw new TlsException(ErrorCode.CERTIFICATE_PATH_LENGTH_EXCEEDED, "CA '" + issuer + "' allows "
                    + pathLen + " intermediate(s) below it (pathLenConstraint) but the path has " + below);
        }
        if (!candidate.anchor()) {
            List<String> eku = issuer.extensions().extendedKeyUsage().orElse(null);
            if (eku != null && !eku.contains(policy.requiredExtendedKeyUsage()) && !eku.contains(Oids.ANY_EXTENDED_KEY_USAGE)) {
                throw new TlsException(ErrorCode.CERTIFICATE_BAD_EXTENDED_KEY_USAGE, "intermediate '" + issuer
                        + "' restricts extKeyUsage to " + eku + ", without " + policy.requiredExtendedKeyUsage());
            }
        }
        if (issuer.extensions().nameConstraints().isPresent()) {
            for (int i = 0; i < path.size(); i++) {
                // 6.1.3 b/c: self-issued certificates are exempt unless they are the leaf.
                if (i == 0 || !path.get(i).isSelfIssued()) {
                    NameConstraintsChecker.check(issuer.extensions().nameConstraints().get(), issuer, path.get(i));
                }
            }
        }
        verifySignature(path.get(path.size() - 1), issuer);
    }

    private void verifySignature(Certificate subject, Certificate issuer) throws TlsException {
        SignatureScheme scheme = CertificateSignatures.schemeFor(subject.signatureAlgorithm(), issuer.publicKey(),
                policy, subject.toString());
        byte[] issuerKey = issuer.publicKey().encoded();
        byte[] tbs = subject.tbsCertificate();
        byte[] signature = subject.signature();
        ByteBuffer verified = VerifiedSignatures.key(crypto, scheme, issuerKey, tbs, signature);
        if (VerifiedSignatures.contains(verified)) {
            return; // the same bytes verified before with this key (see VerifiedSignatures)
        }
        boolean valid;
        try {
            valid = crypto.verify(scheme, issuerKey, tbs, signature);
        } catch (TlsException e) {
            if (e.code() != ErrorCode.CRYPTO_INVALID_KEY) {
                throw e;
            }
            throw new TlsException(ErrorCode.CERTIFICATE_BAD_SIGNATURE, "certificate '" + subject
                    + "': the key of '" + issuer + "' cannot verify " + scheme + ": " + e.getMessage(), e);
        }
        if (!valid) {
            throw new TlsException(ErrorCode.CERTIFICATE_BAD_SIGNATURE, "the signature of certificate '" + subject
                    + "' does not verify with the key of '" + issuer + "' (" + scheme + ")");
        }
        VerifiedSignatures.add(verified);
    }
}
