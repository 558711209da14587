package org.securesocket.crypto.jca;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import org.securesocket.common.RandomSource;

/**
 * A {@link SecureRandom} that draws every byte from a {@link RandomSource}, so that the JCA's key
 * generation, ECDSA nonces, PSS salts and PKCS#1 padding follow the injected source (a deterministic
 * one in tests). Seeding is ignored: the source owns its state. Public so that other providers
 * (bundles/crypto-bc) draw from the same kind of source the same way.
 */
public final class RandomSourceSecureRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    public RandomSourceSecureRandom(RandomSource source) {
        super(new Spi(source), null);
    }

    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final transient RandomSource source;

        Spi(RandomSource source) {
            this.source = source;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // The source is not reseeded from outside: a deterministic source must stay reproducible.
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            source.nextBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            return source.bytes(numBytes);
        }
    }
}
