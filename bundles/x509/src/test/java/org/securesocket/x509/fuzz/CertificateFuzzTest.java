package org.securesocket.x509.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.Extensions;
import org.securesocket.x509.HostnameVerifier;

/**
 * Decodes arbitrary bytes as an X.509 certificate and, when that succeeds, reads every decoded
 * part (extensions included) and runs the hostname check, which walks names and SANs again.
 */
class CertificateFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void certificate(byte[] der) {
        Certificate cert;
        try {
            cert = Certificate.read(der);
        } catch (TlsException expected) {
            return;
        }
        cert.subject().toString();
        cert.issuer().toString();
        cert.subject().values("2.5.4.3");
        cert.publicKey().toString();
        cert.isSelfIssued();
        cert.isCa();
        Extensions ext = cert.extensions();
        ext.basicConstraints();
        ext.keyUsage();
        ext.extendedKeyUsage();
        ext.subjectAltNames().forEach(Object::toString);
        ext.subjectKeyIdentifier();
        ext.authorityKeyIdentifier();
        ext.nameConstraints();
        ext.policies();
        ext.authorityInfoAccess();
        ext.crlDistributionPoints();
        cert.toString();
        HostnameVerifier.matches(cert, "www.example.com");
        HostnameVerifier.matches(cert, "192.0.2.1");
        HostnameVerifier.matches(cert, "2001:db8::1");
    }
}
