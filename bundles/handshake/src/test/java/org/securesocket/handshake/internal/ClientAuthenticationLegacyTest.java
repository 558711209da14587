package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CertificateMessage;
import org.securesocket.handshake.CertificateRequest;
import org.securesocket.handshake.CertificateVerify;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.handshake.EcdheParameters;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.ServerKeyExchange;
import org.securesocket.handshake.WireReader;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;

/**
 * TLS 1.0/1.1 client authentication against the scripted server (RFC 2246/4346 section 7.4.8): an RSA
 * key signs MD5 || SHA-1 of the messages without DigestInfo, an ECDSA key signs SHA-1 (RFC 4492
 * section 5.8), the message has no scheme field; both signatures are checked with the JDK directly,
 * not with the provider that made them, and the handshake then finishes.
 */
class ClientAuthenticationLegacyTest {
    private static final CipherSuite SUITE = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA;
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(4));
    private final List<String> trace = new ArrayList<>();

    /** A TLS 1.0 or 1.1 ECDHE-ECDSA server: ServerKeyExchange signed with ECDSA over SHA-1, no scheme field. */
    private ScriptedServer server(ProtocolVersion version) throws Exception {
        ScriptedServer server = new ScriptedServer(crypto) {
            @Override
            public ServerHello serverHello() {
                return new ServerHello(version.wire(), serverRandom, new byte[0], SUITE.codepoint(), 0,
                        serverHelloExtensions());
            }

            @Override
            public ServerKeyExchange serverKeyExchange() throws TlsException {
                share = crypto.generateKeyShare(group());
                byte[] params = new EcdheParameters(group().codepoint(), share.publicKey(), -1, new byte[0]).params();
                byte[] signed = Tls12KeySchedule.concat(Tls12KeySchedule.concat(hello.random(), serverRandom), params);
                byte[] signature = crypto.createSigner(SignatureScheme.ECDSA_SHA1, key.getPrivate().getEncoded())
                        .sign(signed);
                return new ServerKeyExchange(new EcdheParameters(group().codepoint(), share.publicKey(), -1, signature)
                        .encode());
            }
        };
        server.suite = SUITE;
        return server;
    }

    private List<byte[]> answer(ScriptedServer server, ClientHandshake client, byte[] types)
            throws Exception {
        List<HandshakeMessage> flight = new ArrayList<>(server.firstFlight());
        flight.add(3, new CertificateRequest(types, List.of(), List.of()));
        for (HandshakeMessage m : flight) {
            client.handle(server.frame(m));
        }
        return server.fromClient.subList(1, server.fromClient.size());
    }

    private ClientHandshake client(ScriptedServer server, ClientCredentials credentials) throws Exception {
        ClientConfig config = new ClientConfig(HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS10,
                ProtocolVersion.TLS11), "localhost", null, List.of(), false, null, null, null, credentials);
        ClientHandshake client = new ClientHandshake(config, crypto, server, (id, line) -> trace.add(line), "legacy");
        client.start();
        server.receiveClientHello();
        return client;
    }

    @ParameterizedTest
    @CsvSource({"TLS10, RSA", "TLS11, RSA", "TLS10, EC", "TLS11, EC"})
    void certificateVerifySignsTheMessagesWithoutASchemeField(ProtocolVersion version, String keyType)
            throws Exception {
        ClientCredentials credentials = ClientAuthentication12Test.credentials(keyType);
        ScriptedServer server = server(version);
        ClientHandshake client = client(server, credentials);
        List<byte[]> flight = answer(server, client, new byte[] {1, 64});
        assertEquals(4, flight.size(), "Certificate, ClientKeyExchange, CertificateVerify, Finished");
        assertArrayEquals(credentials.certificateChain().get(0),
                CertificateMessage.read(WireReader.of(new HandshakeFrame(flight.get(0)).body())).certificates().get(0));
        byte[] body = Arrays.copyOfRange(flight.get(2), 4, flight.get(2).length);
        CertificateVerify verify = CertificateVerify.read(WireReader.of(body), version);
        assertEquals(CertificateVerify.NO_SCHEME, verify.scheme());
        assertEquals(2 + verify.signature().length, body.length, "the signature vector alone");

        byte[] signed = messages(server, flight.subList(0, 2));
        PublicKey key = KeyFactory.getInstance(keyType).generatePublic(new X509EncodedKeySpec(
                Certificate.read(credentials.certificateChain().get(0)).publicKey().encoded()));
        if (keyType.equals("RSA")) {
            // PKCS#1 v1.5 type 1 opened with the public key: the bare 36-byte MD5 || SHA-1, no DigestInfo
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.DECRYPT_MODE, key);
            assertArrayEquals(md5Sha1(signed), rsa.doFinal(verify.signature()));
        } else {
            Signature ecdsa = Signature.getInstance("SHA1withECDSA");
            ecdsa.initVerify(key);
            ecdsa.update(signed);
            assertTrue(ecdsa.verify(verify.signature()));
        }
        finish(version, server, client, flight);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"TLS10", "TLS11"})
    void anEd25519KeyHasNoLegacyFormAndSendsAnEmptyCertificate(ProtocolVersion version) throws Exception {
        ScriptedServer server = server(version);
        ClientHandshake client = client(server, ClientAuthentication12Test.credentials("Ed25519"));
        List<byte[]> flight = answer(server, client, new byte[] {1, 64});
        assertEmptyCertificate(version, server, client, flight);
        assertTrue(trace.stream().anyMatch(l -> l.contains("ED25519 client key cannot sign a " + version)),
                trace::toString);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"TLS10", "TLS11"})
    void anRsaKeyWhereOnlyEcdsaSignIsAskedSendsAnEmptyCertificate(ProtocolVersion version) throws Exception {
        ScriptedServer server = server(version);
        ClientHandshake client = client(server, ClientAuthentication12Test.credentials("RSA"));
        List<byte[]> flight = answer(server, client, new byte[] {64});
        assertEmptyCertificate(version, server, client, flight);
        assertTrue(trace.stream().anyMatch(l -> l.contains("certificate types [ecdsa_sign], not rsa_sign")),
                trace::toString);
    }

    private void assertEmptyCertificate(ProtocolVersion version, ScriptedServer server, ClientHandshake client,
            List<byte[]> flight) throws Exception {
        assertEquals(3, flight.size(), "Certificate, ClientKeyExchange, Finished");
        assertEquals(List.of(), CertificateMessage.read(WireReader.of(new HandshakeFrame(flight.get(0)).body()))
                .certificates());
        finish(version, server, client, flight);
    }

    /** ClientHello, the server's messages, then {@code clientMessages}: the handshake_messages signed. */
    private static byte[] messages(ScriptedServer server, List<byte[]> clientMessages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(server.fromClient.get(0));
        server.toClient.forEach(out::writeBytes);
        clientMessages.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] md5Sha1(byte[] data) throws Exception {
        return Tls12KeySchedule.concat(MessageDigest.getInstance("MD5").digest(data),
                MessageDigest.getInstance("SHA-1").digest(data));
    }

    /** Checks the client's Finished over the MD5 || SHA-1 transcript (CertificateVerify included) and answers. */
    private void finish(ProtocolVersion version, ScriptedServer server, ClientHandshake client, List<byte[]> flight)
            throws Exception {
        byte[] cke = flight.get(1);
        byte[] sessionHash = md5Sha1(messages(server, flight.subList(0, 2)));
        byte[] pms = server.share.agree(ClientKeyExchange.read(WireReader.of(new HandshakeFrame(cke).body()),
                ClientKeyExchange.Form.ECDH_POINT).exchangeKeys());
        Tls12KeySchedule keys = Tls12KeySchedule.derive(crypto, version, SUITE, pms, sessionHash, server.hello.random(),
                server.serverRandom);
        byte[] fin = flight.get(flight.size() - 1);
        assertTrue(keys.checkVerifyData("client finished", md5Sha1(messages(server, flight.subList(0, flight.size() - 1))),
                Finished.read(WireReader.of(new HandshakeFrame(fin).body())).verifyData()));
        byte[] serverVerify = keys.verifyData("server finished", md5Sha1(messages(server, flight)));
        client.changeCipherSpec();
        client.handle(server.frame(new Finished(serverVerify)));
        assertTrue(client.isComplete());
    }
}
