package org.securesocket.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketFactory;
import org.securesocket.securesocket.TlsProfile;

/**
 * The policy PID and a profile through ConfigurationAdmin, inside Felix, against openssl s_server
 * with a P-256 certificate: each change applies to the next connection; a bad value is refused,
 * logged, and the previous policy stays.
 */
public class ConfigAdminIT extends SecureSocketFramework {
    private static final long WAIT_MILLIS = 10_000;

    @Test
    public void policyAndProfileAreLiveThroughConfigAdmin() throws Exception {
        Path dir = Files.createTempDirectory("config-it");
        OpensslPeer.issueLocalhost(dir, "Config IT CA");
        int port = OpensslPeer.freePort();
        Process server = OpensslPeer.startReversingServer(dir, port, "-alpn", "mqtt");
        // Held open: Config Admin is a service factory, and ungetting it disposes this bundle's instance.
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> adminTracker = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        adminTracker.open();
        ConfigurationAdmin admin = adminTracker.waitForService(WAIT_MILLIS);
        assertNotNull("no ConfigurationAdmin service", admin);
        SecureSocketFactory factory = service(SecureSocketFactory.class);
        Configuration policy = admin.getConfiguration("org.securesocket.tls", "?");
        Configuration profile = admin.getFactoryConfiguration("org.securesocket.tls.profile", "it", "?");
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jul = Logger.getLogger("org.securesocket.tls"); // held: JUL keeps loggers weakly
        jul.addHandler(capture);
        try {
            // A profile made through Config Admin, with the keys a user writes in its .cfg file.
            profile.update(dictionary(Map.of("name", "it-gateway", "certificateFiles",
                    dir.resolve("ca.crt").toString(), "serverName", "localhost",
                    "applicationLayerProtocolNegotiation", "mqtt")));
            awaitProfile("it-gateway");
            try (SecureSocket socket = factory.connect("127.0.0.1", port, "it-gateway")) {
                assertEquals("TLSv1.3", socket.protocol()); // the default policy's maximum
                assertTrue(socket.cipherSuite(), socket.cipherSuite().startsWith("TLS_AES_")
                        || socket.cipherSuite().startsWith("TLS_CHACHA20_"));
                assertEquals("mqtt", socket.applicationProtocol().orElseThrow());
                assertEquals("CN=localhost", socket.peerCertificates().get(0).toString());
                assertNotNull(socket.handshakeTime());
                socket.getOutputStream().write("profile\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("eliforp", OpensslPeer.readLine(socket.getInputStream()));
            }
            // The factory keeps the server's TLS 1.3 tickets (sessionCache.size): the next connection resumes.
            try (SecureSocket socket = factory.connect("127.0.0.1", port, "it-gateway")) {
                assertTrue("the second connection did not resume", socket.resumed());
            }

            // An explicit suite list: the next connection negotiates it.
            String chacha = CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256.ianaName();
            policy.update(dictionary(Map.of("cipherSuites", chacha, "protocolVersion.min", "TLSv1.2")));
            await(() -> factory.policy().cipherSuites().equals(List.of(CipherSuite.valueOf(chacha))), "the suite list");
            try (SecureSocket socket = factory.connect("127.0.0.1", port, "it-gateway")) {
                assertEquals(chacha, socket.cipherSuite());
            }

            // A family off and TLS 1.3 excluded (the families do not touch the TLS 1.3 suites): this server
            // only has an ECDSA certificate, so nothing is left in common.
            policy.update(dictionary(Map.of("ECDHE_ECDSA", "false", "protocolVersion.max", "TLSv1.2")));
            await(() -> factory.policy().cipherSuites().stream().noneMatch(s -> s.name().contains("ECDSA")),
                    "ECDHE_ECDSA=false");
            try (SecureSocket socket = factory.connect("127.0.0.1", port, "it-gateway")) {
                fail("negotiated " + socket.cipherSuite() + " with ECDHE_ECDSA off");
            } catch (TlsException e) {
                assertEquals(e.getMessage(), ErrorCode.HANDSHAKE_ALERT_RECEIVED, e.code());
            }

            // A bad value is refused and logged; the previous policy (ECDHE_ECDSA off) stays.
            String before = factory.policy().toString();
            policy.update(dictionary(Map.of("ECDHE_ECDSA", "true", "minRsaBits", "512")));
            await(() -> logged(logged, "minRsaBits must be between 1024 and 16384, not 512"), "the refusal in the log");
            assertEquals(before, factory.policy().toString());

            // Back to the defaults: deleting the configuration.
            policy.delete();
            await(() -> factory.policy().cipherSuites().equals(HandshakePolicy.DEFAULT.cipherSuites()), "the default policy");
            try (SecureSocket socket = factory.connect("127.0.0.1", port, "it-gateway")) {
                assertEquals("TLSv1.3", socket.protocol());
            }
            profile.delete();
            await(() -> profileServices("it-gateway") == 0, "the profile service to go");
            try {
                factory.connect("127.0.0.1", port, "it-gateway").close();
                fail("a deleted profile was used");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("no TLS profile named 'it-gateway'"));
            }
        } finally {
            jul.removeHandler(capture);
            adminTracker.close();
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static boolean logged(List<LogRecord> records, String text) {
        synchronized (records) {
            return records.stream().anyMatch(r -> r.getMessage().contains(text));
        }
    }

    private int profileServices(String name) {
        try {
            var refs = context.getServiceReferences(TlsProfile.class, "(name=" + name + ")");
            return refs.size();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private void awaitProfile(String name) throws Exception {
        ServiceTracker<TlsProfile, TlsProfile> tracker = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(&(objectClass=" + TlsProfile.class.getName() + ")(name=" + name + "))"),
                null);
        tracker.open();
        try {
            assertNotNull("no TlsProfile service named " + name, tracker.waitForService(WAIT_MILLIS));
        } finally {
            tracker.close();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static Dictionary<String, Object> dictionary(Map<String, Object> map) {
        return new Hashtable<>(map);
    }
}
