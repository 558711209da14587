package org.securesocket.handshake.internal;

import java.io.ByteArrayOutputStream;
import org.securesocket.crypto.TranscriptHash;

/**
 * The running hash of the handshake messages. Until the suite (and so the hash) is known the
 * messages are kept as bytes; {@link #start} hashes them and everything after. TLS 1.0 and 1.1
 * hash with MD5 and SHA-1 side by side ({@link #startLegacy}: RFC 2246 section 7.4.9).
 */
public final class Transcript {
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private TranscriptHash hash;
    private TranscriptHash md5;
    /** Every message as sent, while a TLS 1.2 CertificateVerify may still need them (null otherwise). */
    private ByteArrayOutputStream retained;

    /**
     * Also keeps the messages themselves, from the first one on: a TLS 1.2 CertificateVerify signs
     * {@code handshake_messages} with the hash of its signature scheme (RFC 5246 section 7.4.8), which
     * need not be the PRF's, and Ed25519 signs the message itself.
     */
    public void retainMessages() {
        if (hash != null || pending.size() != 0) {
            throw new IllegalStateException("messages must be retained from the first one");
        }
        retained = new ByteArrayOutputStream();
    }

    /** The messages so far, kept since {@link #retainMessages}. */
    public byte[] messages() {
        if (retained == null) {
            throw new IllegalStateException("the messages were not retained");
        }
        return retained.toByteArray();
    }

    /** Drops the retained messages: no CertificateVerify will need them. */
    public void releaseMessages() {
        retained = null;
    }

    /** Drops everything once the handshake is complete: post-handshake messages are never hashed (RFC 8446 4.4.1). */
    public void release() {
        pending = null;
        hash = null;
        md5 = null;
        retained = null;
    }

    public void add(byte[] encodedMessage) {
        if (retained != null) {
            retained.write(encodedMessage, 0, encodedMessage.length);
        }
        if (hash == null) {
            pending.write(encodedMessage, 0, encodedMessage.length);
        } else {
            hash.update(encodedMessage);
            if (md5 != null) {
                md5.update(encodedMessage);
            }
        }
    }

    /** Fixes the TLS 1.0/1.1 hashes: {@link #digest} is then {@code MD5(messages) || SHA-1(messages)}. */
    public void startLegacy(TranscriptHash md5Hash, TranscriptHash sha1Hash) {
        md5Hash.update(pending.toByteArray());
        start(sha1Hash);
        md5 = md5Hash;
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

    /**
     * Fixes the hash after a HelloRetryRequest (RFC 8446 section 4.4.1): the buffered ClientHello1
     * (its first {@code clientHelloLength} bytes) is replaced by the synthetic message_hash message
     * {@code 254 00 00 Hash.length Hash(ClientHello1)}; the HelloRetryRequest follows as it was.
     */
    public void startAfterHelloRetry(TranscriptHash transcriptHash, int clientHelloLength) {
        if (hash != null) {
            throw new IllegalStateException("the transcript hash is already chosen");
        }
        byte[] buffered = pending.toByteArray();
        TranscriptHash first = transcriptHash.copy();
        first.update(buffered, 0, clientHelloLength);
        byte[] digest = first.currentDigest();
        transcriptHash.update(new byte[] {(byte) 254, 0, 0, (byte) digest.length});
        transcriptHash.update(digest);
        transcriptHash.update(buffered, clientHelloLength, buffered.length - clientHelloLength);
        hash = transcriptHash;
        pending = null;
    }

    /** Whether the hash is chosen. */
    public boolean isStarted() {
        return hash != null;
    }

    /** The hash of every message so far. */
    public byte[] digest() {
        if (hash == null) {
            throw new IllegalStateException("the transcript hash is not chosen yet, or already released");
        }
        return md5 == null ? hash.currentDigest() : Tls12KeySchedule.concat(md5.currentDigest(), hash.currentDigest());
    }
}
