package org.securesocket.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.BooleanSupplier;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.securesocket.itests.consumer.TrustStoreConsumer;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.PathValidator;
import org.securesocket.x509.Transform;
import org.securesocket.x509.TrustStore;

/**
 * The certstore bundle in Felix: its TrustStore service follows Config Admin, and updating the
 * bundle with the test store (certstore/src/teststore, built as the teststore jar) swaps the
 * anchors under running consumers, which are neither reactivated nor disturbed. The consumer is
 * {@link TrustStoreConsumer}, installed in a bundle of its own. The chain valid only under the
 * bundled Mozilla store is ISRG Root X1 itself (a trusted certificate is a valid one-certificate
 * path); the chain valid only under the test store is a leaf of SecureSocket Test Root CA 1.
 */
public class CertStoreIT extends SecureSocketFramework {
    private static final String PID = "org.securesocket.certstore";
    private static final String BSN = "org.securesocket.certstore";
    private static final String ISRG = "CN=ISRG Root X1,O=Internet Security Research Group,C=US";
    private static final long WAIT_MILLIS = TimeUnit.SECONDS.toMillis(SERVICE_TIMEOUT_SECONDS);

    /** Issued by SecureSocket Test Root CA 1 (certstore/src/teststore), valid 2020 to 2098. */
    private static final String TEST_LEAF = ""
            + "-----BEGIN CERTIFICATE-----\n"
            + "MIIB5jCCAYygAwIBAgICEAIwCgYIKoZIzj0EAwIwQzEkMCIGA1UEAwwbU2VjdXJl\n"
            + "U29ja2V0IFRlc3QgUm9vdCBDQSAxMRswGQYDVQQKDBJTZWN1cmVTb2NrZXQgdGVz\n"
            + "dHMwIBcNMjAwMTAxMDAwMDAwWhgPMjA5ODEyMzEyMzU5NTlaMBwxGjAYBgNVBAMM\n"
            + "EXRlc3RzdG9yZS5leGFtcGxlMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE6hA2\n"
            + "/Z4eSQcr9wRgDSGkm2HrdvAjSMbH/35XdoFftn0kzPEwyGUE6eDvZy6nJHilo8S6\n"
            + "jxIMxk8ZmF9RvS6F86OBlDCBkTAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIH\n"
            + "gDATBgNVHSUEDDAKBggrBgEFBQcDATAcBgNVHREEFTATghF0ZXN0c3RvcmUuZXhh\n"
            + "bXBsZTAdBgNVHQ4EFgQU+4fbbZcQ+gkv0jBU1qkrsS7xjO8wHwYDVR0jBBgwFoAU\n"
            + "I03kzmrtGKehqtI9M94AIWMzsUEwCgYIKoZIzj0EAwIDSAAwRQIgT2oiyXV1vhLq\n"
            + "BgQazXSd4zSCpbLr/HPOhn1TACHmNuYCIQDXa+pucwDXBFNsz9qkxfezU/Vh+x8J\n"
            + "53K4AnlqgB+8qg==\n"
            + "-----END CERTIFICATE-----\n";

    /** The framework of every test, and the consumer bundle, built here into a file. */
    @Override
    @Configuration
    public Option[] configuration() {
        Path consumer;
        try (InputStream in = TinyBundles.bundle()
                .addClass(TrustStoreConsumer.class)
                .addResource("OSGI-INF/consumer.xml", CertStoreIT.class.getResource("/consumer/component.xml"))
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .setHeader(Constants.BUNDLE_SYMBOLICNAME, "org.securesocket.itests.consumer")
                .setHeader(Constants.IMPORT_PACKAGE, "org.securesocket.common,org.securesocket.x509")
                .setHeader("Service-Component", "OSGI-INF/consumer.xml")
                .build(TinyBundles.rawBuilder())) {
            consumer = Files.createTempFile("securesocket-consumer", ".jar");
            consumer.toFile().deleteOnExit();
            Files.write(consumer, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the consumer bundle", e);
        }
        List<Option> all = new ArrayList<>(Arrays.asList(super.configuration()));
        all.add(bundle(consumer.toUri().toString()));
        return options(all.toArray(Option[]::new));
    }

    @Test
    public void theStoreFollowsItsConfigurationWithoutReRegistering() throws Exception {
        assertEquals(Bundle.ACTIVE, certstore().getState());
        Consumer consumer = new Consumer();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        try {
            TrustStore store = service(TrustStore.class);
            Certificate isrg = store.anchors().stream().filter(c -> c.subject().toString().equals(ISRG)).findFirst()
                    .orElseThrow(() -> new AssertionError("no ISRG Root X1 in " + store.source()));
            List<byte[]> chain = List.of(isrg.encoded());
            Map<String, Object> before = consumer.apply(chain);
            assertEquals("valid", before.get("result"));
            String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(isrg.encoded()));

            // Held open while the configuration is used: Config Admin invalidates it once released.
            admin.open();
            org.osgi.service.cm.Configuration config = admin.waitForService(WAIT_MILLIS).getConfiguration(PID, "?");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("exclude", new String[] {fingerprint});
            config.update(properties);
            try {
                await(() -> store.findBySubject(isrg.subject()).isEmpty(), "ISRG Root X1 excluded");
                Map<String, Object> excluded = consumer.apply(chain);
                assertEquals("certificate.missing_trust_anchor", excluded.get("result"));
                String message = (String) excluded.get("message");
                assertTrue(message, message.contains("'" + ISRG + "' (SHA-256 " + HexFormat.ofDelimiter(":")
                        .withUpperCase().formatHex(HexFormat.of().parseHex(fingerprint)) + ")"));
                assertTrue(message, message.endsWith(" from the exclude list of the configuration " + PID));
            } finally {
                config.delete();
            }
            await(() -> !store.findBySubject(isrg.subject()).isEmpty(), "ISRG Root X1 trusted again");
            Map<String, Object> after = consumer.apply(chain);
            assertEquals("valid", after.get("result"));
            assertEquals("configuration changes never re-register the store", before.get("bindings"), after.get("bindings"));
            assertEquals(1, after.get("activations"));
        } finally {
            admin.close();
            consumer.close();
        }
    }

    @Test
    public void updatingTheBundleSwapsTheAnchorsUnderRunningConsumers() throws Exception {
        Consumer consumer = new Consumer();
        ServiceReference<PathValidator> validatorBefore = context.getServiceReference(PathValidator.class);
        AtomicInteger consumersUnregistered = new AtomicInteger();
        ServiceListener listener = event -> {
            Object classes = event.getServiceReference().getProperty(Constants.OBJECTCLASS);
            List<String> names = Arrays.asList((String[]) classes);
            if (event.getType() == ServiceEvent.UNREGISTERING && (names.contains(PathValidator.class.getName())
                    || names.contains(Function.class.getName()))) {
                consumersUnregistered.incrementAndGet();
            }
        };
        context.addServiceListener(listener);
        Bundle certstore = certstore();
        try {
            Certificate isrg = service(TrustStore.class).anchors().stream()
                    .filter(c -> c.subject().toString().equals(ISRG)).findFirst().orElseThrow();
            List<byte[]> oldOnly = List.of(isrg.encoded());
            List<byte[]> newOnly = Transform.pemToDer(TEST_LEAF);
            Map<String, Object> before = consumer.apply(oldOnly);
            assertEquals("valid", before.get("result"));
            assertEquals("20230311", before.get("storeVersion"));
            assertEquals("certificate.unknown_issuer", consumer.apply(newOnly).get("result"));
            int bindings = (Integer) before.get("bindings");

            try (InputStream in = Files.newInputStream(Path.of(System.getProperty("securesocket.teststore")))) {
                certstore.update(in);
            }
            await(() -> "valid".equals(consumer.apply(newOnly).get("result")), "the test store's leaf validates");
            Map<String, Object> after = consumer.apply(oldOnly);
            assertEquals("certificate.unknown_issuer", after.get("result"));
            assertEquals("test-1", after.get("storeVersion"));
            assertEquals(Bundle.ACTIVE, certstore.getState());
            assertEquals("the consumer was never reactivated", 1, after.get("activations"));
            assertEquals("the consumer followed the store to its new service", bindings + 1, after.get("bindings"));
            assertEquals("the consumer met no unexpected exception", 0, after.get("unexpected"));
            assertEquals("no consumer service went away", 0, consumersUnregistered.get());
            assertEquals(validatorBefore.getProperty(Constants.SERVICE_ID),
                    context.getServiceReference(PathValidator.class).getProperty(Constants.SERVICE_ID));
        } finally {
            context.removeServiceListener(listener);
            try (InputStream in = Files.newInputStream(RuntimeDirectory.bundles().resolve(BSN + ".jar"))) {
                certstore.update(in);
            }
            await(() -> "20230311".equals(consumer.apply(List.of()).get("storeVersion")), "the bundled store is back");
            consumer.close();
        }
    }

    private Bundle certstore() {
        return Arrays.stream(context.getBundles()).filter(b -> BSN.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + BSN + " bundle:\n" + bundleList()));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + SERVICE_TIMEOUT_SECONDS + " s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The consumer component's service, held for the whole test (as a real user holds it). */
    private final class Consumer implements Function<List<byte[]>, Map<String, Object>> {
        private final ServiceTracker<Function<List<byte[]>, Map<String, Object>>, Function<List<byte[]>, Map<String, Object>>> tracker;
        private final Function<List<byte[]>, Map<String, Object>> service;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Consumer() throws Exception {
            tracker = new ServiceTracker(context, context.createFilter("(securesocket.itest=trust-store-consumer)"), null);
            tracker.open();
            service = tracker.waitForService(WAIT_MILLIS);
            if (service == null) {
                throw new AssertionError("the consumer component did not start:\n" + bundleList());
            }
        }

        @Override
        public Map<String, Object> apply(List<byte[]> chain) {
            return service.apply(chain);
        }

        void close() {
            tracker.close();
        }
    }
}
