package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.AlertSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.X509PathValidator;

/** The sans-I/O connection driven in memory against a JSSE SSLEngine server. */
class TlsConnectionTest {
    private static TestPki.Issued ca;
    private static SSLContext serverContext;

    private TlsConnection client;
    private SSLEngine server;
    private ByteBuffer toServer;
    private ByteBuffer serverApp;

    @BeforeAll
    static void pki() throws Exception {
        ca = TestPki.selfSigned(TestPki.Spec.named("Engine Test CA").ca(null));
        TestPki.Issued leaf = TestPki.server(TestPki.KeyKind.P256, ca);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", leaf.key(), new char[0], new X509Certificate[] {leaf.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, new char[0]);
        serverContext = SSLContext.getInstance("TLSv1.2");
        serverContext.init(kmf.getKeyManagers(), null, null);
    }

    static TlsConnection newClient(RandomSource random, HandshakePolicy policy) throws Exception {
        JcaTlsCrypto crypto = new JcaTlsCrypto(random);
        ClientConfig config = new ClientConfig(policy, "localhost", "localhost", List.of(), true,
                new InMemoryTrustStore(List.of(Certificate.read(ca.certificate().getEncoded()))),
                new X509PathValidator(crypto, ValidationPolicy.STRICT, Clock.systemUTC()));
        return new TlsConnection(config, crypto, TraceSink.NONE, "test");
    }

    @BeforeEach
    void connect() throws Exception {
        server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        server.setEnabledProtocols(new String[] {"TLSv1.2"});
        toServer = ByteBuffer.allocate(1 << 17);
        serverApp = ByteBuffer.allocate(1 << 17);
        client = newClient(RandomSource.system(), HandshakePolicy.DEFAULT.withCipherSuites(
                List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)));
        client.start();
        server.beginHandshake();
        pump();
        assertTrue(client.isHandshakeComplete());
        assertEquals(SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING, server.getHandshakeStatus());
    }

    /** Moves bytes both ways until neither side has anything left to say. */
    private void pump() throws Exception {
        for (int round = 0; round < 20; round++) {
            boolean progress = false;
            byte[] out = client.takeOutbound();
            if (out.length > 0) {
                toServer.put(out);
                progress = true;
            }
            toServer.flip();
            while (toServer.hasRemaining()) {
                SSLEngineResult r = server.unwrap(toServer, serverApp);
                runTasks();
                if (r.bytesConsumed() == 0) {
                    break;
                }
            }
            toServer.compact();
            ByteBuffer net = ByteBuffer.allocate(1 << 17);
            while (server.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                server.wrap(ByteBuffer.allocate(0), net);
                runTasks();
            }
            net.flip();
            if (net.hasRemaining()) {
                client.receive(net);
                progress = true;
            }
            if (!progress) {
                return;
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = server.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private ByteBuffer serverWrap(byte[] plaintext) throws SSLException {
        ByteBuffer net = ByteBuffer.allocate(1 << 17);
        server.wrap(ByteBuffer.wrap(plaintext), net);
        return net.flip();
    }

    @Test
    void dataFlowsBothWays() throws Exception {
        byte[] hello = "hello server".getBytes(StandardCharsets.US_ASCII);
        client.writePlaintext(hello, 0, hello.length);
        pump();
        serverApp.flip();
        byte[] got = new byte[serverApp.remaining()];
        serverApp.get(got);
        assertArrayEquals(hello, got);

        client.receive(serverWrap("hello client".getBytes(StandardCharsets.US_ASCII)));
        byte[] buf = new byte[100];
        int n = client.readPlaintext(buf, 0, buf.length);
        assertEquals("hello client", new String(buf, 0, n, StandardCharsets.US_ASCII));
        assertEquals("TLSv1.2", client.session().orElseThrow().jdkProtocolName());
        assertTrue(client.session().orElseThrow().extendedMasterSecret());
    }

    @Test
    void endOfInputWithoutCloseNotifyIsTruncation() {
        TlsException e = assertThrows(TlsException.class, client::endOfInput);
        assertEquals(ErrorCode.RECORD_TRUNCATED, e.code());
    }

    @Test
    void closeNotifyEndsTheStreamCleanly() throws Exception {
        server.closeOutbound();
        ByteBuffer net = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
        server.wrap(ByteBuffer.allocate(0), net);
        client.receive(net.flip());
        assertTrue(client.isPeerClosed());
        client.endOfInput();
        client.close();
        assertTrue(client.hasOutbound());
    }

    @Test
    void helloRequestIsRefusedWithANoRenegotiationWarning() throws Exception {
        server.beginHandshake(); // a TLS 1.2 server asks for renegotiation with a HelloRequest
        ByteBuffer net = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
        server.wrap(ByteBuffer.allocate(0), net);
        client.receive(net.flip());
        byte[] answer = client.takeOutbound();
        // one AES-GCM protected alert record: header 5, explicit nonce 8, alert 2, tag 16
        assertEquals(31, answer.length, Arrays.toString(answer));
        assertEquals(21, answer[0]);
        assertTrue(client.isHandshakeComplete());
        assertTrue(client.failure().isEmpty());
    }

    @Test
    void aTamperedRecordIsABadRecordMacAndSendsTheAlert() throws Exception {
        ByteBuffer record = serverWrap("data".getBytes(StandardCharsets.US_ASCII));
        record.put(record.limit() - 1, (byte) (record.get(record.limit() - 1) ^ 1));
        TlsException e = assertThrows(TlsException.class, () -> client.receive(record));
        assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code());
        assertEquals(AlertSource.US, e.alertSource());
        assertEquals(Alert.BAD_RECORD_MAC, e.alert().orElseThrow());
        assertEquals(21, client.takeOutbound()[0]);
        assertThrows(TlsException.class, () -> client.receive(ByteBuffer.allocate(0)), "a failure is final");
    }

    @Test
    void aFixedRandomGivesTheSameClientHello() throws Exception {
        TlsConnection a = newClient(RandomSource.deterministic(7), HandshakePolicy.DEFAULT);
        TlsConnection b = newClient(RandomSource.deterministic(7), HandshakePolicy.DEFAULT);
        TlsConnection c = newClient(RandomSource.deterministic(8), HandshakePolicy.DEFAULT);
        a.start();
        b.start();
        c.start();
        byte[] helloA = a.takeOutbound();
        assertArrayEquals(helloA, b.takeOutbound());
        assertFalse(Arrays.equals(helloA, c.takeOutbound()));
    }
}
