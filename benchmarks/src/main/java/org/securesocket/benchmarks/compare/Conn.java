package org.securesocket.benchmarks.compare;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One established connection of any of the three clients. */
interface Conn extends Closeable {
    InputStream in() throws IOException;

    OutputStream out() throws IOException;

    /** Whether the handshake resumed a session. */
    boolean resumed();

    /** The most plaintext bytes per record the handshake settled on. */
    int fragmentLimit();

    /** Drops the session from the client's cache, so that the next handshake is a full one. */
    void forgetSession();

    @Override
    void close() throws IOException;
}
