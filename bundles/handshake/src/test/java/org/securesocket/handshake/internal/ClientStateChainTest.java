package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CertificateRequest;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.HelloRequest;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.ServerHelloDone;

/** The TLS 1.2 state chain against a scripted server whose every message a test may change. */
class ClientStateChainTest {
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(1));

    private ClientHandshake client(ScriptedServer server, HandshakePolicy policy) throws TlsException {
        ClientConfig config = new ClientConfig(policy, "localhost", null, List.of(), false, null, null);
        ClientHandshake client = new ClientHandshake(config, crypto, server, TraceSink.NONE, "test");
        client.start();
        server.receiveClientHello();
        return client;
    }

    /** Runs a whole handshake; returns the client. */
    private ClientHandshake run(ScriptedServer server) throws Exception {
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        for (HandshakeMessage m : server.firstFlight()) {
            client.handle(server.frame(m));
        }
        Finished serverFinished = server.answerClientFinished();
        client.changeCipherSpec();
        client.handle(server.frame(serverFinished));
        return client;
    }

    private static TlsException fails(ErrorCode code, Executable step) {
        TlsException e = assertThrows(TlsException.class, step);
        assertEquals(code, e.code(), e::toString);
        return e;
    }

    @Test
    void aCompleteHandshake() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = run(server);
        assertTrue(client.isComplete());
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, client.session().orElseThrow().cipherSuite());
        assertEquals(NamedGroup.X25519, client.session().orElseThrow().group());
        assertEquals(1, server.changeCipherSpecsFromClient);
        assertEquals(3, server.fromClient.size(), "ClientHello, ClientKeyExchange, Finished");
    }

    @Test
    void anUnofferedSuiteIsRefused() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT.withCipherSuites(
                List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)));
        fails(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, () -> client.handle(server.frame(server.serverHello())));
    }

    @Test
    void anOlderVersionIsRefused() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        ServerHello tls11 = new ServerHello(0x0302, server.serverRandom, new byte[0], server.suite.codepoint(), 0,
                server.serverHelloExtensions());
        fails(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, () -> client.handle(server.frame(tls11)));
    }

    @Test
    void anUnsolicitedExtensionIsUnsupportedExtension() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto) {
            @Override
            public List<Extension> serverHelloExtensions() {
                List<Extension> e = new ArrayList<>(super.serverHelloExtensions());
                e.add(new Extension(ExtensionType.SESSION_TICKET, new byte[0]));
                return e;
            }
        };
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        TlsException e = fails(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                () -> client.handle(server.frame(server.serverHello())));
        assertEquals(Alert.UNSUPPORTED_EXTENSION, e.alert().orElseThrow());
    }

    @Test
    void withoutSecureRenegotiationOrExtendedMasterSecretTheServerIsRefused() throws Exception {
        for (ExtensionType missing : List.of(ExtensionType.RENEGOTIATION_INFO, ExtensionType.EXTENDED_MASTER_SECRET)) {
            ScriptedServer server = new ScriptedServer(crypto) {
                @Override
                public List<Extension> serverHelloExtensions() {
                    return super.serverHelloExtensions().stream().filter(e -> e.type() != missing.codepoint()).toList();
                }
            };
            ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
            fails(ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY, () -> client.handle(server.frame(server.serverHello())));
        }
    }

    @Test
    void messagesOutOfOrderAreUnexpected() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        client.handle(server.frame(server.serverHello()));
        fails(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, () -> client.handle(server.frame(new ServerHelloDone())));
    }

    @Test
    void anEarlyChangeCipherSpecIsUnexpected() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        client.handle(server.frame(server.serverHello()));
        fails(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, client::changeCipherSpec);
    }

    @Test
    void anUnofferedSignatureSchemeIsAnErrorNeverSkipped() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto) {
            @Override
            public SignatureScheme scheme() {
                return SignatureScheme.ECDSA_SHA1;
            }
        };
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        client.handle(server.frame(server.serverHello()));
        client.handle(server.frame(server.certificateMessage()));
        fails(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, () -> client.handle(server.frame(server.serverKeyExchange())));
    }

    @Test
    void anUnofferedGroupIsRefused() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto) {
            @Override
            public NamedGroup group() {
                return NamedGroup.SECP521R1;
            }
        };
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        client.handle(server.frame(server.serverHello()));
        client.handle(server.frame(server.certificateMessage()));
        fails(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, () -> client.handle(server.frame(server.serverKeyExchange())));
    }

    @Test
    void aSignatureByAnotherKeyIsBadSignature() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ScriptedServer impostor = new ScriptedServer(crypto);
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        client.handle(server.frame(server.serverHello()));
        client.handle(server.frame(impostor.certificateMessage()));
        fails(ErrorCode.HANDSHAKE_BAD_SIGNATURE, () -> client.handle(server.frame(server.serverKeyExchange())));
    }

    @Test
    void aWrongFinishedIsBadFinished() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        for (HandshakeMessage m : server.firstFlight()) {
            client.handle(server.frame(m));
        }
        byte[] verify = server.answerClientFinished().verifyData();
        verify[11] ^= 1;
        client.changeCipherSpec();
        fails(ErrorCode.HANDSHAKE_BAD_FINISHED, () -> client.handle(server.frame(new Finished(verify))));
        assertFalse(client.isComplete());
    }

    @Test
    void aCertificateRequestIsAnsweredWithAnEmptyCertificate() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        List<HandshakeMessage> flight = new ArrayList<>(server.firstFlight());
        flight.add(3, new CertificateRequest(new byte[] {64}, List.of(0x0403), List.of()));
        for (HandshakeMessage m : flight) {
            client.handle(server.frame(m));
        }
        assertEquals(4, server.fromClient.size(), "ClientHello, Certificate, ClientKeyExchange, Finished");
        server.transcript.update(server.fromClient.get(1)); // the empty Certificate
        Finished serverFinished = server.answerClientFinished();
        client.changeCipherSpec();
        client.handle(server.frame(serverFinished));
        assertTrue(client.isComplete());
    }

    @Test
    void helloRequestIsIgnoredDuringTheHandshakeThenRefusedThenFatal() throws Exception {
        ScriptedServer server = new ScriptedServer(crypto);
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        client.handle(new org.securesocket.record.HandshakeFrame(new HelloRequest().encode())); // not hashed
        for (HandshakeMessage m : server.firstFlight()) {
            client.handle(server.frame(m));
        }
        Finished serverFinished = server.answerClientFinished();
        client.changeCipherSpec();
        client.handle(server.frame(serverFinished));
        assertTrue(client.isComplete());

        client.handle(new org.securesocket.record.HandshakeFrame(new HelloRequest().encode()));
        assertEquals(Alert.NO_RENEGOTIATION, server.alertsFromClient.get(0).description());
        assertEquals(org.securesocket.common.AlertLevel.WARNING, server.alertsFromClient.get(0).level());
        fails(ErrorCode.HANDSHAKE_RENEGOTIATION_REFUSED,
                () -> client.handle(new org.securesocket.record.HandshakeFrame(new HelloRequest().encode())));
    }

    /** Hostile input: random corruptions of the server's flight fail with a TlsException, nothing else. */
    @Test
    void corruptedServerMessagesFailOnlyWithTlsException() throws Exception {
        java.util.Random random = new java.util.Random(20261125);
        ScriptedServer server = new ScriptedServer(crypto);
        for (int i = 0; i < 300; i++) {
            ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
            List<HandshakeMessage> flight = server.firstFlight();
            int victim = random.nextInt(flight.size());
            try {
                for (int m = 0; m < flight.size(); m++) {
                    byte[] encoded = flight.get(m).encode();
                    if (m == victim) {
                        encoded = corrupt(encoded, random);
                    }
                    server.transcript.update(encoded);
                    client.handle(new org.securesocket.record.HandshakeFrame(encoded));
                }
            } catch (TlsException expected) {
                continue;
            }
        }
    }

    /** Flips bits in the body, truncates it (fixing the length), or appends a byte; an empty body grows. */
    static byte[] corrupt(byte[] encoded, java.util.Random random) {
        int bodyLength = encoded.length - 4;
        int kind = bodyLength == 0 ? 2 : random.nextInt(3);
        byte[] out = switch (kind) {
            case 0 -> {
                byte[] o = encoded.clone();
                o[4 + random.nextInt(bodyLength)] ^= (byte) (1 + random.nextInt(255));
                yield o;
            }
            case 1 -> java.util.Arrays.copyOf(encoded, 4 + random.nextInt(bodyLength));
            default -> java.util.Arrays.copyOf(encoded, encoded.length + 1);
        };
        int body = out.length - 4;
        out[1] = (byte) (body >>> 16);
        out[2] = (byte) (body >>> 8);
        out[3] = (byte) body;
        return out;
    }
}
