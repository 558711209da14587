package org.securesocket.securesocket.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.securesocket.securesocket.hostile.Scenarios.expect;
import static org.securesocket.securesocket.hostile.Scenarios.fails;
import static org.securesocket.securesocket.hostile.Scenarios.handshakeFails;
import static org.securesocket.securesocket.hostile.Scenarios.options;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.AlertLevel;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.internal.ScriptedServer;
import org.securesocket.handshake.internal.ScriptedServer13;
import org.securesocket.record.AlertMessage;
import org.securesocket.record.RecordReader;
import org.securesocket.securesocket.SecureSocket;

/**
 * The record layer and the transport under a hostile or failing server, after (or instead of) a
 * correct handshake: fragmentation, corruption, floods, renegotiation, truncation, resets, a
 * trickling server, and concurrent use of one connection.
 */
class TransportFaultTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] GO = "go".getBytes(StandardCharsets.US_ASCII);

    /** A correct handshake, then waits for the client's "go": what follows never arrives with the Finished. */
    private static void connectedAndReady(Peer peer) throws Exception {
        peer.handshake();
        peer.readApplicationData(GO.length);
    }

    /** Connects to {@code server} and says "go". */
    private static SecureSocket connectAndGo(HostileServer server) throws Exception {
        SecureSocket socket = SecureSocket.connect(options(server).build());
        socket.getOutputStream().write(GO);
        return socket;
    }

    private static byte[] readFully(InputStream in, int length) throws Exception {
        byte[] b = new byte[length];
        int at = 0;
        while (at < length) {
            int n = in.read(b, at, length - at);
            if (n < 0) {
                throw new AssertionError("the stream ended after " + at + " of " + length + " bytes");
            }
            at += n;
        }
        return b;
    }

    @Test
    void everyHandshakeMessageInOneByteRecords() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.handshake(1);
            byte[] ping = peer.readApplicationData(4);
            for (byte b : ping) {
                peer.writeApplicationData(new byte[] {b});
            }
            peer.awaitAlert();
        }); SecureSocket socket = SecureSocket.connect(options(server).build())) {
            assertEquals("TLSv1.2", socket.protocol());
            socket.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertEquals("ping", new String(readFully(socket.getInputStream(), 4), StandardCharsets.US_ASCII));
            socket.close();
            assertEquals(AlertMessage.CLOSE_NOTIFY, server.result(Scenarios.WAIT).alert());
            System.out.println("| every handshake message in 1-byte records | succeeds | close_notify at the end |");
        }
    }

    @Test
    void badRecordMac() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            connectedAndReady(peer);
            byte[] record = peer.sealApplicationData(HELLO);
            record[record.length - 1] ^= 1; // a bit of the AEAD tag
            peer.writeRaw(record);
            peer.awaitAlert();
        }); SecureSocket socket = connectAndGo(server)) {
            TlsException e = fails(() -> socket.getInputStream().read());
            expect("application data record with a corrupted tag", e, server, ErrorCode.RECORD_BAD_RECORD_MAC,
                    Alert.BAD_RECORD_MAC);
        }
    }

    @Test
    void cbcBadPadding() throws Exception {
        ScriptedServer messages = new ScriptedServer(new JcaTlsCrypto());
        messages.suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256;
        try (HostileServer server = new HostileServer(messages, peer -> {
            connectedAndReady(peer);
            byte[] record = peer.sealApplicationData(HELLO);
            // CBC: the last byte of the next-to-last block XORs into the last plaintext byte, the padding length
            record[record.length - 17] ^= 1;
            peer.writeRaw(record);
            peer.awaitAlert();
        })) {
            SecureSocket socket = SecureSocket.connect(options(server).policy(Scenarios.policy().withCipherSuites(
                    List.of(messages.suite, CipherSuite.TLS_AES_128_GCM_SHA256))).build());
            socket.getOutputStream().write(GO);
            TlsException e = fails(() -> socket.getInputStream().read());
            socket.close();
            expect("CBC record whose padding length byte was flipped (MAC-then-encrypt)", e, server,
                    ErrorCode.RECORD_BAD_RECORD_MAC, Alert.BAD_RECORD_MAC);
        }
    }

    @Test
    void protectedRecordOverTheLimit() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            connectedAndReady(peer);
            int length = (1 << 14) + 2048 + 1; // RFC 5246 section 6.2.3: TLSCiphertext is at most 2^14 + 2048
            peer.writeRaw(new byte[] {23, 3, 3, (byte) (length >> 8), (byte) length});
            peer.awaitAlert();
        }); SecureSocket socket = connectAndGo(server)) {
            TlsException e = fails(() -> socket.getInputStream().read());
            expect("protected record header announcing 2^14 + 2048 + 1 bytes", e, server, ErrorCode.RECORD_OVERFLOW,
                    Alert.RECORD_OVERFLOW);
        }
    }

    @Test
    void endlessWarningAlerts() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            connectedAndReady(peer);
            for (int i = 0; i < 1000; i++) {
                peer.writeAlert(new AlertMessage(AlertLevel.WARNING, Alert.USER_CANCELED));
            }
            peer.awaitAlert();
        }); SecureSocket socket = connectAndGo(server)) {
            TlsException e = fails(() -> socket.getInputStream().read());
            expect("1,000 warning alerts (bounded at " + RecordReader.MAX_NON_ADVANCING_RECORDS + ")", e, server,
                    ErrorCode.RECORD_UNEXPECTED_MESSAGE, Alert.UNEXPECTED_MESSAGE);
        }
    }

    @Test
    void helloRequestIsRefusedThenFatal() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            connectedAndReady(peer);
            peer.writeHelloRequest();
            peer.writeApplicationData(HELLO);
            AlertMessage first = peer.awaitAlert();
            if (!new AlertMessage(AlertLevel.WARNING, Alert.NO_RENEGOTIATION).equals(first)) {
                throw new AssertionError("the first HelloRequest must be refused with a no_renegotiation warning: "
                        + first);
            }
            peer.writeHelloRequest();
            peer.awaitAlert();
        }); SecureSocket socket = connectAndGo(server)) {
            assertArrayEquals(HELLO, readFully(socket.getInputStream(), HELLO.length), "data flows on after the refusal");
            TlsException e = fails(() -> socket.getInputStream().read());
            expect("a second HelloRequest (the first got a no_renegotiation warning)", e, server,
                    ErrorCode.HANDSHAKE_RENEGOTIATION_REFUSED, Alert.HANDSHAKE_FAILURE);
        }
    }

    @Test
    void truncationWithoutCloseNotify() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.handshake();
            peer.writeApplicationData(HELLO);
            peer.shutdownOutput(); // FIN, no close_notify
            peer.awaitAlert();
        }); SecureSocket socket = SecureSocket.connect(options(server).build())) {
            assertArrayEquals(HELLO, readFully(socket.getInputStream(), HELLO.length));
            TlsException e = fails(() -> socket.getInputStream().read());
            socket.close();
            expect("EOF without close_notify after the handshake", e, server, ErrorCode.RECORD_TRUNCATED, null, null);
        }
    }

    @Test
    void resetDuringTheHandshake() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.readClientHello();
            peer.send(peer.messages.serverHello(), peer.messages.certificateMessage());
            peer.reset();
        })) {
            expect("TCP reset after ServerHello, Certificate", handshakeFails(options(server).build()), server,
                    ErrorCode.IO_CLOSED, null, null);
        }
    }

    @Test
    void resetDuringTheTransfer() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.handshake();
            peer.writeApplicationData(HELLO);
            peer.readApplicationData(2); // the client has read it
            peer.reset();
        }); SecureSocket socket = SecureSocket.connect(options(server).build())) {
            assertArrayEquals(HELLO, readFully(socket.getInputStream(), HELLO.length));
            socket.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
            TlsException e = fails(() -> socket.getInputStream().read());
            expect("TCP reset in the middle of the transfer", e, server, ErrorCode.IO_CLOSED, null, null);
        }
    }

    @Test
    void oneBytePerSecondHitsTheHandshakeTimeout() throws Exception {
        Duration timeout = Duration.ofSeconds(2);
        try (HostileServer server = new HostileServer(peer -> {
            peer.readClientHello();
            byte[] flight = peer.sealHandshake(peer.messages.serverHello());
            try {
                for (int i = 0; i < 4; i++) {
                    peer.writeRaw(new byte[] {flight[i]});
                    Thread.sleep(1000);
                }
            } catch (java.io.IOException clientGone) {
                // the client gave up, as it must
            }
            peer.awaitAlert();
        })) {
            long start = System.nanoTime();
            TlsException e = handshakeFails(options(server).policy(Scenarios.policy().withHandshakeTimeout(timeout))
                    .build());
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsed >= timeout.toMillis() - 50 && elapsed < timeout.toMillis() + 1500,
                    "the handshake timeout fires on time, whatever trickles in: " + elapsed + " ms");
            expect("ServerHello at one byte per second (2 s handshake timeout)", e, server, ErrorCode.IO_TIMEOUT,
                    null, null);
        }
    }

    @Test
    void tls13HandshakeInOneByteRecords() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            peer.handshake13(new ScriptedServer13(peer.messages), 1);
            peer.writeApplicationData(peer.readApplicationData(GO.length));
            peer.awaitAlert();
        }); SecureSocket socket = connectAndGo(server)) {
            assertEquals("TLSv1.3", socket.protocol());
            assertArrayEquals(GO, readFully(socket.getInputStream(), GO.length));
            socket.close();
            assertEquals(AlertMessage.CLOSE_NOTIFY, server.result(Scenarios.WAIT).alert());
            System.out.println("| TLS 1.3: every handshake message in 1-byte records | succeeds | close_notify at the end |");
        }
    }

    @Test
    void keyUpdateFlood() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            ScriptedServer13 server13 = new ScriptedServer13(peer.messages);
            peer.handshake13(server13, Integer.MAX_VALUE);
            peer.readApplicationData(GO.length);
            for (int i = 0; i < 1000; i++) {
                peer.writeKeyUpdate(server13);
            }
            peer.awaitAlert();
        }); SecureSocket socket = connectAndGo(server)) {
            TlsException e = fails(() -> socket.getInputStream().read());
            expect("TLS 1.3: 1,000 KeyUpdates in a row (bounded at " + RecordReader.MAX_NON_ADVANCING_RECORDS + ")",
                    e, server, ErrorCode.RECORD_UNEXPECTED_MESSAGE, Alert.UNEXPECTED_MESSAGE);
        }
    }

    /**
     * One thread writes while another reads, on one connection, with a HelloRequest in the middle
     * (the reading thread then writes an alert): every byte comes back intact and in order. The
     * server echoes through small buffers, so the writing thread often blocks until the server can
     * write, which it can only once the reading thread reads: a reader waiting for the writer would
     * deadlock here.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 30, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void concurrentReadsAndWritesKeepTheData() throws Exception {
        int total = 16 << 20;
        byte[] data = new byte[total];
        new Random(15).nextBytes(data);
        try (HostileServer server = new HostileServer(new ScriptedServer(new JcaTlsCrypto()), peer -> {
            peer.handshake();
            int echoed = 0;
            boolean asked = false;
            while (echoed < total) {
                Object m = peer.next();
                if (m instanceof Peer.Received r) {
                    peer.writeApplicationData(r.data());
                    echoed += r.data().length;
                } else if (m == null || m instanceof AlertMessage a && a.level() == AlertLevel.FATAL) {
                    throw new AssertionError("the client stopped after " + echoed + " bytes: " + m);
                }
                if (!asked && echoed > total / 2) {
                    peer.writeHelloRequest();
                    asked = true;
                }
            }
            AlertMessage last;
            do {
                last = peer.awaitAlert(); // the no_renegotiation warning may come late, then close_notify
            } while (last != null && !last.equals(AlertMessage.CLOSE_NOTIFY));
        }, 1 << 14); SecureSocket socket = SecureSocket.connect(options(server).build())) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                Random chunks = new Random(16);
                try {
                    for (int at = 0; at < total; ) {
                        int n = Math.min(total - at, 1 + chunks.nextInt(4096));
                        socket.getOutputStream().write(data, at, n);
                        at += n;
                    }
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            byte[] echoed = readFully(socket.getInputStream(), total);
            writer.get(30, TimeUnit.SECONDS);
            assertTrue(Arrays.equals(data, echoed), "the echoed bytes differ from those written");
            socket.close();
            assertEquals(AlertMessage.CLOSE_NOTIFY, server.result(Scenarios.WAIT).alert());
            System.out.println("| concurrent reads and writes (16 MB echoed, HelloRequest midway) | data intact |"
                    + " close_notify at the end |");
        }
    }
}
