package org.securesocket.crypto;

import java.util.Optional;

/** The hash functions TLS and X.509 use, with the TLS 1.2 HashAlgorithm code (RFC 5246 section 7.4.1.4.1). */
public enum HashAlgorithm {
    MD5(1, 16, 64),
    SHA1(2, 20, 64),
    SHA224(3, 28, 64),
    SHA256(4, 32, 64),
    SHA384(5, 48, 128),
    SHA512(6, 64, 128);

    private final int tlsCode;
    private final int outputLength;
    private final int blockLength;

    HashAlgorithm(int tlsCode, int outputLength, int blockLength) {
        this.tlsCode = tlsCode;
        this.outputLength = outputLength;
        this.blockLength = blockLength;
    }

    /** The TLS 1.2 HashAlgorithm value. */
    public int tlsCode() {
        return tlsCode;
    }

    /** Digest length in bytes. */
    public int outputLength() {
        return outputLength;
    }

    /** Internal block length in bytes (what HMAC pads keys to). */
    public int blockLength() {
        return blockLength;
    }

    /** The hash with this TLS 1.2 code. */
    public static Optional<HashAlgorithm> fromTlsCode(int code) {
        for (HashAlgorithm h : values()) {
            if (h.tlsCode == code) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
