package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CertificateMessage;
import org.securesocket.handshake.CertificateRequest;
import org.securesocket.handshake.CertificateVerify;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.WireReader;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;

/**
 * TLS 1.2 client authentication against the scripted server: which chain and scheme are chosen for a
 * CertificateRequest, the message order, and a CertificateVerify that verifies over the transcript.
 */
class ClientAuthentication12Test {
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(2));
    private final List<String> trace = new ArrayList<>();

    static ClientCredentials credentials(String keyType) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(keyType.startsWith("EC") ? "EC" : keyType);
        String signature = switch (keyType) {
            case "RSA" -> "SHA256withRSA";
            case "Ed25519" -> "Ed25519";
            default -> "SHA256withECDSA";
        };
        if (keyType.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else if (keyType.equals("EC384")) {
            g.initialize(new ECGenParameterSpec("secp384r1"));
        } else if (keyType.equals("RSA")) {
            g.initialize(2048);
        }
        KeyPair key = g.generateKeyPair();
        byte[] der = new JcaX509v3CertificateBuilder(new X500Name("CN=client"), BigInteger.TWO,
                new Date(System.currentTimeMillis() - 86_400_000L), new Date(System.currentTimeMillis() + 86_400_000L),
                new X500Name("CN=client"), key.getPublic())
                .build(new JcaContentSignerBuilder(signature).build(key.getPrivate())).getEncoded();
        return ClientCredentials.forKey(List.of(der), key.getPrivate().getEncoded());
    }

    private ClientHandshake client(ScriptedServer server, ClientCredentials credentials) throws Exception {
        ClientConfig config = new ClientConfig(HandshakePolicy.DEFAULT, "localhost", null, List.of(), false, null, null,
                null, credentials);
        ClientHandshake client = new ClientHandshake(config, crypto, server, (id, line) -> trace.add(line), "test");
        client.start();
        server.receiveClientHello();
        return client;
    }

    /** Runs the server's flight with {@code request} after the key exchange; returns the client's messages after the hello. */
    private List<byte[]> answer(ScriptedServer server, ClientHandshake client, CertificateRequest request)
            throws Exception {
        List<HandshakeMessage> flight = new ArrayList<>(server.firstFlight());
        flight.add(3, request);
        for (HandshakeMessage m : flight) {
            client.handle(server.frame(m));
        }
        return server.fromClient.subList(1, server.fromClient.size());
    }

    /** Checks the client's flight as a server would and finishes the handshake. */
    private void finish(ScriptedServer server, ClientHandshake client, List<byte[]> flight) throws Exception {
        byte[] cke = flight.get(1);
        server.transcript.update(flight.get(0));
        server.transcript.update(cke);
        byte[] sessionHash = server.transcript.currentDigest();
        for (byte[] m : flight.subList(2, flight.size() - 1)) {
            server.transcript.update(m); // CertificateVerify is hashed before Finished
        }
        byte[] pms = server.share.agree(ClientKeyExchange.read(WireReader.of(new HandshakeFrame(cke).body()),
                ClientKeyExchange.Form.ECDH_POINT).exchangeKeys());
        Tls12KeySchedule keys = Tls12KeySchedule.derive(crypto, ProtocolVersion.TLS12, server.suite, pms, sessionHash,
                server.hello.random(), server.serverRandom);
        byte[] fin = flight.get(flight.size() - 1);
        assertTrue(keys.checkVerifyData("client finished", server.transcript.currentDigest(),
                Finished.read(WireReader.of(new HandshakeFrame(fin).body())).verifyData()));
        server.transcript.update(fin);
        client.changeCipherSpec();
        client.handle(server.frame(new Finished(keys.verifyData("server finished", server.transcript.currentDigest()))));
        assertTrue(client.isComplete());
    }

    private static CertificateRequest request(byte[] types, Integer... schemes) {
        return new CertificateRequest(types, List.of(schemes), List.of());
    }

    @ParameterizedTest
    @CsvSource({"RSA, RSA_PSS_RSAE_SHA256", "EC, ECDSA_SECP256R1_SHA256", "Ed25519, ED25519"})
    void theChainIsSentAndCertificateVerifySignsTheTranscript(String keyType, SignatureScheme expected)
            throws Exception {
        ClientCredentials credentials = credentials(keyType);
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, credentials);
        List<byte[]> flight = answer(server, client, request(new byte[] {1, 64}, 0x0201, 0x0403, 0x0804, 0x0401,
                0x0807));
        assertEquals(4, flight.size(), "Certificate, ClientKeyExchange, CertificateVerify, Finished");
        CertificateMessage certificate = CertificateMessage.read(WireReader.of(new HandshakeFrame(flight.get(0)).body()));
        assertEquals(1, certificate.certificates().size());
        assertArrayEquals(credentials.certificateChain().get(0), certificate.certificates().get(0));
        ClientKeyExchange.read(WireReader.of(new HandshakeFrame(flight.get(1)).body()), ClientKeyExchange.Form.ECDH_POINT);
        CertificateVerify verify = CertificateVerify.read(WireReader.of(new HandshakeFrame(flight.get(2)).body()), ProtocolVersion.TLS12);
        assertEquals(expected.codepoint(), verify.scheme());
        // RFC 5246 section 7.4.8: every handshake message up to, not including, CertificateVerify
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(server.fromClient.get(0));
        server.toClient.forEach(signed::writeBytes);
        signed.writeBytes(flight.get(0));
        signed.writeBytes(flight.get(1));
        byte[] spki = Certificate.read(credentials.certificateChain().get(0)).publicKey().encoded();
        assertTrue(crypto.verify(expected, spki, signed.toByteArray(), verify.signature()));
        finish(server, client, flight);
    }

    @Test
    void thePkcs1SchemeIsUsedWhenTheServerAcceptsNoPss() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, credentials("RSA"));
        List<byte[]> flight = answer(server, client, request(new byte[] {1}, 0x0401, 0x0403));
        assertEquals(SignatureScheme.RSA_PKCS1_SHA256.codepoint(),
                CertificateVerify.read(WireReader.of(new HandshakeFrame(flight.get(2)).body()), ProtocolVersion.TLS12).scheme());
        finish(server, client, flight);
    }

    @Test
    void aKeyOfATypeNotAskedForSendsAnEmptyCertificate() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, credentials("EC"));
        List<byte[]> flight = answer(server, client, request(new byte[] {1}, 0x0403, 0x0804));
        assertEmptyCertificateWithoutVerify(server, client, flight);
        assertTrue(trace.stream().anyMatch(l -> l.contains("certificate types [rsa_sign], not ecdsa_sign")), trace::toString);
    }

    @Test
    void noSchemeInCommonSendsAnEmptyCertificate() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, credentials("EC384"));
        List<byte[]> flight = answer(server, client, request(new byte[] {64}, 0x0403, 0x0807));
        assertEmptyCertificateWithoutVerify(server, client, flight);
        assertTrue(trace.stream().anyMatch(l -> l.contains("accepts none of our client key's schemes")), trace::toString);
    }

    @Test
    void withoutCredentialsTheCertificateIsEmptyAndTheCaNamesAreTraced() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, null);
        byte[] name = Certificate.read(server.certificate).subject().encoded();
        List<byte[]> flight = answer(server, client, new CertificateRequest(new byte[] {64}, List.of(0x0403),
                List.of(name, new byte[] {0x30, 0x05})));
        assertEmptyCertificateWithoutVerify(server, client, flight);
        assertTrue(trace.stream().anyMatch(l -> l.contains("CAs [CN=localhost, (malformed name")), trace::toString);
        assertTrue(trace.stream().anyMatch(l -> l.contains("no client certificate is configured")), trace::toString);
    }

    private void assertEmptyCertificateWithoutVerify(ScriptedServer server, ClientHandshake client, List<byte[]> flight)
            throws Exception {
        assertEquals(3, flight.size(), "Certificate, ClientKeyExchange, Finished");
        assertEquals(List.of(), CertificateMessage.read(WireReader.of(new HandshakeFrame(flight.get(0)).body()))
                .certificates());
        finish(server, client, flight);
    }
}
