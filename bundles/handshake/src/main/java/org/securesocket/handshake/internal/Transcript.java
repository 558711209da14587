package org.securesocket.handshake.internal;

import java.io.ByteArrayOutputStream;
import org.securesocket.crypto.TranscriptHash;

/**
 * The running hash of the handshake messages. Until the suite (and so the hash) is known the
 * messages are kept as bytes; {@link #start} hashes them and everything after.
 */
public final class Transcript {
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private TranscriptHash hash;

    public void add(byte[] encodedMessage) {
        if (hash == null) {
            pending.write(encodedMessage, 0, encodedMessage.length);
        } else {
            hash.update(encodedMessage);
        }
    }

    /** Fixes the hash: the buffered messages are hashed now. */
    public void start(TranscriptHash transcriptHash) {
        if (hash != null) {
            throw new IllegalStateException("the transcript hash is already chosen");
        }
        hash = transcriptHash;
        hash.update(pending.toByteArray());
        pending = null;
    }

    /** The hash of every message so far. */
    public byte[] digest() {
        if (hash == null) {
            throw new IllegalStateException("the transcript hash is not chosen yet");
        }
        return hash.currentDigest();
    }
}
