package org.securesocket.record;

import java.util.Objects;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.TlsCrypto;
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

    @Override
    public String toString() {
        return "RecordProtection[" + description + "]";
    }
}
