package org.securesocket.benchmarks.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.Pem;

/**
 * The certificates {@code benchmarks/run} generated with openssl: two CAs ({@code ca-ec.pem} P-256,
 * {@code ca-rsa.pem} RSA-2048) and their server leaves for {@code localhost} ({@code ec.pem}/{@code ec.key},
 * {@code rsa.pem}/{@code rsa.key}, and the same as {@code ec.p12}/{@code rsa.p12} for the JSSE server).
 */
final class Pki {
    static final String PASSWORD = "changeit";
    static final String[] CAS = {"ca-ec.pem", "ca-rsa.pem"};

    private final Path dir;

    Pki(Path dir) {
        this.dir = dir;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** The two CAs, for our client. */
    List<Certificate> anchors() throws IOException {
        List<Certificate> out = new ArrayList<>();
        for (String name : CAS) {
            try {
                for (Pem.Block block : Pem.decode(Files.readString(dir.resolve(name)))) {
                    out.add(Certificate.read(block.der()));
                }
            } catch (TlsException e) {
                throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The two CAs as a trust store, for the JSSE and BCJSSE clients. */
    KeyStore trustStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (String name : CAS) {
            try (InputStream in = Files.newInputStream(dir.resolve(name))) {
                store.setCertificateEntry(name, (X509Certificate) factory.generateCertificate(in));
            }
        }
        return store;
    }
}
