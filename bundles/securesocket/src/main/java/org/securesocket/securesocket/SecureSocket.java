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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.securesocket.internal.CombinedTrustStore;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.X509PathValidator;

/**
 * A blocking TLS client socket over {@link java.net.Socket}: {@link #connect} opens the connection and
 * completes the handshake within the timeout; then {@link #getInputStream} and {@link #getOutputStream}
 * carry plaintext, and {@link #close} sends close_notify. Failures are {@link TlsException}s with the
 * codes of the stack ({@code io.timeout}, {@code io.connection_refused}, {@code io.closed} for the
 * transport). The streams are each for one thread at a time.
 */
public final class SecureSocket implements Closeable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** How long a failed write waits for the alert that explains it. */
    private static final int ALERT_GRACE_MILLIS = 2000;

    private final Socket socket;
    private final TlsConnection connection;
    private final SecureSocketOptions options;
    private final byte[] netBuffer = new byte[1 << 15];
    private final InputStream in = new PlaintextIn();
    private final OutputStream out = new PlaintextOut();
    private boolean closed;
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
        TlsCrypto crypto = options.crypto() != null ? options.crypto() : new JcaTlsCrypto();
        String name = options.effectiveServerName();
        ClientConfig config = new ClientConfig(options.policy(), isIpLiteral(name) ? null : name, name, options.alpn(),
                options.verify(), new CombinedTrustStore(options.trustStore(), options.certificates()),
                new X509PathValidator(crypto, ValidationPolicy.STRICT.withMinRsaBits(options.policy().minRsaBits()),
                        options.clock()), options.sessions(), options.clientCredentials(),
                options.host() + ":" + options.port(), options.extensions());
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

    /** Reads once from the socket into the connection; false at the end of the stream. */
    private boolean fill() throws IOException {
        int n;
        try {
            n = socket.getInputStream().read(netBuffer);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new TlsException(ErrorCode.IO_CLOSED, null, "reading from the server failed: " + e.getMessage(), e);
        }
        if (n < 0) {
            if (connection.isHandshakeComplete()) {
                connection.endOfInput();
            }
            return false;
        }
        try {
            connection.receive(ByteBuffer.wrap(netBuffer, 0, n));
        } finally {
            sendQuietly();
        }
        return true;
    }

    /** Sends what the connection queued; a failed write first looks for the peer's alert that explains it. */
    private void flush() throws IOException {
        if (!connection.hasOutbound()) {
            return;
        }
        byte[] bytes = connection.takeOutbound();
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            readPendingAlert();
            throw new TlsException(ErrorCode.IO_CLOSED, null, "sending to the server failed: " + e.getMessage(), e);
        }
    }

    private void sendQuietly() {
        try {
            if (connection.hasOutbound()) {
                socket.getOutputStream().write(connection.takeOutbound());
            }
        } catch (IOException ignored) {
            // the failure being reported matters more than the alert we could not send
        }
    }

    private void readPendingAlert() throws TlsException {
        try {
            socket.setSoTimeout(ALERT_GRACE_MILLIS);
            int n;
            while ((n = socket.getInputStream().read(netBuffer)) > 0) {
                connection.receive(ByteBuffer.wrap(netBuffer, 0, n));
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
            connection.close();
            sendQuietly();
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

    static boolean isIpLiteral(String name) {
        return name.indexOf(':') >= 0 || name.matches("[0-9.]+");
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
            while (connection.plaintextAvailable() == 0) {
                if (connection.isPeerClosed() || closed) {
                    return -1;
                }
                try {
                    if (!fill()) {
                        return -1;
                    }
                } catch (SocketTimeoutException e) {
                    throw new TlsException(ErrorCode.IO_TIMEOUT, null, "no data from the server within "
                            + options.timeout().toMillis() + " ms", e);
                }
            }
            return connection.readPlaintext(b, off, len);
        }

        @Override
        public int available() {
            return connection.plaintextAvailable();
        }
    }

    private final class PlaintextOut extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            connection.writePlaintext(b, off, len);
            flush();
        }

        @Override
        public void flush() throws IOException {
            SecureSocket.this.flush();
        }
    }
}
