package org.securesocket.securesocket;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One thread and one {@link Selector} driving many {@link SecureConnection}s, reported to their
 * {@link ConnectionListener}s (the original's callback style over the non-blocking {@link SecureChannel}).
 * Handshake timeouts are the policy's.
 */
public final class SecureEventLoop implements Closeable {
    /** How often the loop looks at the handshakes' deadlines when nothing happens. */
    private static final long TICK_MILLIS = 250;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<SecureConnection> handshaking = new ArrayList<>();
    private volatile boolean running = true;

    public SecureEventLoop(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts connecting to {@code options.host():port}; the listener hears the rest. */
    public SecureConnection connect(SecureSocketOptions options, ConnectionListener listener) throws IOException {
        return add(SecureChannel.open(options), listener);
    }

    /** Runs TLS over a channel already connected (or connecting); {@code options.host()} names the peer. */
    public SecureConnection wrap(SocketChannel channel, SecureSocketOptions options, ConnectionListener listener)
            throws IOException {
        return add(SecureChannel.wrap(channel, options), listener);
    }

    private SecureConnection add(SecureChannel channel, ConnectionListener listener) {
        SecureConnection connection = new SecureConnection(this, channel, listener);
        execute(() -> {
            handshaking.add(connection);
            connection.register();
        });
        return connection;
    }

    Selector selector() {
        return selector;
    }

    /** After a write from another thread: the selector must see the new interest. */
    void wakeup() {
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    private void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void run() {
        long nextTick = System.nanoTime();
        while (running) {
            try {
                selector.select(TICK_MILLIS);
            } catch (IOException e) {
                return;
            }
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
            Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
            while (ready.hasNext()) {
                SelectionKey key = ready.next();
                ready.remove();
                ((SecureConnection) key.attachment()).ready();
            }
            long now = System.nanoTime();
            if (now - nextTick >= 0) {
                nextTick = now + TICK_MILLIS * 1_000_000;
                handshaking.removeIf(c -> {
                    c.checkDeadline(now);
                    return c.isFinished() || c.session().isPresent();
                });
            }
        }
    }

    /** Stops the loop and closes every connection it drives, without callbacks. */
    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(TICK_MILLIS * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            ((SecureConnection) key.attachment()).close();
        }
        selector.close();
    }
}
