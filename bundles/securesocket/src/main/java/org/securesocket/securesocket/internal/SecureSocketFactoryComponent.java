package org.securesocket.securesocket.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketFactory;
import org.securesocket.securesocket.TlsPolicyConfig;
import org.securesocket.securesocket.TlsProfile;
import org.securesocket.x509.TrustStore;

/**
 * The {@link SecureSocketFactory} service: a thin shell over {@link ConfiguredFactory} with the policy
 * of PID {@value TlsPolicyConfig#PID} (live: a change applies to the next handshake), the
 * highest-ranked TlsCrypto, the TrustStore (dynamic, greedy, optional: absent while the certstore is
 * updated) and the registered {@link TlsProfile} services, looked up by name at each connect. Immediate: the configuration is checked (and a refusal
 * logged) when it arrives, not at the first use, and the policy outlives periods without users.
 */
@Component(service = SecureSocketFactory.class, configurationPid = TlsPolicyConfig.PID, immediate = true,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecureSocketFactoryComponent.Config.class)
public final class SecureSocketFactoryComponent implements SecureSocketFactory {
    private static final System.Logger TRACE = System.getLogger("org.securesocket.trace");

    /** Metatype only: {@code DHE__RSA()} is the key {@code DHE_RSA}, {@code protocolVersion_min()} is {@code protocolVersion.min}. */
    @ObjectClassDefinition(name = "SecureSocket TLS policy", description = "What every TLS client connection of the"
            + " stack may negotiate; a change applies to the next handshake, an invalid value is refused (logged)"
            + " and the previous policy stays")
    public @interface Config {
        @AttributeDefinition(description = "Lowest version: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3, or a wire value such"
                + " as 0x303; below TLSv1.2 the CBC family is on unless set to false")
        String protocolVersion_min() default "TLSv1.2";

        @AttributeDefinition(description = "Highest version; empty for the highest the stack supports")
        String protocolVersion_max() default "";

        @AttributeDefinition(name = "DHE_RSA", description = "Offer the finite-field DHE_RSA suites (the server's"
                + " prime must have at least minDhBits bits)")
        boolean DHE__RSA() default false;

        @AttributeDefinition(name = "ECDHE_RSA", description = "Offer the ECDHE_RSA suites")
        boolean ECDHE__RSA() default true;

        @AttributeDefinition(name = "ECDHE_ECDSA", description = "Offer the ECDHE_ECDSA suites")
        boolean ECDHE__ECDSA() default true;

        @AttributeDefinition(description = "Offer the static-RSA key exchange suites (no forward secrecy)")
        boolean RSA() default false;

        /** A string, not a boolean: unset must stay possible, so that the lowest version decides. */
        @AttributeDefinition(description = "Offer the CBC suites (MAC-then-encrypt, or encrypt_then_mac when the"
                + " server agrees); unset: on exactly when the lowest version is below TLSv1.2", required = false,
                options = {@Option(label = "as the lowest version needs", value = ""), @Option(label = "on",
                    value = "true"), @Option(label = "off", value = "false")})
        String CBC() default "";

        @AttributeDefinition(description = "Explicit suites by IANA name, in preference order (only the families"
                + " set to false filter them); empty: the table in its order, filtered by the families")
        String[] cipherSuites() default {};

        @AttributeDefinition(description = "Groups in preference order, e.g. x25519, secp256r1, secp384r1")
        String[] namedGroups() default {};

        @AttributeDefinition(description = "Signature schemes in preference order, e.g. ecdsa_secp256r1_sha256,"
                + " rsa_pss_rsae_sha256")
        String[] signatureSchemes() default {};

        @AttributeDefinition(description = "Smallest RSA modulus in bits (1024..16384)")
        int minRsaBits() default 2048;

        @AttributeDefinition(description = "Smallest DHE prime in bits (1024..8192), for the DHE suites once they"
                + " exist")
        int minDhBits() default 2048;

        @AttributeDefinition(description = "Servers whose sessions (TLS 1.3 tickets, TLS 1.2 sessions) are kept for resumption (least recently used forgotten; 0: none)")
        int sessionCache_size() default 100;

        @AttributeDefinition(description = "Seconds a ticket or TLS 1.2 session may be used at most (the server's lifetime applies when shorter)")
        long sessionCache_lifetime() default 86400;

        @AttributeDefinition(description = "Milliseconds for connect plus handshake (1..600000)")
        long handshakeTimeout() default 30000;

        @AttributeDefinition(description = "Log every connection's handshake trace (logger org.securesocket.trace)")
        boolean trace() default false;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TlsCrypto crypto;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TrustStore trustStore;

    private final PolicyHolder policy = new PolicyHolder();
    private volatile BundleContext context;
    private final ConfiguredFactory factory = new ConfiguredFactory(policy::current, () -> crypto,
            () -> trustStore, this::profile,
            (connection, line) -> TRACE.log(System.Logger.Level.INFO, "[" + connection + "] " + line));

    @Activate
    void activate(BundleContext bundleContext, Map<String, Object> properties) {
        context = bundleContext;
        configure(properties);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        policy.update(properties);
    }

    /** The registered profile of this name (the highest-ranked if several), looked up at each connect. */
    private TlsProfile profile(String name) {
        try {
            Collection<ServiceReference<TlsProfile>> refs = context.getServiceReferences(TlsProfile.class,
                    "(" + TlsProfile.NAME + "=" + name.replaceAll("([\\\\*()])", "\\\\$1") + ")");
            ServiceReference<TlsProfile> best = refs.stream().max(Comparator.naturalOrder()).orElse(null);
            if (best == null) {
                return null;
            }
            try {
                return context.getService(best);
            } finally {
                context.ungetService(best);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("the profile name '" + name + "' cannot be looked up: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public HandshakePolicy policy() {
        return factory.policy();
    }

    @Override
    public SecureSocket connect(String host, int port, Map<String, ?> options) throws IOException {
        return factory.connect(host, port, options);
    }

    @Override
    public SecureSocket connect(String host, int port, String profileName) throws IOException {
        return factory.connect(host, port, profileName);
    }
}
