package org.securesocket.handshake;

/**
 * Where a handshake reports its secrets for debugging (the NSS key log that Wireshark reads):
 * off unless a sink is given. Called on the connection's thread; implementations used by several
 * connections must be thread-safe. Secrets go here and nowhere else, never into a trace.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface KeyLogSink {

    /** Logs nothing. */
    KeyLogSink NONE = (label, clientRandom, secret) -> { };

    /**
     * Reports one secret.
     *
     * @param label        the NSS key log label: {@code CLIENT_RANDOM} (the TLS 1.2 master secret),
     *                     {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code SERVER_TRAFFIC_SECRET_0} ...
     * @param clientRandom the 32 bytes of the ClientHello's random, naming the connection
     * @param secret       the secret (a copy the sink may keep)
     */
    void log(String label, byte[] clientRandom, byte[] secret);
}
