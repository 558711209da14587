package org.securesocket.securesocket;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.record.BufferPool;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.securesocket.internal.SharedTrust;
import org.securesocket.x509.Certificate;

/**
 * A blocking TLS client socket over {@link java.net.Socket}: {@link #connect} opens the connection and
 * completes the handshake within the timeout; then {@link #getInputStream} and {@link #getOutputStream}
 * carry plaintext, and {@link #close} sends close_notify. Failures are {@link TlsException}s with the
 * codes of the stack ({@code io.timeout}, {@code io.connection_refused}, {@code io.closed} for the
 * transport). One thread may read while another writes: the connection's state is guarded by one lock,
 * and the bytes it queues are taken and written to the socket in order under another (a read can queue
 * bytes too: an alert, a refused renegotiation). Each stream is for one thread at a time.
 */
public final class SecureSocket implements Closeable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** How long a failed write waits for the alert that explains it. */
    private static final int ALERT_GRACE_MILLIS = 2000;

    private final Socket socket;
    private final TlsConnection connection;
    private final SecureSocketOptions options;
    private final InputStream in = new PlaintextIn();
    private final OutputStream out = new PlaintextOut();
    /** Guards {@link #connection}, which is not thread-safe. */
    private final Object lock = new Object();
    /** Held while taking the connection's outbound bytes and writing them, so they reach the socket in order. */
    private final java.util.concurrent.locks.ReentrantLock sendLock = new java.util.concurrent.locks.ReentrantLock();
    private volatile boolean closed;
    private Duration handshakeTime;

    private SecureSocket(Socket socket, TlsConnection connection, SecureSocketOptions options) {
        this.socket = socket;
        this.connection = connection;
        this.options = options;
    }

    /** Connects with the original's option dictionary (see {@link OptionMaps}). */
    public static SecureSocket connect(Map<String, ?> options) throws IOException {
        return connect(OptionMaps.fromMap(options));
    }

    /** Connects to {@code host:port} with the other options of {@code options}. */
    public static SecureSocket connect(String host, int port, SecureSocketOptions options) throws IOException {
        return connect(options.withAddress(host, port));
    }

    /** Connects and completes the handshake. */
    public static SecureSocket connect(SecureSocketOptions options) throws IOException {
        long deadline = System.nanoTime() + options.policy().handshakeTimeout().toNanos();
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(options.noDelay());
            socket.setKeepAlive(options.keepAlive());
            socket.connect(new InetSocketAddress(options.host(), options.port()), millisLeft(deadline, options));
            return handshake(socket, options, deadline);
        } catch (UnknownHostException e) {
            closeQuietly(socket);
            throw new TlsException(ErrorCode.IO_CONNECTION_REFUSED, null, "unknown host " + options.host(), e);
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw new TlsException(ErrorCode.IO_CONNECTION_REFUSED, null, "cannot connect to " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new TlsException(ErrorCode.IO_TIMEOUT, null, "no connection to " + options.host() + ":"
                    + options.port() + " within " + options.policy().handshakeTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /**
     * Runs the handshake over a socket that is already connected (the original's {@code sock} option);
     * {@code options.host()} names the peer for SNI and the certificate check. The socket is closed on failure.
     */
    public static SecureSocket wrap(Socket socket, SecureSocketOptions options) throws IOException {
        try {
            return handshake(socket, options, System.nanoTime() + options.policy().handshakeTimeout().toNanos());
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static SecureSocket handshake(Socket socket, SecureSocketOptions options, long deadline)
            throws IOException {
        SecureSocket secure = new SecureSocket(socket, newConnection(options), options);
        try {
            long start = System.nanoTime();
            secure.handshake(deadline);
            secure.handshakeTime = Duration.ofNanos(System.nanoTime() - start);
            return secure;
        } catch (TlsException e) {
            throw e;
        } catch (IOException e) {
            throw new TlsException(ErrorCode.IO_CLOSED, null, "the connection to " + options.host() + ":"
                    + options.port() + " failed: " + e.getMessage(), e);
        }
    }

    /** A connection configured by {@code options}, not started: shared by the three API styles. */
    static TlsConnection newConnection(SecureSocketOptions options) {
        TlsCrypto crypto = options.crypto() != null ? options.crypto() : SharedTrust.defaultCrypto();
        String name = options.effectiveServerName();
        SharedTrust trust = SharedTrust.of(options.trustStore(), options.certificates(), crypto,
                options.policy().minRsaBits(), options.clock());
        ClientConfig config = new ClientConfig(options.policy(), isIpLiteral(name) ? null : name, name, options.alpn(),
                options.verify(), trust.trustStore(), trust.validator(), options.sessions(),
                options.clientCredentials(), options.host() + ":" + options.port(), options.extensions());
        String traceId = "#" + COUNTER.incrementAndGet() + " " + options.host() + ":" + options.port();
        TlsConnection connection = new TlsConnection(config, crypto, options.trace(), traceId);
        connection.keyLog(options.keyLog());
        return connection;
    }

    private static int millisLeft(long deadline, SecureSocketOptions options) throws TlsException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new TlsException(ErrorCode.IO_TIMEOUT, null, "the handshake did not complete within "
                    + options.policy().handshakeTimeout().toMillis() + " ms", null);
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }

    private void handshake(long deadline) throws IOException {
        connection.start();
        flush();
        while (!connection.isHandshakeComplete()) {
            socket.setSoTimeout(millisLeft(deadline, options));
            try {
                if (!fill()) {
                    throw new TlsException(ErrorCode.IO_CLOSED, null, "the server closed the connection during the"
                            + " handshake, while " + connection.handshakeExpecting() + " was expected", null);
                }
            } catch (SocketTimeoutException e) {
                throw new TlsException(ErrorCode.IO_TIMEOUT, null, "the handshake did not complete within "
                        + options.policy().handshakeTimeout().toMillis() + " ms (waiting for " + connection.handshakeExpecting() + ")", e);
            }
            flush();
        }
        socket.setSoTimeout((int) Math.min(options.timeout().toMillis(), Integer.MAX_VALUE));
    }

    /**
     * Reads once from the socket into the connection; false at the end of the stream. The read
     * buffer is a {@link BufferPool} one, held only for the read and the processing of what it
     * brought (the connection keeps nothing of it), so an idle socket holds no read buffer.
     */
    private boolean fill() throws IOException {
        return fill(null, 0, 0) >= 0;
    }

    /**
     * {@link #fill()} delivering the plaintext that arrives straight into {@code dst} (up to
     * {@code length} bytes; the rest is queued in the connection): the bytes placed there, -1 at
     * the end of the stream.
     */
    private int fill(byte[] dst, int offset, int length) throws IOException {
        ByteBuffer buffer = BufferPool.take();
        try {
            int n;
            try {
                n = socket.getInputStream().read(buffer.array(), 0, BufferPool.READ);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw new TlsException(ErrorCode.IO_CLOSED, null, "reading from the server failed: " + e.getMessage(), e);
            }
            synchronized (lock) {
                if (n < 0) {
                    if (connection.isHandshakeComplete()) {
                        connection.endOfInput();
                    }
                    return -1;
                }
            }
            try {
                synchronized (lock) {
                    return connection.receive(buffer.limit(n), dst, offset, length);
                }
            } finally {
                sendQuietly(false);
            }
        } finally {
            BufferPool.give(buffer);
        }
    }

    private boolean hasOutbound() {
        synchronized (lock) {
            return connection.hasOutbound();
        }
    }

    /**
     * Sends what the connection queued, waiting for the socket; a failed write first looks for the
     * peer's alert that explains it. Before returning it sends what a reading thread queued meanwhile
     * (see {@link #sendQuietly}).
     */
    private void flush() throws IOException {
        do {
            sendLock.lock();
            try {
                if (!hasOutbound()) {
                    return;
                }
                try {
                    send();
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    readPendingAlert();
                    throw new TlsException(ErrorCode.IO_CLOSED, null, "sending to the server failed: "
                            + e.getMessage(), e);
                }
            } finally {
                sendLock.unlock();
            }
        } while (hasOutbound());
    }

    /**
     * Sends what the connection queued, ignoring failures: the failure being reported matters more.
     * The reading thread (after an alert or a KeyUpdate was queued) passes {@code wait} false: it never
     * waits for a writing thread, which may be blocked on a peer that waits for us to read; that thread
     * sends these bytes itself before it leaves {@link #flush}.
     */
    private void sendQuietly(boolean wait) {
        if (!hasOutbound()) {
            return;
        }
        if (wait) {
            sendLock.lock();
        } else if (!sendLock.tryLock()) {
            return;
        }
        try {
            send();
        } catch (IOException ignored) {
            // the failure being reported matters more than the alert we could not send
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * Writes what the connection queued, in order, through a pooled buffer (no array per record).
     * Call holding {@link #sendLock}.
     */
    private void send() throws IOException {
        ByteBuffer buffer = BufferPool.take();
        try {
            int n;
            while ((n = takeOutbound(buffer.array(), buffer.capacity())) > 0) {
                socket.getOutputStream().write(buffer.array(), 0, n);
            }
        } finally {
            BufferPool.give(buffer);
        }
    }

    /**
     * Seals {@code b} straight into a pooled buffer, after whatever the connection had queued, and
     * writes it: one socket write for up to three full records, no copy through the outbound queue.
     * The records are sealed under {@link #lock} (their sequence numbers) and written in the same
     * order under {@link #sendLock}, which the caller holds.
     */
    private void sealAndSend(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = BufferPool.take();
        try {
            int done = 0;
            do {
                buffer.clear();
                synchronized (lock) {
                    done += connection.writePlaintext(b, off + done, len - done, buffer);
                }
                try {
                    socket.getOutputStream().write(buffer.array(), 0, buffer.position());
                } catch (IOException e) {
                    readPendingAlert();
                    throw new TlsException(ErrorCode.IO_CLOSED, null, "sending to the server failed: "
                            + e.getMessage(), e);
                }
            } while (done < len);
        } finally {
            BufferPool.give(buffer);
        }
    }

    private int takeOutbound(byte[] into, int length) {
        synchronized (lock) {
            return connection.takeOutbound(into, 0, length);
        }
    }

    private void readPendingAlert() throws TlsException {
        byte[] buffer = new byte[1024]; // failures only; the pooled buffers may be in use by a reading thread
        try {
            socket.setSoTimeout(ALERT_GRACE_MILLIS);
            int n;
            while ((n = socket.getInputStream().read(buffer)) > 0) {
                synchronized (lock) {
                    connection.receive(ByteBuffer.wrap(buffer, 0, n));
                }
            }
        } catch (TlsException e) {
            throw e;
        } catch (IOException e) {
            // nothing more to read: report the write failure itself
        }
    }

    public InputStream getInputStream() {
        return in;
    }

    public OutputStream getOutputStream() {
        return out;
    }

    public SessionParameters session() {
        return connection.session().orElseThrow();
    }

    /** TLSv1.2 and so on. */
    public String protocol() {
        return session().jdkProtocolName();
    }

    public String cipherSuite() {
        return session().cipherSuite().ianaName();
    }

    public List<Certificate> peerCertificates() {
        return session().peerCertificates();
    }

    /** The negotiated key exchange group. */
    public NamedGroup group() {
        return session().group();
    }

    /** The protocol the server selected with ALPN. */
    public Optional<String> applicationProtocol() {
        return session().applicationProtocol();
    }

    /** Whether the handshake resumed an earlier session. */
    public boolean resumed() {
        return session().resumed();
    }

    /** The largest plaintext of one record both sides agreed on (2^14 unless negotiated lower). */
    public PlaintextLimit fragmentLimit() {
        return session().plaintextLimit();
    }

    /**
     * The DER OCSP response the server stapled, when {@link SecureSocketOptions.Builder#statusRequest}
     * asked for one. Not validated yet: see {@link SessionParameters#stapledOcspResponse()}.
     */
    public Optional<byte[]> stapledOcspResponse() {
        return session().stapledOcspResponse();
    }

    /** How long the handshake took, from ClientHello to the server's Finished (TCP connect excluded). */
    public Duration handshakeTime() {
        return handshakeTime;
    }

    /** Sends close_notify and closes the socket. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            synchronized (lock) {
                connection.close();
            }
            sendQuietly(true);
        } finally {
            socket.close();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    /** An IPv6 literal (any colon) or a name of digits and dots only (no regular expression: once per connection). */
    static boolean isIpLiteral(String name) {
        if (name.indexOf(':') >= 0) {
            return true;
        }
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private final class PlaintextIn extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            Objects.checkFromIndexSize(off, len, b.length);
            while (true) {
                synchronized (lock) {
                    if (connection.plaintextAvailable() > 0) {
                        return connection.readPlaintext(b, off, len);
                    }
                    TlsException failed = connection.failure().orElse(null);
                    if (failed != null) {
                        throw failed; // after the plaintext that came before it
                    }
                    if (closed || connection.isPeerClosed()) {
                        return -1;
                    }
                }
                try {
                    int n = fill(b, off, len); // the plaintext that arrives goes straight into b
                    if (n != 0) {
                        return n;
                    }
                } catch (SocketTimeoutException e) {
                    throw new TlsException(ErrorCode.IO_TIMEOUT, null, "no data from the server within "
                            + options.timeout().toMillis() + " ms", e);
                }
            }
        }

        @Override
        public int available() {
            return plaintextAvailable();
        }

        private int plaintextAvailable() {
            synchronized (lock) {
                return connection.plaintextAvailable();
            }
        }
    }

    private final class PlaintextOut extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            sendLock.lock();
            try {
                sealAndSend(b, off, len);
            } finally {
                sendLock.unlock();
            }
            flush(); // what a reading thread queued meanwhile
        }

        @Override
        public void flush() throws IOException {
            SecureSocket.this.flush();
        }
    }
}
