package org.securesocket.crypto.jca;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;

/**
 * JCA {@link Cipher}s of one AEAD transformation and direction, shared by the connections of this
 * JVM: a record protection keeps its key only and takes a cipher for the time it seals or opens one record (the
 * JCA needs a {@code Cipher.init} per record anyway, for the fresh nonce), so an idle connection
 * holds no cipher, no key schedule and no GHASH or Poly1305 state. Last in, first out: a busy
 * connection keeps getting the instance it just gave back, whose key schedule the JDK keeps when
 * the key is unchanged (JDK 17 {@code AESCrypt.init} compares the key with the last one before
 * expanding it). At most {@link #KEEP} free instances are kept; taking and giving allocate nothing.
 * Thread-safe.
 */
final class CipherPool {
    /** The most free instances kept per pool (about 1 KB each, plus a ChaCha20 scratch array). */
    static final int KEEP = 16;

    private static final CipherPool AES_GCM_SEAL = new CipherPool(AeadAlgorithm.AES_128_GCM);
    private static final CipherPool AES_GCM_OPEN = new CipherPool(AeadAlgorithm.AES_128_GCM);
    private static final CipherPool CHACHA20_POLY1305_SEAL = new CipherPool(AeadAlgorithm.CHACHA20_POLY1305);
    private static final CipherPool CHACHA20_POLY1305_OPEN = new CipherPool(AeadAlgorithm.CHACHA20_POLY1305);

    /** A pooled cipher and the scratch array that travels with it. */
    static final class Lease {
        final Cipher cipher;
        /** Who initialised {@link #cipher} last (the JDK's reuse checks concern that initialisation). */
        long lastUser;
        /** ChaCha20-Poly1305 ciphertexts moved to offset 0 (see {@link JcaAeadCipher}); grown on demand. */
        ByteBuffer scratch;

        private Lease(Cipher cipher) {
            this.cipher = cipher;
        }
    }

    private final String transformation;
    private final Lease[] free = new Lease[KEEP];
    private int count;

    private CipherPool(AeadAlgorithm algorithm) {
        this.transformation = JcaAeadCipher.transformation(algorithm);
    }

    /**
     * The pool for {@code algorithm}'s transformation (AES-GCM of every key length share one) in one
     * direction. Sealing and opening take from separate pools, so that a connection busy both ways
     * keeps one instance per direction with its key schedule, instead of switching keys on one.
     */
    static CipherPool of(AeadAlgorithm algorithm, boolean seal) {
        if (algorithm == AeadAlgorithm.CHACHA20_POLY1305) {
            return seal ? CHACHA20_POLY1305_SEAL : CHACHA20_POLY1305_OPEN;
        }
        return seal ? AES_GCM_SEAL : AES_GCM_OPEN;
    }

    /** A free instance, the one given back last, or a new one. */
    Lease take() throws TlsException {
        synchronized (this) {
            if (count > 0) {
                Lease lease = free[--count];
                free[count] = null;
                return lease;
            }
        }
        try {
            return new Lease(Cipher.getInstance(transformation));
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR,
                    transformation + " is not available: " + e.getMessage(), e);
        }
    }

    /** Gives back an instance from {@link #take}; the caller must not use it any more. */
    void give(Lease lease) {
        synchronized (this) {
            if (count < KEEP) {
                free[count++] = lease;
            }
        }
    }

    /** The free instances now held (for tests). */
    synchronized int free() {
        return count;
    }
}
