package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.securesocket.testing.JsseServer;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.x509.Certificate;

/** The non-blocking and callback styles (and wrapping a connected socket) against an in-process JSSE echo server. */
class NonBlockingTest {
    private static final int CONNECTIONS = 1000;
    /** Larger than one record (16 KiB): every write is split. */
    private static final int MESSAGE_LENGTH = 20_000;

    private static TestPki.Issued ca;
    private static JsseServer server;

    @BeforeAll
    static void start() throws Exception {
        ca = TestPki.selfSigned(TestPki.Spec.named("NIO Test CA").ca(null));
        server = new JsseServer(TestPki.server(TestPki.KeyKind.P256, ca), null, null);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static SecureSocketOptions options(String serverName) throws Exception {
        return SecureSocketOptions.builder().host("127.0.0.1").port(server.port()).serverName(serverName)
                .certificates(List.of(Certificate.read(ca.certificate().getEncoded())))
                .timeout(Duration.ofSeconds(120)).build();
    }

    private static byte[] message(int i) {
        byte[] m = new byte[MESSAGE_LENGTH];
        Arrays.fill(m, (byte) ('a' + i % 26));
        byte[] id = ("connection " + i + ":").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, m, 0, id.length);
        return m;
    }

    /** One connection's progress in the selector test. */
    private static final class Exchange {
        final SecureChannel channel;
        final byte[] message;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean sent;

        Exchange(SecureChannel channel, byte[] message) {
            this.channel = channel;
            this.message = message;
        }
    }

    @Test
    void aThousandConnectionsOnOneSelectorThread() throws Exception {
        long start = System.nanoTime();
        SecureSocketOptions options = options("localhost");
        int done = 0;
        try (Selector selector = Selector.open()) {
            List<Exchange> all = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                Exchange e = new Exchange(SecureChannel.open(options), message(i));
                e.channel.register(selector, e);
                all.add(e);
            }
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (done < CONNECTIONS && System.nanoTime() < deadline) {
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    Exchange e = (Exchange) key.attachment();
                    e.channel.process();
                    if (e.channel.isHandshakeComplete() && !e.sent) {
                        assertEquals(MESSAGE_LENGTH, e.channel.write(ByteBuffer.wrap(e.message)));
                        e.sent = true;
                    }
                    int n;
                    while ((n = e.channel.read(buffer.clear())) > 0) {
                        e.received.write(buffer.array(), 0, n);
                    }
                    if (e.received.size() == MESSAGE_LENGTH) {
                        e.channel.close();
                        done++;
                    } else {
                        key.interestOps(e.channel.interestOps());
                    }
                }
                selector.selectedKeys().clear();
            }
            assertEquals(CONNECTIONS, done, "connections completed");
            for (Exchange e : all) {
                assertArrayEquals(e.message, e.received.toByteArray());
                assertEquals("TLSv1.2", e.channel.session().orElseThrow().jdkProtocolName());
            }
        }
        System.out.printf("NIO: %d TLS connections (%d bytes echoed each) on one selector thread in %d ms%n",
                CONNECTIONS, MESSAGE_LENGTH, (System.nanoTime() - start) / 1_000_000);
    }

    /** Echoes through the callbacks and records what happened to each connection. */
    private static final class Echo implements ConnectionListener {
        final byte[] message;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final CountDownLatch done;
        final List<String> events = new ArrayList<>();
        volatile TlsException error;
        int written;

        Echo(byte[] message, CountDownLatch done) {
            this.message = message;
            this.done = done;
        }

        @Override
        public void onConnected(SecureConnection c) {
            events.add("connected");
            c.write(message, 0, message.length);
        }

        @Override
        public void onReadable(SecureConnection c, int count) {
            byte[] b = new byte[count];
            assertEquals(count, c.read(b, 0, count));
            received.write(b, 0, count);
            if (received.size() == message.length) {
                events.add("echoed");
                c.close();
                done.countDown();
            }
        }

        @Override
        public void onWritable(SecureConnection c, int count) {
            written += count;
        }

        @Override
        public void onDisconnected(SecureConnection c) {
            events.add("disconnected");
            done.countDown();
        }

        @Override
        public void onError(SecureConnection c, TlsException e) {
            error = e;
            done.countDown();
        }
    }

    @Test
    void theCallbackStyleDrivesAThousandConnectionsOnItsOneThread() throws Exception {
        long start = System.nanoTime();
        SecureSocketOptions options = options("localhost");
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        List<Echo> echoes = new ArrayList<>();
        try (SecureEventLoop loop = new SecureEventLoop("callback-test")) {
            for (int i = 0; i < CONNECTIONS; i++) {
                Echo echo = new Echo(message(i), done);
                echoes.add(echo);
                loop.connect(options, echo);
            }
            assertTrue(done.await(150, TimeUnit.SECONDS), done.getCount() + " connections did not finish");
        }
        for (Echo echo : echoes) {
            assertEquals(null, echo.error);
            assertEquals(List.of("connected", "echoed"), echo.events);
            assertArrayEquals(echo.message, echo.received.toByteArray());
            assertEquals(MESSAGE_LENGTH, echo.written, "onWritable reported every byte");
        }
        System.out.printf("callbacks: %d TLS connections in %d ms%n", CONNECTIONS,
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aCertificateForAnotherNameIsAnErrorWithItsCode() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Echo echo = new Echo(message(0), done);
        try (SecureEventLoop loop = new SecureEventLoop("callback-test")) {
            loop.connect(options("wrong.example"), echo);
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
        assertEquals(ErrorCode.CERTIFICATE_HOSTNAME_MISMATCH, echo.error.code(), echo.error.toString());
        assertEquals(List.of(), echo.events);
    }

    @Test
    void aRefusedConnectionIsAnError() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Echo echo = new Echo(message(0), done);
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (SecureEventLoop loop = new SecureEventLoop("callback-test")) {
            loop.connect(options("localhost").withAddress("127.0.0.1", closedPort), echo);
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
        assertEquals(ErrorCode.IO_CONNECTION_REFUSED, echo.error.code(), echo.error.toString());
    }

    @Test
    void alreadyConnectedSocketsAreWrappedInEveryStyle() throws Exception {
        SecureSocketOptions options = options("localhost");
        Socket plain = new Socket(java.net.InetAddress.getLoopbackAddress(), server.port());
        try (SecureSocket socket = SecureSocket.wrap(plain, options)) {
            socket.getOutputStream().write("blocking\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("blocking", InteropMatrixTest.readLine(socket.getInputStream()));
        }

        CountDownLatch done = new CountDownLatch(1);
        Echo echo = new Echo(message(7), done);
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()));
        try (SecureEventLoop loop = new SecureEventLoop("callback-test")) {
            loop.wrap(channel, options, echo);
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
        assertEquals(null, echo.error);
        assertArrayEquals(echo.message, echo.received.toByteArray());
        assertTrue(!channel.isOpen(), "closed after the exchange");
    }

    @Test
    void bytesNotReadInOnReadableStayAndAreCountedNextTime() throws Exception {
        byte[] message = message(3);
        int half = message.length / 2;
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        List<Integer> counts = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        ConnectionListener slow = new ConnectionListener() {
            @Override
            public void onConnected(SecureConnection c) {
                c.write(message, 0, half);
            }

            @Override
            public void onReadable(SecureConnection c, int count) {
                counts.add(count);
                assertEquals(count, c.available());
                if (counts.size() == 1) {
                    // the second half is echoed only now: whatever is left unread must be counted again then
                    c.write(message, half, message.length - half);
                }
                // reads at most 1000 bytes a time, except once everything has arrived
                int take = received.size() + count == message.length ? count : Math.min(count, 1000);
                byte[] b = new byte[take];
                assertEquals(take, c.read(b, 0, take));
                taken.add(take);
                received.write(b, 0, take);
                if (received.size() == message.length) {
                    c.close();
                    done.countDown();
                }
            }

            @Override
            public void onDisconnected(SecureConnection c) {
                done.countDown();
            }

            @Override
            public void onError(SecureConnection c, TlsException error) {
                done.countDown();
            }
        };
        try (SecureEventLoop loop = new SecureEventLoop("callback-test")) {
            loop.connect(options("localhost"), slow);
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
        assertArrayEquals(message, received.toByteArray(), "every byte, in order, after " + counts);
        boolean leftUnread = false;
        for (int i = 1; i < counts.size(); i++) {
            int unread = counts.get(i - 1) - taken.get(i - 1);
            leftUnread |= unread > 0;
            assertTrue(counts.get(i) >= unread, "unread bytes were counted again: " + counts + " read " + taken);
        }
        assertTrue(leftUnread, "some callback left bytes unread: " + counts + " read " + taken);
    }
}
