package org.securesocket.common;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The counter-mode hash stream behind {@link RandomSource#deterministic(long)}. */
final class DeterministicRandom implements RandomSource {
    private final long seed;
    private final MessageDigest sha256;
    private final byte[] block = new byte[32];
    private long counter;
    private int available;

    DeterministicRandom(long seed) {
        this.seed = seed;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every Java platform", e);
        }
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (available == 0) {
                sha256.update(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
                byte[] digest = sha256.digest();
                System.arraycopy(digest, 0, block, 0, block.length);
                available = block.length;
            }
            out[i] = block[block.length - available--];
        }
    }
}
