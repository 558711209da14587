package org.securesocket.benchmarks.compare;

import java.util.Objects;

/**
 * What a client connects to and how: a loopback port, one protocol version ({@code TLSv1.3} or
 * {@code TLSv1.2}) and one cipher suite (IANA name), whether it keeps sessions to resume them, and
 * the max_fragment_length to request (0: none; only our client is asked for one).
 */
record Target(int port, String version, String suite, boolean resume, int maxFragmentLength) {
    Target(int port, String version, String suite, boolean resume) {
        this(port, version, suite, resume, 0);
    }

    /**
     * Written out: a record's generated equals and hashCode bootstrap through
     * {@code java.lang.runtime.ObjectMethods} on first use, which costs tens of milliseconds in a fresh
     * JVM, and our client's options are looked up by target inside the timed part of {@link Cold}.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && port == t.port && version.equals(t.version) && suite.equals(t.suite)
                && resume == t.resume && maxFragmentLength == t.maxFragmentLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, version, suite, resume, maxFragmentLength);
    }

    static final String HOST = "127.0.0.1";
    /** The name the server certificates carry; every client checks it. */
    static final String SERVER_NAME = "localhost";
}
