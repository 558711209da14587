package org.securesocket.record;

import java.util.Random;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/** Every protection mode and version, with fresh random keys shared by a writer and a reader. */
enum Mode {
    TLS10_AES_128_CBC_SHA(ProtocolVersion.TLS10, null, HashAlgorithm.SHA1, 16, false),
    TLS10_AES_128_CBC_SHA_ETM(ProtocolVersion.TLS10, null, HashAlgorithm.SHA1, 16, true),
    TLS11_AES_256_CBC_SHA(ProtocolVersion.TLS11, null, HashAlgorithm.SHA1, 32, false),
    TLS12_AES_128_CBC_SHA256(ProtocolVersion.TLS12, null, HashAlgorithm.SHA256, 16, false),
    TLS12_AES_256_CBC_SHA384(ProtocolVersion.TLS12, null, HashAlgorithm.SHA384, 32, false),
    TLS12_AES_128_CBC_SHA_ETM(ProtocolVersion.TLS12, null, HashAlgorithm.SHA1, 16, true),
    TLS12_AES_128_GCM(ProtocolVersion.TLS12, AeadAlgorithm.AES_128_GCM, null, 16, false),
    TLS12_AES_256_GCM(ProtocolVersion.TLS12, AeadAlgorithm.AES_256_GCM, null, 32, false),
    TLS12_CHACHA20_POLY1305(ProtocolVersion.TLS12, AeadAlgorithm.CHACHA20_POLY1305, null, 32, false),
    TLS13_AES_128_GCM(ProtocolVersion.TLS13, AeadAlgorithm.AES_128_GCM, null, 16, false),
    TLS13_AES_256_GCM(ProtocolVersion.TLS13, AeadAlgorithm.AES_256_GCM, null, 32, false),
    TLS13_CHACHA20_POLY1305(ProtocolVersion.TLS13, AeadAlgorithm.CHACHA20_POLY1305, null, 32, false);

    static final TlsCrypto CRYPTO = new JcaTlsCrypto();

    final ProtocolVersion version;
    private final AeadAlgorithm aead;
    private final HashAlgorithm mac;
    private final int keyLength;
    private final boolean encryptThenMac;

    Mode(ProtocolVersion version, AeadAlgorithm aead, HashAlgorithm mac, int keyLength, boolean encryptThenMac) {
        this.version = version;
        this.aead = aead;
        this.mac = mac;
        this.keyLength = keyLength;
        this.encryptThenMac = encryptThenMac;
    }

    boolean isCbc() {
        return aead == null;
    }

    private static byte[] random(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** Key material for one direction: {key, iv} or {key, iv, macKey}; iv may be null. */
    byte[][] keys(Random random) {
        if (isCbc()) {
            byte[] iv = version == ProtocolVersion.TLS10 ? random(random, 16) : null;
            return new byte[][] {random(random, keyLength), iv, random(random, mac.outputLength())};
        }
        int ivLength = version == ProtocolVersion.TLS12 && aead != AeadAlgorithm.CHACHA20_POLY1305 ? 4 : 12;
        return new byte[][] {random(random, keyLength), random(random, ivLength)};
    }

    RecordProtection protection(byte[][] keys) throws TlsException {
        if (isCbc()) {
            return RecordProtection.cbc(CRYPTO, version, mac, keys[2], keys[0], keys[1], encryptThenMac);
        }
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
