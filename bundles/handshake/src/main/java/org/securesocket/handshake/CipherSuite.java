package org.securesocket.handshake;

import java.util.Optional;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.record.ProtocolVersion;

/**
 * The cipher suite table (Go's {@code cipher_suites.go} style): one row per suite with everything
 * the handshake and record layer need. Policy filters and orders it; TLS 1.3 rows and the CBC
 * rows of the legacy suites are added here as new rows.
 */
public enum CipherSuite {
    // RFC 5289 and RFC 7905; the order is our preference.
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xc02b, KeyExchange.ECDHE_ECDSA, AeadAlgorithm.AES_128_GCM,
            HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xc02f, KeyExchange.ECDHE_RSA, AeadAlgorithm.AES_128_GCM,
            HashAlgorithm.SHA256),
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xc02c, KeyExchange.ECDHE_ECDSA, AeadAlgorithm.AES_256_GCM,
            HashAlgorithm.SHA384),
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xc030, KeyExchange.ECDHE_RSA, AeadAlgorithm.AES_256_GCM,
            HashAlgorithm.SHA384),
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xcca9, KeyExchange.ECDHE_ECDSA,
            AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xcca8, KeyExchange.ECDHE_RSA, AeadAlgorithm.CHACHA20_POLY1305,
            HashAlgorithm.SHA256);

    /** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746 section 3.3): never selected. */
    public static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

    private final int codepoint;
    private final KeyExchange keyExchange;
    private final AeadAlgorithm aead;
    private final HashAlgorithm prfHash;

    CipherSuite(int codepoint, KeyExchange keyExchange, AeadAlgorithm aead, HashAlgorithm prfHash) {
        this.codepoint = codepoint;
        this.keyExchange = keyExchange;
        this.aead = aead;
        this.prfHash = prfHash;
    }

    public int codepoint() {
        return codepoint;
    }

    /** The IANA name, e.g. {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}. */
    public String ianaName() {
        return name();
    }

    public KeyExchange keyExchange() {
        return keyExchange;
    }

    public AeadAlgorithm aead() {
        return aead;
    }

    /** The PRF hash (TLS 1.2) and transcript hash. */
    public HashAlgorithm prfHash() {
        return prfHash;
    }

    /**
     * The implicit part of the nonce from the key block (RFC 5288 section 3: 4 bytes of salt for
     * AES-GCM; RFC 7905 section 2: the whole 12-byte nonce mask for ChaCha20-Poly1305).
     */
    public int fixedIvLength() {
        return aead == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4;
    }

    /** Whether the suite can be negotiated in this version. */
    public boolean supports(ProtocolVersion version) {
        return version == ProtocolVersion.TLS12;
    }

    public static Optional<CipherSuite> fromCodepoint(int codepoint) {
        for (CipherSuite s : values()) {
            if (s.codepoint == codepoint) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The suite with this IANA name. */
    public static Optional<CipherSuite> fromName(String name) {
        for (CipherSuite s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A printable name for any code point. */
    public static String describe(int codepoint) {
        return fromCodepoint(codepoint).map(CipherSuite::ianaName).orElse(String.format("0x%04x", codepoint));
    }
}
