package org.securesocket.securesocket.hostile;

import static org.securesocket.securesocket.hostile.Scenarios.expect;
import static org.securesocket.securesocket.hostile.Scenarios.handshakeFails;
import static org.securesocket.securesocket.hostile.Scenarios.options;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.EcdheParameters;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.ServerHelloDone;
import org.securesocket.handshake.ServerKeyExchange;
import org.securesocket.handshake.internal.ScriptedServer;
import org.securesocket.record.ProtocolVersion;

/**
 * The server's hello flight broken one way at a time, over a real socket against our real client:
 * each test asserts the client's error code and the alert it sent back.
 */
class HandshakeAttackTest {
    private final JcaTlsCrypto crypto = new JcaTlsCrypto();

    /** A server sending its hello flight as {@code messages} builds it, then waiting for our alert. */
    private static HostileServer flight(ScriptedServer messages) throws Exception {
        return new HostileServer(messages, peer -> {
            peer.readClientHello();
            peer.send(peer.messages.firstFlight().toArray(new org.securesocket.handshake.HandshakeMessage[0]));
            peer.awaitAlert();
        });
    }

    private void refused(String scenario, ScriptedServer messages, ErrorCode code, Alert alert) throws Exception {
        try (HostileServer server = flight(messages)) {
            expect(scenario, handshakeFails(options(server).build()), server, code, alert);
        }
    }

    @Test
    void versionBelowThePolicy() throws Exception {
        refused("ServerHello selects TLS 1.1 (policy 1.2-1.3)", new ScriptedServer(crypto) {
            @Override
            public ServerHello serverHello() {
                return new ServerHello(0x0302, serverRandom, new byte[0], suite.codepoint(), 0, serverHelloExtensions());
            }
        }, ErrorCode.HANDSHAKE_PROTOCOL_VERSION, Alert.PROTOCOL_VERSION);
    }

    @Test
    void tls13DowngradeSentinel() throws Exception {
        refused("TLS 1.2 ServerHello with the TLS 1.3 downgrade sentinel", new ScriptedServer(crypto) {
            @Override
            public ServerHello serverHello() {
                byte[] random = serverRandom.clone();
                byte[] sentinel = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x01}; // "DOWNGRD" 01, RFC 8446 4.1.3
                System.arraycopy(sentinel, 0, random, 24, 8);
                return new ServerHello(0x0303, random, new byte[0], suite.codepoint(), 0, serverHelloExtensions());
            }
        }, ErrorCode.HANDSHAKE_DOWNGRADE_DETECTED, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void suiteWeDidNotOffer() throws Exception {
        ScriptedServer messages = new ScriptedServer(crypto);
        messages.suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384;
        try (HostileServer server = flight(messages)) {
            TlsException e = handshakeFails(options(server).policy(Scenarios.policy().withCipherSuites(List.of(
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_AES_128_GCM_SHA256))).build());
            expect("ServerHello selects a suite we did not offer", e, server, ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                    Alert.ILLEGAL_PARAMETER);
        }
    }

    @Test
    void groupWeDidNotOffer() throws Exception {
        refused("ServerKeyExchange on secp521r1 (not offered)", new ScriptedServer(crypto) {
            @Override
            public NamedGroup group() {
                return NamedGroup.SECP521R1;
            }
        }, ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void extensionWeDidNotOffer() throws Exception {
        refused("ServerHello with session_ticket (not offered)", withExtension(
                new Extension(ExtensionType.SESSION_TICKET.codepoint(), new byte[0])),
                ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION);
    }

    @Test
    void duplicateExtension() throws Exception {
        refused("ServerHello with renegotiation_info twice", withExtension(ExtensionCodecs.renegotiationInfo(new byte[0])),
                ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER);
    }

    private ScriptedServer withExtension(Extension extra) throws Exception {
        return new ScriptedServer(crypto) {
            @Override
            public List<Extension> serverHelloExtensions() {
                List<Extension> e = new ArrayList<>(super.serverHelloExtensions());
                e.add(extra);
                return e;
            }
        };
    }

    /** A correctly signed ServerKeyExchange whose point is {@code point} on {@code group}. */
    private ScriptedServer withPoint(NamedGroup group, byte[] point) throws Exception {
        return new ScriptedServer(crypto) {
            @Override
            public ServerKeyExchange serverKeyExchange() throws TlsException {
                EcdheParameters unsigned = new EcdheParameters(group.codepoint(), point, 0, new byte[0]);
                byte[] signed = concat(hello.random(), serverRandom, unsigned.params());
                byte[] signature = crypto.createSigner(scheme(), key.getPrivate().getEncoded()).sign(signed);
                return new ServerKeyExchange(new EcdheParameters(group.codepoint(), point, scheme().codepoint(),
                        signature).encode());
            }
        };
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void offCurvePoint() throws Exception {
        byte[] point = crypto.generateKeyShare(NamedGroup.SECP256R1).publicKey();
        point[point.length - 1] ^= 1; // y changed: the point is no longer on P-256
        refused("P-256 ECDHE point off the curve", withPoint(NamedGroup.SECP256R1, point),
                ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void invalidCurvePoint() throws Exception {
        // a valid point of secp256k1 sent as a P-256 share: the invalid-curve attack's input
        byte[] point = ECNamedCurveTable.getParameterSpec("secp256k1").getG().multiply(BigInteger.valueOf(12345))
                .normalize().getEncoded(false);
        refused("secp256k1 point sent as a P-256 share (invalid curve)", withPoint(NamedGroup.SECP256R1, point),
                ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void allZeroX25519Share() throws Exception {
        refused("all-zero X25519 share", withPoint(NamedGroup.X25519, new byte[32]),
                ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void keyExchangeSignedWithAnUnofferedScheme() throws Exception {
        refused("ServerKeyExchange signed with ecdsa_sha1 (not offered)", new ScriptedServer(crypto) {
            @Override
            public SignatureScheme scheme() {
                return SignatureScheme.ECDSA_SHA1;
            }
        }, ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void keyExchangeSignedWithAMismatchedScheme() throws Exception {
        refused("ServerKeyExchange claims rsa_pss_rsae_sha256 for an ECDSA suite", new ScriptedServer(crypto) {
            @Override
            public ServerKeyExchange serverKeyExchange() throws TlsException {
                EcdheParameters p = EcdheParameters.read(super.serverKeyExchange().body(), ProtocolVersion.TLS12);
                return new ServerKeyExchange(new EcdheParameters(p.namedGroup(), p.point(),
                        SignatureScheme.RSA_PSS_RSAE_SHA256.codepoint(), p.signature()).encode());
            }
        }, ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void keyExchangeSignedByAnotherKey() throws Exception {
        ScriptedServer impostor = new ScriptedServer(crypto);
        refused("ServerKeyExchange signed by a key other than the certificate's", new ScriptedServer(crypto) {
            @Override
            public org.securesocket.handshake.CertificateMessage certificateMessage() {
                return impostor.certificateMessage();
            }
        }, ErrorCode.HANDSHAKE_BAD_SIGNATURE, Alert.DECRYPT_ERROR);
    }

    @Test
    void skippedServerKeyExchange() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.readClientHello();
            peer.send(peer.messages.serverHello(), peer.messages.certificateMessage(), new ServerHelloDone());
            peer.awaitAlert();
        })) {
            expect("ServerKeyExchange skipped", handshakeFails(options(server).build()), server,
                    ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, Alert.UNEXPECTED_MESSAGE);
        }
    }

    @Test
    void earlyChangeCipherSpec() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.readClientHello();
            peer.send(peer.messages.serverHello());
            peer.writeChangeCipherSpec(); // CCS injection (CVE-2014-0224): before any key exchange
            peer.awaitAlert();
        })) {
            expect("ChangeCipherSpec right after ServerHello (CCS injection)", handshakeFails(options(server).build()),
                    server, ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, Alert.UNEXPECTED_MESSAGE);
        }
    }

    @Test
    void skippedFinished() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.readClientHello();
            peer.send(peer.messages.firstFlight().toArray(new org.securesocket.handshake.HandshakeMessage[0]));
            peer.receiveClientFinished();
            peer.writeChangeCipherSpec();
            peer.startEncrypting();
            peer.writeApplicationData("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            peer.awaitAlert();
        })) {
            expect("application data instead of the server Finished", handshakeFails(options(server).build()), server,
                    ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, Alert.UNEXPECTED_MESSAGE);
        }
    }

    @Test
    void wrongVerifyData() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.readClientHello();
            peer.send(peer.messages.firstFlight().toArray(new org.securesocket.handshake.HandshakeMessage[0]));
            byte[] verify = peer.receiveClientFinished().verifyData();
            verify[0] ^= 1;
            peer.sendFinished(new org.securesocket.handshake.Finished(verify), Integer.MAX_VALUE);
            peer.awaitAlert();
        })) {
            expect("server Finished with a wrong verify_data", handshakeFails(options(server).build()), server,
                    ErrorCode.HANDSHAKE_BAD_FINISHED, Alert.DECRYPT_ERROR);
        }
    }

    /** RFC 8446 section 4.1.3: a HelloRetryRequest is a ServerHello whose random is SHA-256("HelloRetryRequest"). */
    private static ServerHello helloRetryRequest(ScriptedServer messages, NamedGroup group) throws Exception {
        byte[] random = MessageDigest.getInstance("SHA-256").digest("HelloRetryRequest".getBytes(StandardCharsets.US_ASCII));
        return new ServerHello(0x0303, random, messages.hello.sessionId(), CipherSuite.TLS_AES_128_GCM_SHA256.codepoint(),
                0, List.of(new Extension(ExtensionType.SUPPORTED_VERSIONS.codepoint(), new byte[] {3, 4}),
                        new Extension(ExtensionType.KEY_SHARE.codepoint(),
                                new byte[] {(byte) (group.codepoint() >> 8), (byte) group.codepoint()})));
    }

    @Test
    void secondHelloRetryRequest() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.readClientHello();
            // our first ClientHello carries an x25519 share only: asking for P-384 is a valid retry
            peer.send(helloRetryRequest(peer.messages, NamedGroup.SECP384R1));
            peer.expectHandshake(); // ClientHello2
            peer.send(helloRetryRequest(peer.messages, NamedGroup.SECP384R1));
            peer.awaitAlert();
        })) {
            expect("a second HelloRetryRequest", handshakeFails(options(server).build()), server,
                    ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, Alert.UNEXPECTED_MESSAGE);
        }
    }

    @Test
    void plaintextRecordOverTheLimit() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.readClientHello();
            byte[] record = new byte[5 + (1 << 14) + 1];
            record[0] = 22;
            record[1] = 3;
            record[2] = 3;
            record[3] = (byte) (((1 << 14) + 1) >> 8);
            record[4] = (byte) ((1 << 14) + 1);
            peer.writeRaw(Arrays.copyOf(record, 5)); // the header alone: refused before its body arrives
            peer.awaitAlert();
        })) {
            expect("plaintext record of 2^14 + 1 bytes", handshakeFails(options(server).build()), server,
                    ErrorCode.RECORD_OVERFLOW, Alert.RECORD_OVERFLOW);
        }
    }

    @Test
    void sixteenMegabyteCertificateMessage() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.readClientHello();
            peer.send(peer.messages.serverHello());
            // a Certificate announcing 2^24 - 1 bytes: refused from its 4-byte header, nothing allocated for it
            peer.writeHandshake(new byte[] {11, (byte) 0xff, (byte) 0xff, (byte) 0xff}, Integer.MAX_VALUE);
            peer.awaitAlert();
        })) {
            expect("Certificate message announcing 16 MB", handshakeFails(options(server).build()), server,
                    ErrorCode.RECORD_HANDSHAKE_TOO_LARGE, Alert.ILLEGAL_PARAMETER);
        }
    }
}
