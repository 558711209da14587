package org.securesocket.benchmarks.compare;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.securesocket.common.TlsException;
import org.securesocket.record.BufferPool;
import org.securesocket.securesocket.TlsConnection;

/**
 * One end of a TLS connection driven in memory, without sockets: our sans-I/O {@link TlsConnection}
 * (called as {@code SecureSocket} calls it) or an {@link SSLEngine} (JSSE, BCJSSE, or the JSSE
 * server). Network bytes pass through heap buffers that the caller moves between the two ends.
 */
abstract class Engine {
    /**
     * One handshake step: consumes what the peer sent ({@code src}, read mode) and appends what to
     * send to {@code dst} (write mode); true once the handshake is complete and {@code src} used up.
     */
    abstract boolean handshake(ByteBuffer src, ByteBuffer dst) throws Exception;

    /** One application write: seals all of {@code src} into {@code dst}. */
    abstract void write(ByteBuffer src, ByteBuffer dst) throws Exception;

    /**
     * Opens every record of {@code src} (whole records, read mode), reading the plaintext in
     * application reads of up to {@code app.length} bytes (then dropped); returns the plaintext bytes.
     */
    abstract long read(ByteBuffer src, byte[] app) throws Exception;

    /** The most bytes one {@link #write} of {@code plaintext} bytes may need in {@code dst}. */
    abstract int maxWireLength(int plaintext);

    /**
     * Ours: the connection as {@code SecureSocket} drives it: records sealed straight into the
     * buffer to send; received bytes in chunks of at most its read size, the plaintext delivered
     * straight into the application's array, what does not fit read from the queue.
     */
    static final class Ours extends Engine {
        private final TlsConnection connection;
        private boolean started;

        Ours(TlsConnection connection) {
            this.connection = connection;
        }

        @Override
        boolean handshake(ByteBuffer src, ByteBuffer dst) throws TlsException {
            if (!started) {
                started = true;
                connection.start();
            }
            if (src.hasRemaining()) {
                connection.receive(src);
            }
            drain(dst);
            return connection.isHandshakeComplete();
        }

        @Override
        void write(ByteBuffer src, ByteBuffer dst) throws TlsException {
            while (src.hasRemaining()) {
                int n = connection.writePlaintext(src.array(), src.arrayOffset() + src.position(), src.remaining(), dst);
                src.position(src.position() + n);
            }
        }

        private void drain(ByteBuffer dst) {
            int n = connection.takeOutbound(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            dst.position(dst.position() + n);
        }

        @Override
        long read(ByteBuffer src, byte[] app) throws TlsException {
            long total = 0;
            int end = src.limit();
            while (src.hasRemaining()) {
                // what SecureSocket's read brings at most
                src.limit(Math.min(end, src.position() + BufferPool.READ));
                total += connection.receive(src, app, 0, app.length);
                src.limit(end);
                int n;
                while ((n = connection.readPlaintext(app, 0, app.length)) > 0) {
                    total += n;
                }
            }
            return total;
        }

        @Override
        int maxWireLength(int plaintext) {
            return plaintext + 5 * (plaintext / 16384 + 1) + 256;
        }
    }

    /** An {@link SSLEngine}, client or server. */
    static final class Ssl extends Engine {
        private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

        private final SSLEngine engine;
        private final ByteBuffer scratch;
        private boolean started;

        Ssl(SSLEngine engine) {
            this.engine = engine;
            this.scratch = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        }

        @Override
        boolean handshake(ByteBuffer src, ByteBuffer dst) throws SSLException {
            if (!started) {
                started = true;
                engine.beginHandshake();
            }
            while (true) {
                SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
                switch (status) {
                    case NEED_TASK -> runTasks();
                    case NEED_WRAP -> check(engine.wrap(EMPTY, dst));
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        if (status == SSLEngineResult.HandshakeStatus.NEED_UNWRAP && !src.hasRemaining()) {
                            return false;
                        }
                        if (check(engine.unwrap(src, scratch.clear()))) {
                            return false;
                        }
                    }
                    default -> {
                        // established: what follows the handshake (a TLS 1.3 ticket) is read here too
                        read(src, null);
                        return true;
                    }
                }
            }
        }

        @Override
        void write(ByteBuffer src, ByteBuffer dst) throws SSLException {
            while (src.hasRemaining()) {
                check(engine.wrap(src, dst));
            }
        }

        @Override
        long read(ByteBuffer src, byte[] app) throws SSLException {
            long total = 0;
            ByteBuffer into = app == null ? scratch : ByteBuffer.wrap(app);
            while (src.hasRemaining()) {
                if (check(engine.unwrap(src, into.clear()))) {
                    throw new SSLException("a partial record in the buffer");
                }
                total += into.position();
                if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
            }
            return total;
        }

        @Override
        int maxWireLength(int plaintext) {
            return engine.getSession().getPacketBufferSize() * (plaintext / 16384 + 1);
        }

        private void runTasks() {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
        }

        /** True on underflow (more input needed); throws on anything but OK. */
        private static boolean check(SSLEngineResult result) throws SSLException {
            return switch (result.getStatus()) {
                case OK -> false;
                case BUFFER_UNDERFLOW -> true;
                default -> throw new SSLException("unexpected " + result);
            };
        }
    }
}
