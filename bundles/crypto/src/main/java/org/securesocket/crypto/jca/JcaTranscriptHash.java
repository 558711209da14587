package org.securesocket.crypto.jca;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.TranscriptHash;

/** A running {@link MessageDigest}; reading the current value digests a clone of the state. */
final class JcaTranscriptHash implements TranscriptHash {
    private final HashAlgorithm algorithm;
    private final MessageDigest digest;

    JcaTranscriptHash(HashAlgorithm algorithm, MessageDigest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
    }

    @Override
    public void update(ByteBuffer data) {
        digest.update(data);
    }

    @Override
    public byte[] currentDigest() {
        return cloneDigest().digest();
    }

    @Override
    public TranscriptHash copy() {
        return new JcaTranscriptHash(algorithm, cloneDigest());
    }

    private MessageDigest cloneDigest() {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            // JcaTlsCrypto only offers digests whose clone it has checked.
            throw new IllegalStateException(digest.getAlgorithm() + " cannot be cloned", e);
        }
    }
}
