package org.securesocket.x509;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.x509.internal.PathSearch;

/**
 * The {@link PathValidator}: signatures through a {@link TlsCrypto}, validity at the injected
 * {@link Clock}'s instant, rules from a {@link ValidationPolicy}. Thread-safe and cheap to build.
 * Certificate policies (RFC 5280 section 6.1.3 d-f) are parsed but not processed, as for an
 * initial-policy-set of anyPolicy without explicit-policy; revocation is not checked.
 */
public final class X509PathValidator implements PathValidator {
    /** Most certificates accepted in a peer's list: far above any real chain. */
    public static final int MAX_PEER_CERTIFICATES = 32;

    private final TlsCrypto crypto;
    private final ValidationPolicy policy;
    private final Clock clock;

    public X509PathValidator(TlsCrypto crypto, ValidationPolicy policy, Clock clock) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ValidatedPath validate(List<byte[]> certificates, TrustStore trustStore, String peerName) throws TlsException {
        checkCount(certificates.size());
        List<Certificate> parsed = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            try {
                parsed.add(Certificate.read(certificates.get(i)));
            } catch (TlsException e) {
                throw new TlsException(e.code(), "certificate " + i + " of the peer's list: " + e.getMessage(), e);
            }
        }
        return validateCertificates(parsed, trustStore, peerName);
    }

    /** As {@link #validate}, for certificates already decoded. */
    public ValidatedPath validateCertificates(List<Certificate> certificates, TrustStore trustStore, String peerName)
            throws TlsException {
        checkCount(certificates.size());
        PathSearch search = new PathSearch(crypto, policy, clock.instant(), trustStore,
                certificates.subList(1, certificates.size()));
        ValidatedPath path = new ValidatedPath(search.build(certificates.get(0)));
        if (peerName != null) {
            HostnameVerifier.verify(path.leaf(), peerName);
        }
        return path;
    }

    private static void checkCount(int count) throws TlsException {
        if (count == 0) {
            throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED, "the peer sent no certificate");
        }
        if (count > MAX_PEER_CERTIFICATES) {
            throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED, "the peer sent " + count
                    + " certificates; at most " + MAX_PEER_CERTIFICATES + " are accepted");
        }
    }
}
