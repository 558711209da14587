package org.securesocket.handshake;

import java.util.Optional;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.record.ProtocolVersion;

/**
 * The cipher suite table (Go's {@code cipher_suites.go} style): one row per suite with everything
 * the handshake and record layer need. Policy filters and orders it. An AEAD row names its AEAD;
 * a CBC row its AES key length and HMAC (RFC 5246 appendix C), from which the key block and the
 * record protection follow without code per suite. A TLS 1.3 row belongs to TLS 1.3 alone; the
 * AEAD and SHA-256/384 rows to TLS 1.2 alone; the CBC-SHA rows to TLS 1.0 to 1.2 (RFC 8446
 * section 4.1.3, RFC 5246 appendix A.5: the suite must fit the negotiated version).
 */
public enum CipherSuite {
    // RFC 8446 appendix B.4; the order is our preference.
    TLS_AES_128_GCM_SHA256(0x1301, KeyExchange.TLS13_ANY, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
    TLS_AES_256_GCM_SHA384(0x1302, KeyExchange.TLS13_ANY, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, KeyExchange.TLS13_ANY, AeadAlgorithm.CHACHA20_POLY1305,
            HashAlgorithm.SHA256),
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
            HashAlgorithm.SHA256),
    // RFC 5288: the finite-field DHE AEAD suites (off unless the policy enables DHE_RSA).
    TLS_DHE_RSA_WITH_AES_128_GCM_SHA256(0x009e, KeyExchange.DHE_RSA, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_256_GCM_SHA384(0x009f, KeyExchange.DHE_RSA, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
    // RFC 8422 / RFC 5289 / RFC 5246: the CBC suites (MAC-then-encrypt unless encrypt_then_mac), off by default.
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256(0xc023, KeyExchange.ECDHE_ECDSA, 16, HashAlgorithm.SHA256,
            HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256(0xc027, KeyExchange.ECDHE_RSA, 16, HashAlgorithm.SHA256,
            HashAlgorithm.SHA256),
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384(0xc024, KeyExchange.ECDHE_ECDSA, 32, HashAlgorithm.SHA384,
            HashAlgorithm.SHA384),
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384(0xc028, KeyExchange.ECDHE_RSA, 32, HashAlgorithm.SHA384,
            HashAlgorithm.SHA384),
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA(0xc009, KeyExchange.ECDHE_ECDSA, 16, HashAlgorithm.SHA1,
            HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xc013, KeyExchange.ECDHE_RSA, 16, HashAlgorithm.SHA1, HashAlgorithm.SHA256),
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA(0xc00a, KeyExchange.ECDHE_ECDSA, 32, HashAlgorithm.SHA1,
            HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA(0xc014, KeyExchange.ECDHE_RSA, 32, HashAlgorithm.SHA1, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA256(0x0067, KeyExchange.DHE_RSA, 16, HashAlgorithm.SHA256, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA256(0x006b, KeyExchange.DHE_RSA, 32, HashAlgorithm.SHA256, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA(0x0033, KeyExchange.DHE_RSA, 16, HashAlgorithm.SHA1, HashAlgorithm.SHA256),
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA(0x0039, KeyExchange.DHE_RSA, 32, HashAlgorithm.SHA1, HashAlgorithm.SHA256),
    // RFC 5246 appendix A.5: static RSA key exchange (no forward secrecy), off by default.
    TLS_RSA_WITH_AES_128_CBC_SHA(0x002f, KeyExchange.RSA, 16, HashAlgorithm.SHA1, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_256_CBC_SHA(0x0035, KeyExchange.RSA, 32, HashAlgorithm.SHA1, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_128_CBC_SHA256(0x003c, KeyExchange.RSA, 16, HashAlgorithm.SHA256, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_256_CBC_SHA256(0x003d, KeyExchange.RSA, 32, HashAlgorithm.SHA256, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_128_GCM_SHA256(0x009c, KeyExchange.RSA, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_256_GCM_SHA384(0x009d, KeyExchange.RSA, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384);

    /** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746 section 3.3): never selected. */
    public static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

    private final int codepoint;
    private final KeyExchange keyExchange;
    private final AeadAlgorithm aead;
    private final int cbcKeyLength;
    private final HashAlgorithm macAlgorithm;
    private final HashAlgorithm prfHash;

    /** An AEAD row. */
    CipherSuite(int codepoint, KeyExchange keyExchange, AeadAlgorithm aead, HashAlgorithm prfHash) {
        this(codepoint, keyExchange, aead, 0, null, prfHash);
    }

    /** A CBC row: AES with a 16- or 32-byte key and HMAC with {@code macAlgorithm}. */
    CipherSuite(int codepoint, KeyExchange keyExchange, int cbcKeyLength, HashAlgorithm macAlgorithm,
            HashAlgorithm prfHash) {
        this(codepoint, keyExchange, null, cbcKeyLength, macAlgorithm, prfHash);
    }

    CipherSuite(int codepoint, KeyExchange keyExchange, AeadAlgorithm aead, int cbcKeyLength,
            HashAlgorithm macAlgorithm, HashAlgorithm prfHash) {
        this.codepoint = codepoint;
        this.keyExchange = keyExchange;
        this.aead = aead;
        this.cbcKeyLength = cbcKeyLength;
        this.macAlgorithm = macAlgorithm;
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

    /** The AEAD of an AEAD row; null for a CBC row. */
    public AeadAlgorithm aead() {
        return aead;
    }

    public boolean isAead() {
        return aead != null;
    }

    /** The HMAC of a CBC row (its key is as long as the hash, RFC 5246 section 6.3); null for AEAD. */
    public HashAlgorithm macAlgorithm() {
        return macAlgorithm;
    }

    /** The bulk cipher's key length in bytes: the AEAD's or the CBC row's AES key. */
    public int cipherKeyLength() {
        return isAead() ? aead.keyLength() : cbcKeyLength;
    }

    /**
     * The PRF hash of TLS 1.2 (SHA-256 unless the suite says SHA-384: RFC 5246 section 5, RFC 5289),
     * the HKDF hash (TLS 1.3) and the transcript hash; TLS 1.0 and 1.1 use MD5 and SHA-1 instead.
     */
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

    /**
     * Whether the suite can be negotiated in this version: TLS 1.3 rows in TLS 1.3; the CBC rows
     * with HMAC-SHA1 in TLS 1.0 to 1.2; the AEAD and SHA-256/384 rows in TLS 1.2 alone (RFC 5246
     * appendix A.5, RFC 5288 section 4, RFC 5289 section 4).
     */
    public boolean supports(ProtocolVersion version) {
        if (keyExchange == KeyExchange.TLS13_ANY) {
            return version == ProtocolVersion.TLS13;
        }
        return macAlgorithm == HashAlgorithm.SHA1 ? version != ProtocolVersion.TLS13
                : version == ProtocolVersion.TLS12;
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
