package org.securesocket.securesocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.Optional;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.SessionParameters;

/**
 * One connection of a {@link SecureEventLoop}, reported through its {@link ConnectionListener}. Its
 * methods may be called from the listener or from any other thread.
 */
public final class SecureConnection {
    private final SecureEventLoop loop;
    private final SecureChannel channel;
    private final ConnectionListener listener;
    private SelectionKey key;
    private boolean connected;
    private boolean finished;
    private int reportedAvailable;
    private int unreportedWritten;

    SecureConnection(SecureEventLoop loop, SecureChannel channel, ConnectionListener listener) {
        this.loop = loop;
        this.channel = channel;
        this.listener = listener;
    }

    /** On the loop thread: registers with the selector and runs the first step. */
    synchronized void register() {
        try {
            key = channel.register(loop.selector(), this);
        } catch (IOException e) {
            fail(new TlsException(ErrorCode.IO_CLOSED, null, "cannot register the channel: " + e.getMessage(), e));
            return;
        }
        ready();
    }

    /** On the loop thread: the channel's key is ready, or a write asked for a step. */
    synchronized void ready() {
        if (finished) {
            return;
        }
        try {
            channel.process();
        } catch (TlsException e) {
            fail(e);
            return;
        }
        if (!connected && channel.isHandshakeComplete()) {
            connected = true;
            listener.onConnected(this);
        }
        if (connected) {
            report();
        }
        updateInterest();
    }

    private void report() {
        int available = channel.available();
        if (available > reportedAvailable) {
            listener.onReadable(this, available);
        }
        reportedAvailable = channel.available();
        if (unreportedWritten > 0 && channel.pendingOutbound() == 0 && !finished) {
            int count = unreportedWritten;
            unreportedWritten = 0;
            listener.onWritable(this, count);
        }
        if (!finished && channel.isPeerClosed()) {
            finished = true;
            closeQuietly();
            listener.onDisconnected(this);
        }
    }

    /** On the loop thread: the handshake outlived the policy's timeout. */
    synchronized void checkDeadline(long now) {
        if (!finished && !connected && now - channel.handshakeDeadline() > 0) {
            fail(new TlsException(ErrorCode.IO_TIMEOUT, null, "the handshake did not complete within the policy's"
                    + " timeout", null));
        }
    }

    synchronized boolean isFinished() {
        return finished;
    }

    private void fail(TlsException e) {
        finished = true;
        closeQuietly();
        listener.onError(this, e);
    }

    private void updateInterest() {
        if (key != null && key.isValid()) {
            key.interestOps(channel.interestOps());
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing after the end: nothing more to report
        }
    }

    /** Reads up to {@code length} plaintext bytes; 0 when none is ready (the rest stays for later). */
    public synchronized int read(byte[] dst, int offset, int length) {
        int n = channel.read(ByteBuffer.wrap(dst, offset, length));
        reportedAvailable = channel.available();
        return Math.max(n, 0);
    }

    /** Plaintext bytes ready to read. */
    public synchronized int available() {
        return channel.available();
    }

    /**
     * Encrypts and queues all of {@code src} (split into records as needed); {@link ConnectionListener#onWritable}
     * reports when the network took it. A failure is reported through {@link ConnectionListener#onError}.
     */
    public synchronized void write(byte[] src, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("the connection is closed");
        }
        if (!connected) {
            throw new IllegalStateException("write after onConnected");
        }
        try {
            channel.write(ByteBuffer.wrap(src, offset, length));
            unreportedWritten += length;
        } catch (TlsException e) {
            fail(e);
            return;
        }
        updateInterest();
        loop.wakeup();
    }

    public synchronized Optional<SessionParameters> session() {
        return channel.session();
    }

    /** Sends close_notify (if the network takes it now) and closes; no callback follows. */
    public synchronized void close() {
        if (!finished) {
            finished = true;
            closeQuietly();
        }
    }
}
