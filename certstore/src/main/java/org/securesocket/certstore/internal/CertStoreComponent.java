package org.securesocket.certstore.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.DistinguishedName;
import org.securesocket.x509.TrustStore;

/**
 * The {@link TrustStore} service: a thin shell over {@link CertStore} with the roots of this bundle
 * and the selection of Config Admin PID {@value CertStore#PID}. A configuration change swaps the
 * store in place (the next validation uses it; the service is not re-registered); updating this
 * bundle re-registers the service, which consumers follow with a dynamic greedy reference.
 */
@Component(service = TrustStore.class, configurationPid = CertStore.PID)
@Designate(ocd = CertStoreComponent.Config.class)
public final class CertStoreComponent implements TrustStore {
    private static final System.Logger LOG = System.getLogger(CertStoreComponent.class.getName());

    @ObjectClassDefinition(name = "SecureSocket certificate store",
            description = "Which trust anchors the TrustStore service holds: bundled roots (ca0 ... caN) and your own")
    public @interface Config {
        @AttributeDefinition(description = "Bundled roots to trust, by number (ca12) or SHA-256 fingerprint"
                + " (several per value, comma-separated, are accepted); empty trusts every bundled root")
        String[] include() default {};

        @AttributeDefinition(description = "Bundled roots not to trust, by number (ca12) or SHA-256 fingerprint")
        String[] exclude() default {};

        @AttributeDefinition(description = "Paths of PEM or DER files with additional anchors (private CAs),"
                + " e.g. etc/my-ca.pem")
        String[] additionalAnchors() default {};

        @AttributeDefinition(description = "Leave out bundled roots whose validity has ended")
        boolean rejectExpiredAnchors() default true;
    }

    private BundledRoots roots;
    private volatile CertStore store;

    @Activate
    void activate(Config config) throws IOException, TlsException {
        roots = BundledRoots.load();
        configure(config);
        String expired = roots.index().entries().stream().filter(e -> e.expiredAt(Clock.systemUTC().instant()))
                .map(e -> e.name() + " (" + e.subject() + ", expired " + e.notAfter() + ")")
                .collect(Collectors.joining(", "));
        if (!expired.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "certificate store " + roots.index().version() + ": bundled roots past"
                    + " their validity" + (config.rejectExpiredAnchors() ? ", not trusted" : "") + ": " + expired);
        }
    }

    @Modified
    void configure(Config config) throws IOException, TlsException {
        List<Certificate> additional = new ArrayList<>();
        for (String file : items(config.additionalAnchors())) {
            additional.addAll(CertificateFiles.read(Path.of(file)));
        }
        store = new CertStore(roots, new Selection(items(config.include()), items(config.exclude()), additional,
                config.rejectExpiredAnchors()), Clock.systemUTC().instant());
    }

    /** The values of a list property, also accepting one comma-separated string (as Karaf .cfg files write lists). */
    static List<String> items(String[] values) {
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }

    @Override
    public List<Certificate> findBySubject(DistinguishedName subject) {
        return store.findBySubject(subject);
    }

    @Override
    public List<Certificate> findByKeyIdentifier(byte[] keyIdentifier) {
        return store.findByKeyIdentifier(keyIdentifier);
    }

    @Override
    public List<Certificate> anchors() {
        return store.anchors();
    }

    @Override
    public String source() {
        return store.source();
    }

    @Override
    public String version() {
        return store.version();
    }

    @Override
    public Optional<TlsException> explainMissingIssuer(Certificate certificate) {
        return store.explainMissingIssuer(certificate);
    }
}
