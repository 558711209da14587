package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.testing.PeerProcess;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.securesocket.testing.TestPki.KeyKind;
import org.securesocket.x509.Certificate;

/**
 * status_request (OCSP stapling) against {@code openssl s_server -status_file}: the response made
 * here with BouncyCastle reaches the session byte for byte, in TLS 1.2 (CertificateStatus) and TLS
 * 1.3 (the leaf CertificateEntry's extension); without the request nothing is stapled.
 */
class StatusRequestInteropTest {
    private static final List<PeerProcess> SERVERS = new ArrayList<>();
    private static Certificate anchor;
    private static Path[] serverFiles;
    private static byte[] ocspResponse;
    private static Path responseFile;

    @BeforeAll
    static void pki() throws Exception {
        Path dir = TestPki.tempDir();
        TestPki.Issued ca = TestPki.selfSigned(TestPki.Spec.named("OCSP Interop CA").ca(null));
        anchor = Certificate.read(ca.certificate().getEncoded());
        TestPki.Issued server = TestPki.server(KeyKind.P256, ca);
        serverFiles = server.write(dir, "server");
        ocspResponse = goodResponse(ca, server.certificate().getSerialNumber());
        responseFile = Files.write(dir.resolve("resp.der"), ocspResponse);
    }

    /** A successful OCSP response (RFC 6960) from the CA itself: the server certificate is good. */
    private static byte[] goodResponse(TestPki.Issued ca, BigInteger serial) throws Exception {
        DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        X509CertificateHolder issuer = new JcaX509CertificateHolder(ca.certificate());
        BasicOCSPResp basic = new JcaBasicOCSPRespBuilder(ca.certificate().getPublicKey(), sha1)
                .addResponse(new CertificateID(sha1, issuer, serial), CertificateStatus.GOOD)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key()),
                        new X509CertificateHolder[] {issuer}, new Date());
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    @AfterAll
    static void stop() throws Exception {
        for (PeerProcess p : SERVERS) {
            p.close();
        }
    }

    @ParameterizedTest(name = "{0} requested {1}")
    @CsvSource({"TLS12, true", "TLS13, true", "TLS12, false", "TLS13, false"})
    void theStapledResponseIsExposed(ProtocolVersion version, boolean requested) throws Exception {
        PeerProcess server = PeerProcess.start(List.of("openssl", "s_server", "-accept", "{port}", "-cert",
                serverFiles[0].toString(), "-key", serverFiles[1].toString(), version == ProtocolVersion.TLS13
                        ? "-tls1_3" : "-tls1_2", "-status_file", responseFile.toString(), "-rev", "-quiet"));
        SERVERS.add(server);
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (SecureSocket socket = SecureSocket.connect(SecureSocketOptions.builder().host("127.0.0.1")
                .port(server.port()).serverName("localhost").policy(HandshakePolicy.DEFAULT.withVersions(version,
                        version)).certificates(List.of(anchor)).timeout(Duration.ofSeconds(10))
                .statusRequest(requested).trace((id, line) -> trace.add(line)).build())) {
            socket.getOutputStream().write("stapled\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertEquals("delpats", InteropMatrixTest.readLine(socket.getInputStream()));
            if (requested) {
                byte[] stapled = socket.stapledOcspResponse().orElseThrow(() -> new AssertionError(trace.toString()));
                assertArrayEquals(ocspResponse, stapled);
                assertEquals(OCSPResp.SUCCESSFUL, new OCSPResp(stapled).getStatus());
                assertTrue(trace.stream().anyMatch(l -> l.contains("stapled OCSP response of " + stapled.length
                        + " bytes (not validated)")), trace::toString);
            } else {
                assertFalse(socket.stapledOcspResponse().isPresent());
            }
        }
    }
}
