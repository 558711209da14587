package org.securesocket.handshake.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.Hkdf;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.record.RecordProtection;

/**
 * The TLS 1.3 key schedule (RFC 8446 section 7.1) for one suite: early secret (from a PSK or
 * zeros), handshake secret (from the (EC)DHE shared secret), master secret, and the traffic
 * secrets, keys, Finished keys and binders derived from them. Each stage replaces the previous one.
 */
public final class Tls13KeySchedule {
    private final TlsCrypto crypto;
    private final CipherSuite suite;
    private final HashAlgorithm hash;
    private byte[] secret;

    /** The early secret: HKDF-Extract(0, PSK), with zeros of the hash length when there is no PSK. */
    public Tls13KeySchedule(TlsCrypto crypto, CipherSuite suite, byte[] psk) throws TlsException {
        this.crypto = crypto;
        this.suite = suite;
        this.hash = suite.prfHash();
        this.secret = Hkdf.extract(crypto, hash, new byte[0], psk == null ? new byte[hash.outputLength()] : psk);
    }

    /** The current stage's secret (early, handshake or master), for known-answer tests. */
    public byte[] secret() {
        return secret.clone();
    }

    /** Moves to the next stage: HKDF-Extract(Derive-Secret(secret, "derived", ""), ikm). */
    public void advance(byte[] ikm) throws TlsException {
        byte[] emptyHash = crypto.createHash(hash).currentDigest();
        byte[] derived = Hkdf.deriveSecret(crypto, hash, secret, "derived", emptyHash);
        Arrays.fill(secret, (byte) 0);
        secret = Hkdf.extract(crypto, hash, derived, ikm == null ? new byte[hash.outputLength()] : ikm);
    }

    /** Derive-Secret(current secret, label, transcript hash). */
    public byte[] derive(String label, byte[] transcriptHash) throws TlsException {
        return Hkdf.deriveSecret(crypto, hash, secret, label, transcriptHash);
    }

    /** The PSK binder key "res binder" over the empty transcript (section 7.1; external PSKs use "ext binder"). */
    public byte[] resumptionBinderKey() throws TlsException {
        return derive("res binder", crypto.createHash(hash).currentDigest());
    }

    /** The record protection of a traffic secret: its "key" and "iv" (section 7.3). */
    public RecordProtection protection(byte[] trafficSecret) throws TlsException {
        byte[] key = Hkdf.expandLabel(crypto, hash, trafficSecret, "key", new byte[0], suite.aead().keyLength());
        byte[] iv = Hkdf.expandLabel(crypto, hash, trafficSecret, "iv", new byte[0], 12);
        return RecordProtection.tls13(crypto, suite.aead(), key, iv);
    }

    /** The next generation of a traffic secret, for KeyUpdate (section 7.2). */
    public byte[] nextTrafficSecret(byte[] trafficSecret) throws TlsException {
        return Hkdf.expandLabel(crypto, hash, trafficSecret, "traffic upd", new byte[0], hash.outputLength());
    }

    /** Finished verify_data (section 4.4.4): HMAC(HKDF-Expand-Label(base, "finished", "", Hash.length), hash). */
    public byte[] finishedMac(byte[] baseKey, byte[] transcriptHash) throws TlsException {
        byte[] finishedKey = Hkdf.expandLabel(crypto, hash, baseKey, "finished", new byte[0], hash.outputLength());
        var hmac = crypto.createHmac(hash, finishedKey);
        hmac.update(transcriptHash);
        return hmac.doFinal();
    }

    /** Checks a peer's verify_data in constant time. */
    public boolean checkFinished(byte[] baseKey, byte[] transcriptHash, byte[] received) throws TlsException {
        return MessageDigest.isEqual(finishedMac(baseKey, transcriptHash), received);
    }

    /** The PSK of a ticket: HKDF-Expand-Label(resumption_master_secret, "resumption", nonce, Hash.length) (4.6.1). */
    public static byte[] ticketPsk(TlsCrypto crypto, HashAlgorithm hash, byte[] resumptionMasterSecret, byte[] nonce)
            throws TlsException {
        return Hkdf.expandLabel(crypto, hash, resumptionMasterSecret, "resumption", nonce, hash.outputLength());
    }
}
