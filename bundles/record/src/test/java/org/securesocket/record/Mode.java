package org.securesocket.record;

import java.util.Random;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/** Every protection mode and version, with fresh random keys shared by a writer and a reader. */
enum Mode {
    TLS12_AES_128_GCM(ProtocolVersion.TLS12, AeadAlgorithm.AES_128_GCM),
    TLS12_AES_256_GCM(ProtocolVersion.TLS12, AeadAlgorithm.AES_256_GCM),
    TLS12_CHACHA20_POLY1305(ProtocolVersion.TLS12, AeadAlgorithm.CHACHA20_POLY1305),
    TLS13_AES_128_GCM(ProtocolVersion.TLS13, AeadAlgorithm.AES_128_GCM),
    TLS13_AES_256_GCM(ProtocolVersion.TLS13, AeadAlgorithm.AES_256_GCM),
    TLS13_CHACHA20_POLY1305(ProtocolVersion.TLS13, AeadAlgorithm.CHACHA20_POLY1305);

    static final TlsCrypto CRYPTO = new JcaTlsCrypto();

    final ProtocolVersion version;
    private final AeadAlgorithm aead;

    Mode(ProtocolVersion version, AeadAlgorithm aead) {
        this.version = version;
        this.aead = aead;
    }

    /** Key material for one direction; {@link #protection} builds any number of instances from it. */
    byte[][] keys(Random random) {
        byte[] key = new byte[aead.keyLength()];
        int ivLength = version == ProtocolVersion.TLS12 && aead != AeadAlgorithm.CHACHA20_POLY1305 ? 4 : 12;
        byte[] iv = new byte[ivLength];
        random.nextBytes(key);
        random.nextBytes(iv);
        return new byte[][] {key, iv};
    }

    RecordProtection protection(byte[][] keys) throws TlsException {
        return version == ProtocolVersion.TLS13
                ? RecordProtection.tls13(CRYPTO, aead, keys[0], keys[1])
                : RecordProtection.tls12Aead(CRYPTO, aead, keys[0], keys[1]);
    }

    RecordWriter writer(byte[][] keys) throws TlsException {
        RecordWriter writer = new RecordWriter();
        writer.setVersion(version);
        writer.setProtection(protection(keys));
        return writer;
    }

    RecordReader reader(byte[][] keys) throws TlsException {
        RecordReader reader = new RecordReader();
        reader.setVersion(version);
        reader.setProtection(protection(keys));
        reader.peerFinished();
        return reader;
    }
}
