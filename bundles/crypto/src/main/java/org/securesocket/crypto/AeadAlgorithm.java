package org.securesocket.crypto;

/** The AEAD ciphers of the record layer (RFC 5116, RFC 8439). */
public enum AeadAlgorithm {
    AES_128_GCM(16, 12, 16),
    AES_256_GCM(32, 12, 16),
    CHACHA20_POLY1305(32, 12, 16);

    private final int keyLength;
    private final int nonceLength;
    private final int tagLength;

    AeadAlgorithm(int keyLength, int nonceLength, int tagLength) {
        this.keyLength = keyLength;
        this.nonceLength = nonceLength;
        this.tagLength = tagLength;
    }

    public int keyLength() {
        return keyLength;
    }

    public int nonceLength() {
        return nonceLength;
    }

    public int tagLength() {
        return tagLength;
    }
}
