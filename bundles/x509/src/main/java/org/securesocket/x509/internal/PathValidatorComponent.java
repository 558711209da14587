package org.securesocket.x509.internal;

import java.time.Clock;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.x509.PathValidator;
import org.securesocket.x509.TrustStore;
import org.securesocket.x509.ValidatedPath;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.X509PathValidator;

/**
 * The {@link PathValidator} service: a thin shell over {@link X509PathValidator} with the system
 * clock, the crypto provider currently registered (replaced at runtime without a restart) and the
 * policy from Config Admin (strict defaults without a configuration).
 */
@Component(service = PathValidator.class, configurationPid = PathValidatorComponent.PID)
@Designate(ocd = PathValidatorComponent.Config.class)
public final class PathValidatorComponent implements PathValidator {
    public static final String PID = "org.securesocket.x509.validation";

    @ObjectClassDefinition(name = "SecureSocket certificate validation",
            description = "Policy for validating peer certificate chains")
    public @interface Config {
        @AttributeDefinition(description = "Most intermediates a chain may hold (self-issued ones excepted)")
        int maxIntermediates() default ValidationPolicy.DEFAULT_MAX_INTERMEDIATES;

        @AttributeDefinition(description = "Smallest RSA modulus accepted, in bits")
        int minRsaBits() default ValidationPolicy.DEFAULT_MIN_RSA_BITS;

        @AttributeDefinition(description = "Accept SHA-1 certificate signatures (MD5 is never accepted)")
        boolean allowSha1Signatures() default false;

        @AttributeDefinition(description = "Also hold trust anchors to the RFC 5280 / CA/B root profile"
                + " (critical basicConstraints, subjectKeyIdentifier, keyIdentifier-only AKI)")
        boolean strictTrustAnchors() default false;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TlsCrypto crypto;

    private volatile ValidationPolicy policy = ValidationPolicy.STRICT;

    @Activate
    @Modified
    void configure(Config config) {
        policy = ValidationPolicy.STRICT.withMaxIntermediates(config.maxIntermediates())
                .withMinRsaBits(config.minRsaBits()).withAllowSha1Signatures(config.allowSha1Signatures())
                .withStrictTrustAnchors(config.strictTrustAnchors());
    }

    @Override
    public ValidatedPath validate(List<byte[]> certificates, TrustStore trustStore, String peerName) throws TlsException {
        return new X509PathValidator(crypto, policy, Clock.systemUTC()).validate(certificates, trustStore, peerName);
    }
}
