package org.securesocket.securesocket;

import org.securesocket.common.TlsException;

/**
 * The original's callback style, called on the {@link SecureEventLoop}'s thread. Unlike the original,
 * an error carries its stable code and a message, writes larger than one record are split (never
 * dropped), and bytes not read in {@link #onReadable} stay readable.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ConnectionListener {

    /** The handshake completed: {@link SecureConnection#session()} says what was negotiated. */
    void onConnected(SecureConnection connection);

    /** Plaintext is ready: {@code count} bytes can be {@link SecureConnection#read read} now. */
    void onReadable(SecureConnection connection, int count);

    /** The network took everything written so far: {@code count} plaintext bytes since the last call. */
    default void onWritable(SecureConnection connection, int count) {
    }

    /** The peer closed the connection; bytes not read yet can still be read. Called once, after which nothing. */
    void onDisconnected(SecureConnection connection);

    /** The connection failed (handshake, certificate, network or timeout) and is closed. Called once, at most. */
    void onError(SecureConnection connection, TlsException error);
}
