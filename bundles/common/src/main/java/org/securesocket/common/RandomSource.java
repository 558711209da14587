package org.securesocket.common;

/**
 * Where the stack takes its random bytes (client random, key shares, IVs, padding). Production code
 * uses {@link #system()}; tests inject {@link #deterministic(long)} so that a handshake can be
 * replayed byte for byte.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface RandomSource {

    /** Fills {@code out} with random bytes. */
    void nextBytes(byte[] out);

    /** Returns {@code length} fresh random bytes. */
    default byte[] bytes(int length) {
        byte[] out = new byte[length];
        nextBytes(out);
        return out;
    }

    /** The platform's strong source, a shared {@link SecureRandom}. */
    static RandomSource system() {
        return SystemRandom.INSTANCE;
    }

    /**
     * A reproducible stream: SHA-256 over (seed, block counter). For tests and recorded
     * handshakes only; it is predictable by construction.
     */
    static RandomSource deterministic(long seed) {
        return new DeterministicRandom(seed);
    }
}
