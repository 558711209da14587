package org.securesocket.handshake.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.Prf;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;

/**
 * The TLS 1.0 to 1.2 secrets: master secret (RFC 5246 section 8.1, RFC 7627 section 4), key block (6.3),
 * Finished (7.4.9). TLS 1.2 uses the suite's PRF hash; TLS 1.0 and 1.1 the MD5 XOR SHA-1 PRF (RFC 2246
 * section 5) and the MD5 || SHA-1 transcript hash.
 */
public final class Tls12KeySchedule {
    /** verify_data length of every suite here. */
    public static final int VERIFY_DATA_LENGTH = 12;
    private static final int MASTER_SECRET_LENGTH = 48;
    /** The AES block, which is the TLS 1.0 write IV's length (RFC 2246 section 6.3). */
    private static final int CBC_IV_LENGTH = 16;

    private final TlsCrypto crypto;
    private final ProtocolVersion version;
    private final CipherSuite suite;
    private final byte[] masterSecret;

    private Tls12KeySchedule(TlsCrypto crypto, ProtocolVersion version, CipherSuite suite, byte[] masterSecret) {
        this.crypto = crypto;
        this.version = version;
        this.suite = suite;
        this.masterSecret = masterSecret;
    }

    /**
     * The extended master secret {@code PRF(pms, "extended master secret", session_hash)} when
     * {@code sessionHash} is given, else {@code PRF(pms, "master secret", client_random + server_random)}.
     */
    public static Tls12KeySchedule derive(TlsCrypto crypto, ProtocolVersion version, CipherSuite suite,
            byte[] premasterSecret, byte[] sessionHash, byte[] clientRandom, byte[] serverRandom) throws TlsException {
        byte[] master = sessionHash != null
                ? prf(crypto, version, suite, premasterSecret, "extended master secret", sessionHash,
                        MASTER_SECRET_LENGTH)
                : prf(crypto, version, suite, premasterSecret, "master secret", concat(clientRandom, serverRandom),
                        MASTER_SECRET_LENGTH);
        Arrays.fill(premasterSecret, (byte) 0);
        return new Tls12KeySchedule(crypto, version, suite, master);
    }

    /** Starts the transcript hash of {@code version}: the suite's PRF hash, or MD5 and SHA-1 before TLS 1.2. */
    static void startTranscript(Context ctx, ProtocolVersion version, CipherSuite suite) throws TlsException {
        if (version.atLeast(ProtocolVersion.TLS12)) {
            ctx.transcript.start(ctx.crypto.createHash(suite.prfHash()));
        } else {
            ctx.transcript.startLegacy(ctx.crypto.createHash(HashAlgorithm.MD5),
                    ctx.crypto.createHash(HashAlgorithm.SHA1));
        }
    }

    private static byte[] prf(TlsCrypto crypto, ProtocolVersion version, CipherSuite suite, byte[] secret,
            String label, byte[] seed, int length) throws TlsException {
        return version.atLeast(ProtocolVersion.TLS12) ? Prf.tls12(crypto, suite.prfHash(), secret, label, seed, length)
                : Prf.tls10(crypto, secret, label, seed, length);
    }

    /** The schedule of a resumed session (RFC 5246 section 7.3): its master secret, new randoms. */
    static Tls12KeySchedule resume(TlsCrypto crypto, ProtocolVersion version, CipherSuite suite,
            byte[] masterSecret) {
        return new Tls12KeySchedule(crypto, version, suite, masterSecret.clone());
    }

    /** A copy of the master secret, for the session cache. */
    byte[] masterSecret() {
        return masterSecret.clone();
    }

    /** Reports the master secret to the key log: {@code CLIENT_RANDOM <client_random> <master_secret>}. */
    void log(Context ctx) {
        ctx.logSecret("CLIENT_RANDOM", masterSecret);
    }

    /**
     * The two directions' protections: [client write, server write]. The key block (RFC 5246 section 6.3)
     * holds, in order, the MAC keys (CBC rows), the cipher keys, and the IVs: the AEAD salt (RFC 5288
     * section 3) or, in TLS 1.0 only, the CBC write IVs (TLS 1.1 and 1.2 send an explicit IV per record).
     */
    public RecordProtection[] protections(byte[] clientRandom, byte[] serverRandom, boolean encryptThenMac)
            throws TlsException {
        int macLength = suite.isAead() ? 0 : suite.macAlgorithm().outputLength();
        int keyLength = suite.cipherKeyLength();
        int ivLength = suite.isAead() ? suite.fixedIvLength() : version == ProtocolVersion.TLS10 ? CBC_IV_LENGTH : 0;
        byte[] block = prf(crypto, version, suite, masterSecret, "key expansion", concat(serverRandom, clientRandom),
                2 * (macLength + keyLength + ivLength));
        int at = 0;
        byte[] clientMac = Arrays.copyOfRange(block, at, at += macLength);
        byte[] serverMac = Arrays.copyOfRange(block, at, at += macLength);
        byte[] clientKey = Arrays.copyOfRange(block, at, at += keyLength);
        byte[] serverKey = Arrays.copyOfRange(block, at, at += keyLength);
        byte[] clientIv = Arrays.copyOfRange(block, at, at += ivLength);
        byte[] serverIv = Arrays.copyOfRange(block, at, at + ivLength);
        Arrays.fill(block, (byte) 0);
        if (suite.isAead()) {
            return new RecordProtection[] {
                RecordProtection.tls12Aead(crypto, suite.aead(), clientKey, clientIv),
                RecordProtection.tls12Aead(crypto, suite.aead(), serverKey, serverIv)};
        }
        return new RecordProtection[] {
            RecordProtection.cbc(crypto, version, suite.macAlgorithm(), clientMac, clientKey,
                    ivLength == 0 ? null : clientIv, encryptThenMac),
            RecordProtection.cbc(crypto, version, suite.macAlgorithm(), serverMac, serverKey,
                    ivLength == 0 ? null : serverIv, encryptThenMac)};
    }

    /** verify_data = PRF(master_secret, label, Hash(handshake_messages))[0..11]. */
    public byte[] verifyData(String label, byte[] transcriptHash) throws TlsException {
        return prf(crypto, version, suite, masterSecret, label, transcriptHash, VERIFY_DATA_LENGTH);
    }

    /** Compares the peer's verify_data in constant time (RFC 5246 section 7.4.9). */
    public boolean checkVerifyData(String label, byte[] transcriptHash, byte[] received) throws TlsException {
        return MessageDigest.isEqual(verifyData(label, transcriptHash), received);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
