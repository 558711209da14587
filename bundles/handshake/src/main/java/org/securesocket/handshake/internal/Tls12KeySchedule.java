package org.securesocket.handshake.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.Prf;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.record.RecordProtection;

/** The TLS 1.2 secrets: master secret (RFC 5246 section 8.1, RFC 7627 section 4), key block (6.3), Finished (7.4.9). */
public final class Tls12KeySchedule {
    /** verify_data length of every TLS 1.2 suite here. */
    public static final int VERIFY_DATA_LENGTH = 12;
    private static final int MASTER_SECRET_LENGTH = 48;

    private final TlsCrypto crypto;
    private final CipherSuite suite;
    private final byte[] masterSecret;

    private Tls12KeySchedule(TlsCrypto crypto, CipherSuite suite, byte[] masterSecret) {
        this.crypto = crypto;
        this.suite = suite;
        this.masterSecret = masterSecret;
    }

    /**
     * The extended master secret {@code PRF(pms, "extended master secret", session_hash)} when
     * {@code sessionHash} is given, else {@code PRF(pms, "master secret", client_random + server_random)}.
     */
    public static Tls12KeySchedule derive(TlsCrypto crypto, CipherSuite suite, byte[] premasterSecret,
            byte[] sessionHash, byte[] clientRandom, byte[] serverRandom) throws TlsException {
        byte[] master = sessionHash != null
                ? Prf.tls12(crypto, suite.prfHash(), premasterSecret, "extended master secret", sessionHash,
                        MASTER_SECRET_LENGTH)
                : Prf.tls12(crypto, suite.prfHash(), premasterSecret, "master secret",
                        concat(clientRandom, serverRandom), MASTER_SECRET_LENGTH);
        Arrays.fill(premasterSecret, (byte) 0);
        return new Tls12KeySchedule(crypto, suite, master);
    }

    /** The schedule of a resumed session (RFC 5246 section 7.3): its master secret, new randoms. */
    static Tls12KeySchedule resume(TlsCrypto crypto, CipherSuite suite, byte[] masterSecret) {
        return new Tls12KeySchedule(crypto, suite, masterSecret.clone());
    }

    /** A copy of the master secret, for the session cache. */
    byte[] masterSecret() {
        return masterSecret.clone();
    }

    /** Reports the master secret to the key log: {@code CLIENT_RANDOM <client_random> <master_secret>}. */
    void log(Context ctx) {
        ctx.logSecret("CLIENT_RANDOM", masterSecret);
    }

    /** The two directions' protections: [client write, server write]. */
    public RecordProtection[] protections(byte[] clientRandom, byte[] serverRandom) throws TlsException {
        int keyLength = suite.aead().keyLength();
        int ivLength = suite.fixedIvLength();
        byte[] block = Prf.tls12(crypto, suite.prfHash(), masterSecret, "key expansion",
                concat(serverRandom, clientRandom), 2 * (keyLength + ivLength));
        int at = 0;
        byte[] clientKey = Arrays.copyOfRange(block, at, at += keyLength);
        byte[] serverKey = Arrays.copyOfRange(block, at, at += keyLength);
        byte[] clientIv = Arrays.copyOfRange(block, at, at += ivLength);
        byte[] serverIv = Arrays.copyOfRange(block, at, at + ivLength);
        Arrays.fill(block, (byte) 0);
        return new RecordProtection[] {
            RecordProtection.tls12Aead(crypto, suite.aead(), clientKey, clientIv),
            RecordProtection.tls12Aead(crypto, suite.aead(), serverKey, serverIv)};
    }

    /** verify_data = PRF(master_secret, label, Hash(handshake_messages))[0..11]. */
    public byte[] verifyData(String label, byte[] transcriptHash) throws TlsException {
        return Prf.tls12(crypto, suite.prfHash(), masterSecret, label, transcriptHash, VERIFY_DATA_LENGTH);
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
