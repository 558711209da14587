package org.securesocket.securesocket;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.SessionParameters;

/**
 * A non-blocking TLS client over a {@link SocketChannel}, for many connections on few threads: register
 * it with a {@link Selector} for {@link #interestOps()}, call {@link #process()} when its key is ready,
 * then {@link #read} and {@link #write} plaintext. It never blocks and never drops bytes: a write is
 * encrypted whole (split into records) and queued until the network takes it, and plaintext the
 * application has not read stays buffered. The selector loop owns time: {@link #handshakeDeadline()}
 * tells it when to give up. Not thread-safe: one selector thread drives it.
 */
public final class SecureChannel implements Closeable {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final TlsConnection connection;
    private final SecureSocketOptions options;
    private final ByteBuffer netIn = ByteBuffer.allocate(1 << 15);
    private final long handshakeDeadline;
    private ByteBuffer netOut = EMPTY;
    private boolean started;
    private boolean endOfStream;
    private boolean closed;

    private SecureChannel(SocketChannel channel, SecureSocketOptions options) throws IOException {
        this.channel = channel;
        this.options = options;
        this.connection = SecureSocket.newConnection(options);
        this.handshakeDeadline = System.nanoTime() + options.policy().handshakeTimeout().toNanos();
        channel.configureBlocking(false);
    }

    /** Starts connecting to {@code options.host():port} without blocking (the name is resolved here). */
    public static SecureChannel open(SecureSocketOptions options) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, options.noDelay());
            channel.setOption(java.net.StandardSocketOptions.SO_KEEPALIVE, options.keepAlive());
            SecureChannel secure = new SecureChannel(channel, options);
            channel.connect(new InetSocketAddress(options.host(), options.port()));
            return secure;
        } catch (IOException | java.nio.channels.UnresolvedAddressException e) {
            channel.close();
            throw new TlsException(ErrorCode.IO_CONNECTION_REFUSED, null, "cannot connect to " + options.host() + ":"
                    + options.port() + ": " + e, e);
        }
    }

    /**
     * Wraps a channel that is connected or connecting (the original's {@code sock}); it is made
     * non-blocking. {@code options.host()} names the peer for SNI and the certificate check.
     */
    public static SecureChannel wrap(SocketChannel channel, SecureSocketOptions options) throws IOException {
        return new SecureChannel(channel, options);
    }

    public SocketChannel channel() {
        return channel;
    }

    /** Registers with {@code selector} for the current {@link #interestOps()}. */
    public SelectionKey register(Selector selector, Object attachment) throws IOException {
        return channel.register(selector, interestOps(), attachment);
    }

    /** What to wait for: connect while connecting, read always, write to start and while encrypted bytes wait. */
    public int interestOps() {
        if (closed) {
            return 0;
        }
        if (channel.isConnectionPending()) {
            return SelectionKey.OP_CONNECT;
        }
        return (endOfStream ? 0 : SelectionKey.OP_READ) | (!started || netOut.hasRemaining() ? SelectionKey.OP_WRITE : 0);
    }

    /**
     * Does what the network allows without blocking: finishes connecting, starts the handshake, reads
     * and decrypts what arrived, sends what is queued. A failure is final (the alert is sent when possible).
     */
    public void process() throws TlsException {
        if (closed) {
            return;
        }
        try {
            if (channel.isConnectionPending() && !channel.finishConnect()) {
                return;
            }
            if (!started) {
                started = true;
                connection.start();
            }
            readNetwork();
        } catch (TlsException e) {
            flushQuietly();
            throw e;
        } catch (ConnectException e) {
            throw new TlsException(ErrorCode.IO_CONNECTION_REFUSED, null, "cannot connect to " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TlsException(ErrorCode.IO_CLOSED, null, "the connection to " + options.host() + ":"
                    + options.port() + " failed: " + e.getMessage(), e);
        }
        flush();
    }

    private void readNetwork() throws IOException {
        while (!endOfStream) {
            int n = channel.read(netIn.clear());
            if (n == 0) {
                return;
            }
            if (n < 0) {
                endOfStream = true;
                if (!connection.isHandshakeComplete()) {
                    throw new TlsException(ErrorCode.IO_CLOSED, null, "the server closed the connection during the"
                            + " handshake, while " + connection.handshakeExpecting() + " was expected", null);
                }
                if (!connection.isPeerClosed()) {
                    connection.endOfInput();
                }
                return;
            }
            connection.receive(netIn.flip());
        }
    }

    /** Sends queued encrypted bytes until the network stops taking them. */
    private void flush() throws TlsException {
        if (connection.hasOutbound()) {
            byte[] more = connection.takeOutbound();
            if (netOut.hasRemaining()) {
                netOut = ByteBuffer.allocate(netOut.remaining() + more.length).put(netOut).put(more).flip();
            } else {
                netOut = ByteBuffer.wrap(more);
            }
        }
        try {
            while (netOut.hasRemaining() && channel.write(netOut) > 0) {
                // the kernel took some: try again until it takes no more
            }
        } catch (IOException e) {
            throw new TlsException(ErrorCode.IO_CLOSED, null, "sending to " + options.host() + ":" + options.port()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (TlsException ignored) {
            // the failure being reported matters more than the alert we could not send
        }
    }

    public boolean isHandshakeComplete() {
        return connection.isHandshakeComplete();
    }

    /** When the handshake must have completed ({@link System#nanoTime()} scale), from the policy's timeout. */
    public long handshakeDeadline() {
        return handshakeDeadline;
    }

    /** Plaintext bytes ready for {@link #read}. */
    public int available() {
        return connection.plaintextAvailable();
    }

    /** Reads plaintext; 0 when none is ready, -1 once the peer has closed and everything was read. */
    public int read(ByteBuffer dst) {
        int n = connection.plaintextAvailable();
        if (n == 0) {
            return connection.isPeerClosed() || endOfStream ? -1 : 0;
        }
        byte[] chunk = new byte[Math.min(n, dst.remaining())];
        connection.readPlaintext(chunk, 0, chunk.length);
        dst.put(chunk);
        return chunk.length;
    }

    /** Encrypts all of {@code src} and sends what the network takes now; returns the bytes consumed. */
    public int write(ByteBuffer src) throws TlsException {
        byte[] plain = new byte[src.remaining()];
        src.get(plain);
        connection.writePlaintext(plain, 0, plain.length);
        flush();
        return plain.length;
    }

    /** Encrypted bytes not yet taken by the network. */
    public int pendingOutbound() {
        return netOut.remaining();
    }

    /** Whether the peer sent close_notify or the stream ended. */
    public boolean isPeerClosed() {
        return connection.isPeerClosed() || endOfStream;
    }

    public Optional<SessionParameters> session() {
        return connection.session();
    }

    /** Sends close_notify if the network takes it now, then closes the channel. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (started && !channel.isConnectionPending()) {
                connection.close();
                flushQuietly();
            }
        } finally {
            channel.close();
        }
    }
}
