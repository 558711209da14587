package org.securesocket.common;

import java.security.SecureRandom;

/** Holder of the shared platform source. */
final class SystemRandom implements RandomSource {
    static final SystemRandom INSTANCE = new SystemRandom();
    private final SecureRandom random = new SecureRandom();

    private SystemRandom() {
    }

    @Override
    public void nextBytes(byte[] out) {
        random.nextBytes(out);
    }
}
