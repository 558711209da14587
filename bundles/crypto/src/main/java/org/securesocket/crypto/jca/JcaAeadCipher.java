package org.securesocket.crypto.jca;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;

/**
 * AES-GCM or ChaCha20-Poly1305 keyed once, on a {@link Cipher} taken from the JVM's
 * {@link CipherPool} for each record and re-initialised with the record's nonce: the nonce
 * parameter object is the only allocation of ours (the JCA takes no other form of nonce), and
 * between records this object holds the key only. The JDK refuses to reuse a key and nonce pair
 * (GCM to encrypt; ChaCha20 in both directions), which surfaces as internal_error: TLS never
 * repeats a nonce on one key.
 */
final class JcaAeadCipher implements AeadCipher {
    private static final AtomicLong IDS = new AtomicLong();

    private final AeadAlgorithm algorithm;
    private final SecretKeySpec key;
    private final CipherPool sealing;
    private final CipherPool opening;
    /** Tells this cipher's initialisations of a pooled instance from other users'. */
    private final long id = IDS.incrementAndGet();

    JcaAeadCipher(AeadAlgorithm algorithm, SecretKeySpec key) {
        this.algorithm = algorithm;
        this.key = key;
        this.sealing = CipherPool.of(algorithm, true);
        this.opening = CipherPool.of(algorithm, false);
    }

    static String transformation(AeadAlgorithm algorithm) {
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding";
    }

    static String keyAlgorithm(AeadAlgorithm algorithm) {
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? "ChaCha20" : "AES";
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer out) throws TlsException {
        CipherPool.Lease lease = sealing.take();
        try {
            init(lease, Cipher.ENCRYPT_MODE, nonce, aad);
            return lease.cipher.doFinal(plaintext, out);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR, algorithm + " encryption failed: " + e.getMessage(), e);
        } finally {
            sealing.give(lease);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer out) throws TlsException {
        if (ciphertext.remaining() < algorithm.tagLength()) {
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                    algorithm + " record of " + ciphertext.remaining() + " bytes is shorter than its tag");
        }
        CipherPool.Lease lease = opening.take();
        try {
            init(lease, Cipher.DECRYPT_MODE, nonce, aad);
            return lease.cipher.doFinal(atOffsetZeroIfChaCha(ciphertext, lease), out);
        } catch (AEADBadTagException e) {
            throw new TlsException(ErrorCode.RECORD_BAD_RECORD_MAC,
                    algorithm + " record failed authentication (wrong key, nonce, header or tampered data)", e);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR, algorithm + " decryption failed: " + e.getMessage(), e);
        } finally {
            opening.give(lease);
        }
    }

    /**
     * JDK 17's ChaCha20-Poly1305 allocates about twice the ciphertext (35 KB for a 16 KB record)
     * when decrypting from a non-zero array offset, and about 2 KB from offset 0; a record in a
     * received stream is never at offset 0. Copying it to the start of a reused array (the pooled
     * cipher's) is cheaper.
     */
    private ByteBuffer atOffsetZeroIfChaCha(ByteBuffer ciphertext, CipherPool.Lease lease) {
        if (algorithm != AeadAlgorithm.CHACHA20_POLY1305 || !ciphertext.hasArray()
                || ciphertext.arrayOffset() + ciphertext.position() == 0) {
            return ciphertext;
        }
        int length = ciphertext.remaining();
        if (lease.scratch == null || lease.scratch.capacity() < length) {
            lease.scratch = ByteBuffer.allocate(length);
        }
        return lease.scratch.clear().put(ciphertext).flip();
    }

    /**
     * Initialises the leased cipher for one record. The JDK refuses an initialisation with the key
     * and nonce of the instance's previous one (GCM to encrypt, ChaCha20 in both modes). When that
     * previous one was another user's (a pooled instance: another protection on the same key and
     * direction, as tests have), the refusal says nothing about this cipher, and the instance is
     * initialised once with another nonce before this record's; when it was ours, it stands (a
     * repeated nonce). The record layer's sequence numbers are what keep a nonce from repeating.
     */
    private void init(CipherPool.Lease lease, int mode, byte[] nonce, byte[] aad) throws TlsException {
        if (nonce.length != algorithm.nonceLength()) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR,
                    algorithm + " needs a " + algorithm.nonceLength() + "-byte nonce, got " + nonce.length);
        }
        AlgorithmParameterSpec spec = spec(nonce);
        try {
            try {
                lease.cipher.init(mode, key, spec);
            } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
                initAfterAnotherUser(lease, mode, nonce, spec, e);
            }
            lease.lastUser = id;
            lease.cipher.updateAAD(aad);
        } catch (GeneralSecurityException e) {
            throw new TlsException(ErrorCode.INTERNAL_ERROR,
                    algorithm + " refused the key or nonce (a repeated nonce?): " + e.getMessage(), e);
        }
    }

    /** The rare path of {@link #init}, apart so that the per-record path stays small enough to inline. */
    private void initAfterAnotherUser(CipherPool.Lease lease, int mode, byte[] nonce, AlgorithmParameterSpec spec,
            GeneralSecurityException refusal) throws GeneralSecurityException {
        if (lease.lastUser == id) {
            throw refusal;
        }
        // moved off the other user's nonce first (an initialisation produces no output)
        byte[] other = nonce.clone();
        other[0] ^= 1;
        lease.cipher.init(mode, key, spec(other));
        lease.cipher.init(mode, key, spec);
    }

    private AlgorithmParameterSpec spec(byte[] nonce) {
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305
                ? new IvParameterSpec(nonce)
                : new GCMParameterSpec(algorithm.tagLength() * 8, nonce);
    }
}
