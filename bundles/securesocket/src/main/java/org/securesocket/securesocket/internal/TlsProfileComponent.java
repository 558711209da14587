package org.securesocket.securesocket.internal;

import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.securesocket.common.TlsException;
import org.securesocket.securesocket.TlsProfile;

/**
 * One named profile per configuration of factory PID {@value TlsProfile#FACTORY_PID}, registered as
 * a {@link TlsProfile} service with the property {@value TlsProfile#NAME}. An invalid configuration
 * is logged and registers nothing; a change re-creates the profile.
 */
@Component(service = {}, configurationPid = TlsProfile.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TlsProfileComponent.Config.class, factory = true)
public final class TlsProfileComponent {
    private static final System.Logger LOG = System.getLogger(PolicyHolder.LOGGER);

    /** Metatype only: {@code protocolVersion_min()} is the key {@code protocolVersion.min}. */
    @ObjectClassDefinition(name = "SecureSocket TLS profile", description = "Named TLS options that applications"
            + " and adapters select by name")
    public @interface Config {
        @AttributeDefinition(description = "The name applications select the profile by")
        String name();

        @AttributeDefinition(description = "PEM or DER files of trusted certificates, added to the TrustStore's")
        String[] certificateFiles() default {};

        @AttributeDefinition(description = "PEM or DER private key file for client authentication (PKCS#8, PKCS#1"
                + " RSA or SEC1 EC; not encrypted)")
        String clientKeyFile() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Must stay empty: encrypted client keys"
                + " are refused (decrypt the key file first)")
        String clientKeyPassword() default "";

        @AttributeDefinition(description = "Client certificate chain files (PEM or DER), leaf first")
        String[] clientCertificateFiles() default {};

        @AttributeDefinition(description = "ALPN protocols in preference order, e.g. h2, http/1.1")
        String[] applicationLayerProtocolNegotiation() default {};

        @AttributeDefinition(description = "Server name for SNI and the certificate check when it differs from the"
                + " host")
        String serverName() default "";

        @AttributeDefinition(name = "tls_max_fragment_length", description = "max_fragment_length to request: 512,"
                + " 1024, 2048, 4096, or 0 for none")
        int tls__max__fragment__length() default 0;

        @AttributeDefinition(description = "Ask for a stapled OCSP response (RFC 6066 section 8); it is exposed on the"
                + " session, not validated yet")
        boolean statusRequest() default false;

        @AttributeDefinition(description = "Lowest version; empty for the policy's")
        String protocolVersion_min() default "";

        @AttributeDefinition(description = "Highest version; empty for the policy's")
        String protocolVersion_max() default "";

        @AttributeDefinition(description = "Validate the server's certificate chain and name")
        boolean verify() default true;
    }

    private ServiceRegistration<TlsProfile> registration;

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        TlsProfile profile;
        try {
            profile = TlsProfile.fromProperties(properties);
        } catch (IllegalArgumentException | TlsException e) {
            LOG.log(System.Logger.Level.ERROR, "configuration " + properties.get("service.pid") + " refused: "
                    + e.getMessage());
            return;
        }
        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(TlsProfile.NAME, profile.name());
        registration = context.registerService(TlsProfile.class, profile, serviceProperties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
