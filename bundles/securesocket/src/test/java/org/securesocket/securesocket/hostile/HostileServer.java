package org.securesocket.securesocket.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.internal.ScriptedServer;

/**
 * A malicious TLS server on a loopback socket (port 0) for one connection: it accepts, then runs a
 * {@link Script} against a {@link Peer} that speaks records with the project's own codecs, in
 * whatever order and shape the script chooses. The messages come from the handshake module's
 * {@link ScriptedServer} (a subclass may alter any of them). {@link #result} waits for the script
 * and rethrows what it threw.
 */
public final class HostileServer implements AutoCloseable {
    /** What the server does with the connection. */
    @FunctionalInterface
    public interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket listener;
    private final CompletableFuture<Peer> done = new CompletableFuture<>();
    private final Thread thread;

    /** Starts a server with the default scripted messages. */
    public HostileServer(Script script) throws Exception {
        this(new ScriptedServer(new JcaTlsCrypto()), script);
    }

    public HostileServer(ScriptedServer messages, Script script) throws IOException {
        this(messages, script, 0);
    }

    /**
     * A server whose socket buffers hold {@code bufferSize} bytes each way (0: the system's), so that
     * its writes block as soon as the client stops reading, and the client's as soon as it stops.
     */
    public HostileServer(ScriptedServer messages, Script script, int bufferSize) throws IOException {
        listener = new ServerSocket();
        if (bufferSize > 0) {
            listener.setReceiveBufferSize(bufferSize); // before bind: the window is set at the handshake
        }
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        thread = new Thread(() -> serve(messages, script, bufferSize), "hostile-server-" + listener.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(ScriptedServer messages, Script script, int bufferSize) {
        try (Socket socket = listener.accept()) {
            if (bufferSize > 0) {
                socket.setSendBufferSize(bufferSize);
            }
            Peer peer = new Peer(socket, messages);
            script.run(peer);
            done.complete(peer);
        } catch (Throwable t) {
            done.completeExceptionally(t);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits for the script to end and returns its peer (for what the client sent). */
    public Peer result(Duration timeout) throws Exception {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("the hostile server's script did not end within " + timeout, e);
        }
    }

    /** Stops listening and ends the script's thread. */
    @Override
    public void close() throws IOException {
        listener.close();
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
