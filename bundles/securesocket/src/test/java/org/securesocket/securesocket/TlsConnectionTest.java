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
import org.securesocket.handshake.KeyLogSink;
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
    /** Every byte the server sent, in order. */
    private final java.io.ByteArrayOutputStream serverOutput = new java.io.ByteArrayOutputStream();

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
        return newClient(random, policy, TraceSink.NONE, KeyLogSink.NONE);
    }

    static TlsConnection newClient(RandomSource random, HandshakePolicy policy, TraceSink trace, KeyLogSink keyLog)
            throws Exception {
        JcaTlsCrypto crypto = new JcaTlsCrypto(random);
        ClientConfig config = new ClientConfig(policy, "localhost", "localhost", List.of(), true,
                new InMemoryTrustStore(List.of(Certificate.read(ca.certificate().getEncoded()))),
                new X509PathValidator(crypto, ValidationPolicy.STRICT, Clock.systemUTC()));
        TlsConnection connection = new TlsConnection(config, crypto, trace, "test");
        connection.keyLog(keyLog);
        return connection;
    }

    @BeforeEach
    void connect() throws Exception {
        handshake(TraceSink.NONE, KeyLogSink.NONE);
    }

    private void handshake(TraceSink trace, KeyLogSink keyLog) throws Exception {
        server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        server.setEnabledProtocols(new String[] {"TLSv1.2"});
        toServer = ByteBuffer.allocate(1 << 17);
        serverApp = ByteBuffer.allocate(1 << 17);
        serverOutput.reset();
        client = newClient(RandomSource.system(), HandshakePolicy.DEFAULT.withCipherSuites(
                List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)), trace, keyLog);
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
            serverOutput.write(net.array(), 0, net.limit());
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
    void recordsAreSealedStraightIntoTheCallersBufferAfterWhatWasQueued() throws Exception {
        byte[] data = new byte[40_000];
        new java.util.Random(1).nextBytes(data);
        byte[] first = "queued first".getBytes(StandardCharsets.US_ASCII);
        client.writePlaintext(first, 0, first.length); // into the outbound queue
        int queued = 5 + 8 + first.length + 16;
        // room for the queued record and two full records: the third waits for the next call
        ByteBuffer wire = ByteBuffer.allocate(queued + 2 * (5 + 8 + 16384 + 16) + 100);
        int sealed = client.writePlaintext(data, 0, data.length, wire);
        assertEquals(2 * 16384, sealed);
        assertFalse(client.hasOutbound());
        assertEquals(queued, 5 + (wire.getShort(3) & 0xffff), "the queued record comes first");
        toServer.put(wire.flip());
        assertEquals(data.length - sealed, client.writePlaintext(data, sealed, data.length - sealed, wire.clear()));
        toServer.put(wire.flip());
        pump();
        byte[] expected = new byte[first.length + data.length];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(data, 0, expected, first.length, data.length);
        assertArrayEquals(expected, Arrays.copyOf(serverApp.array(), serverApp.position()));

        assertThrows(IllegalArgumentException.class, () -> client.writePlaintext(data, 0, 100, ByteBuffer.allocate(50)),
                "a buffer that cannot take one record");
        client.close();
        assertEquals(ErrorCode.IO_CLOSED, assertThrows(TlsException.class,
                () -> client.writePlaintext(data, 0, 1, ByteBuffer.allocate(1 << 16))).code());
    }

    @Test
    void receivedPlaintextGoesStraightIntoTheCallersArrayAndTheRestIsQueued() throws Exception {
        byte[] data = new byte[20_000];
        new java.util.Random(2).nextBytes(data);
        ByteBuffer net = ByteBuffer.allocate(1 << 16);
        ByteBuffer plain = ByteBuffer.wrap(data);
        while (plain.hasRemaining()) { // two records: 16384 and 3616 bytes, one per wrap
            server.wrap(plain, net);
        }
        net.flip();
        byte[] direct = new byte[16_500];
        int n = client.receive(net, direct, 100, 16_400);
        assertEquals(16_400, n);
        assertArrayEquals(Arrays.copyOf(data, 16_400), Arrays.copyOfRange(direct, 100, 16_500));
        assertEquals(data.length - 16_400, client.plaintextAvailable());
        // plaintext is queued: what arrives next goes behind it, not into the array
        assertEquals(0, client.receive(serverWrap(new byte[] {1, 2, 3}), direct, 0, direct.length));
        byte[] rest = new byte[data.length];
        int got = client.readPlaintext(rest, 0, rest.length);
        assertEquals(data.length - 16_400 + 3, got);
        assertArrayEquals(Arrays.copyOfRange(data, 16_400, data.length), Arrays.copyOf(rest, data.length - 16_400));
        assertThrows(IndexOutOfBoundsException.class, () -> client.receive(ByteBuffer.allocate(0), direct, 1, direct.length));
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

    @Test
    void theTraceNamesEveryMessageOfAFullHandshakeAndTheKeyLogDecryptsTheServersRecords() throws Exception {
        List<String> trace = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> keyLog = new java.util.concurrent.CopyOnWriteArrayList<>();
        handshake((id, line) -> trace.add(line), (label, random, secret) -> keyLog.add(KeyLogFile.line(label, random,
                secret)));
        String[] expected = {"offering ", "-> client_hello", "<- server_hello TLS", "<- certificate: CN=localhost validated",
            "<- server_key_exchange", "<- server_hello_done", "-> client_key_exchange", "-> finished",
            "<- change_cipher_spec", "<- finished", "FINISHED: TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"};
        int at = 0;
        for (String line : trace) {
            if (at < expected.length && line.startsWith(expected[at])) {
                at++;
            }
        }
        assertEquals(expected.length, at, "the trace lacks '" + (at < expected.length ? expected[at] : "") + "' in "
                + trace);
        assertTrue(trace.get(trace.size() - 1).contains(" EMS ALPN - peer CN=localhost"), trace.toString());

        assertEquals(1, keyLog.size(), keyLog.toString());
        String[] fields = keyLog.get(0).split(" ");
        assertEquals("CLIENT_RANDOM", fields[0]);
        java.util.HexFormat hex = java.util.HexFormat.of();
        byte[] clientRandom = hex.parseHex(fields[1]);
        byte[] masterSecret = hex.parseHex(fields[2]);
        assertEquals(32, clientRandom.length);
        assertEquals(48, masterSecret.length);
        for (String line : trace) {
            assertFalse(line.toLowerCase(java.util.Locale.ROOT).contains(fields[2]), "a secret in the trace: " + line);
        }

        // RFC 5246 section 6.3: the server's keys from the logged master secret decrypt what it sent after its CCS
        byte[] wire = serverOutput.toByteArray();
        byte[] serverRandom = Arrays.copyOfRange(wire, 11, 43); // record header 5, handshake header 4, version 2
        CipherSuite suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        JcaTlsCrypto crypto = new JcaTlsCrypto();
        int keyLength = suite.aead().keyLength();
        int ivLength = suite.fixedIvLength();
        byte[] seed = Arrays.copyOf(serverRandom, 64);
        System.arraycopy(clientRandom, 0, seed, 32, 32);
        byte[] block = org.securesocket.crypto.Prf.tls12(crypto, suite.prfHash(), masterSecret, "key expansion", seed,
                2 * (keyLength + ivLength));
        byte[] serverKey = Arrays.copyOfRange(block, keyLength, 2 * keyLength);
        byte[] serverIv = Arrays.copyOfRange(block, 2 * keyLength + ivLength, 2 * keyLength + 2 * ivLength);
        int ccs = 0;
        while (wire[ccs] != 20) {
            ccs += 5 + ((wire[ccs + 3] & 0xff) << 8 | (wire[ccs + 4] & 0xff));
        }
        ByteBuffer afterCcs = ByteBuffer.allocate(1 << 16).put(wire, ccs + 6, wire.length - ccs - 6)
                .put(serverWrap("decrypted with the key log".getBytes(StandardCharsets.US_ASCII))).flip();
        org.securesocket.record.RecordReader reader = new org.securesocket.record.RecordReader();
        reader.setVersion(org.securesocket.record.ProtocolVersion.TLS12);
        reader.setProtection(org.securesocket.record.RecordProtection.tls12Aead(crypto, suite.aead(), serverKey,
                serverIv));
        assertTrue(reader.read(afterCcs) instanceof org.securesocket.record.HandshakeFrame, "the server's Finished");
        org.securesocket.record.ApplicationData data =
                (org.securesocket.record.ApplicationData) reader.read(afterCcs);
        assertEquals("decrypted with the key log", new String(data.data().array(), data.data().arrayOffset()
                + data.data().position(), data.data().remaining(), StandardCharsets.US_ASCII));
    }
}
