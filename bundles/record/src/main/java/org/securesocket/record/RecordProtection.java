package org.securesocket.record;

import java.util.Objects;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.record.internal.CbcProtection;
import org.securesocket.record.internal.NullProtection;
import org.securesocket.record.internal.Protection;
import org.securesocket.record.internal.Tls12AeadProtection;
import org.securesocket.record.internal.Tls13AeadProtection;

/**
 * The keys and sequence number of one direction, opaque to the caller. The handshake derives the
 * key material, builds one of these per direction and hands it to
 * {@link RecordReader#setProtection} or {@link RecordWriter#setProtection} at the moment its
 * protocol switches keys; the sequence number starts at zero. An instance serves exactly one
 * reader or writer. All cryptography goes through the given {@link TlsCrypto}.
 */
public final class RecordProtection {
    private final Protection protection;
    private final String description;

    private RecordProtection(Protection protection, String description) {
        this.protection = protection;
        this.description = description;
    }

    Protection protection() {
        return protection;
    }

    /** No protection: the initial state of both directions. */
    public static RecordProtection none() {
        return new RecordProtection(new NullProtection(), "none");
    }

    /**
     * TLS 1.3 (RFC 8446 section 5.2): the key and iv derived from a traffic secret
     * (section 7.3).
     */
    public static RecordProtection tls13(TlsCrypto crypto, AeadAlgorithm algorithm, byte[] key, byte[] iv)
            throws TlsException {
        Objects.requireNonNull(iv, "iv");
        return new RecordProtection(new Tls13AeadProtection(crypto.createAead(algorithm, key), iv),
                "TLS 1.3 " + algorithm);
    }

    /**
     * TLS 1.2 AEAD (RFC 5288, RFC 7905): the write key and write IV of the key block (4 bytes for
     * AES-GCM, 12 for ChaCha20-Poly1305).
     */
    public static RecordProtection tls12Aead(TlsCrypto crypto, AeadAlgorithm algorithm, byte[] key, byte[] writeIv)
            throws TlsException {
        Objects.requireNonNull(writeIv, "writeIv");
        return new RecordProtection(new Tls12AeadProtection(crypto.createAead(algorithm, key), writeIv),
                "TLS 1.2 " + algorithm);
    }

    /**
     * CBC with HMAC for TLS 1.0 to 1.2 (RFC 5246 section 6.2.3.2), MAC-then-encrypt unless
     * encrypt_then_mac (RFC 7366) was negotiated.
     *
     * @param version   the negotiated version, TLS 1.0 to 1.2
     * @param writeIv   TLS 1.0 only: the key block's write IV, chained from record to record;
     *                  {@code null} for TLS 1.1 and 1.2, which send a random explicit IV per record
     */
    public static RecordProtection cbc(TlsCrypto crypto, ProtocolVersion version, HashAlgorithm macAlgorithm,
            byte[] macKey, byte[] cipherKey, byte[] writeIv, boolean encryptThenMac) throws TlsException {
        if (version == ProtocolVersion.TLS13) {
            throw new IllegalArgumentException("TLS 1.3 has no CBC suites");
        }
        if ((version == ProtocolVersion.TLS10) != (writeIv != null)) {
            throw new IllegalArgumentException("a write IV is required for TLS 1.0 and only there, not " + version);
        }
        CbcProtection protection = new CbcProtection(crypto.createCbc(cipherKey),
                crypto.createHmac(macAlgorithm, macKey), writeIv, encryptThenMac, crypto.random());
        return new RecordProtection(protection, version + " AES-CBC HMAC-" + macAlgorithm
                + (encryptThenMac ? " encrypt_then_mac" : ""));
    }

    @Override
    public String toString() {
        return "RecordProtection[" + description + "]";
    }
}
