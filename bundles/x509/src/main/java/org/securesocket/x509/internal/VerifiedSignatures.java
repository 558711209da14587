package org.securesocket.x509.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.securesocket.common.RecentlyUsed;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.TlsCrypto;

/**
 * The certificate signatures that verified recently, shared by the JVM: a gateway that reconnects
 * to the same servers sees the same chains, and their signatures need checking once.
 *
 * <p>Why this is sound: an entry is stored only after the crypto returned {@code true}, under a
 * SHA-256 of everything the result depends on: the issuer's whole SubjectPublicKeyInfo, the scheme,
 * the signed tbsCertificate and the signature bits (each length-prefixed), and the class of the
 * crypto that said so (one implementation's leniency never answers for another). A valid signature
 * stays valid, so a hit only repeats a verification that passed over the same bytes; any other
 * byte, key or scheme misses and is verified for real, and failures are never stored. Trust is not
 * cached: the path search still finds the issuer among the current anchors (a removed CA is no
 * candidate, whatever was verified with its key) and every other check (validity at the current
 * time, names, key usage, constraints, policy, host name) runs on every validation. Bounded LRU.
 */
final class VerifiedSignatures {
    /** Entries kept: a few chains for each of the servers a gateway talks to. */
    static final int CAPACITY = 256;

    private static final RecentlyUsed<ByteBuffer, Boolean> VERIFIED = new RecentlyUsed<>(CAPACITY);

    private VerifiedSignatures() {
    }

    /** The key of one verification; {@code null} if this JDK has no SHA-256 (then nothing is cached). */
    static ByteBuffer key(TlsCrypto crypto, SignatureScheme scheme, byte[] issuerSpki, byte[] tbs, byte[] signature) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            return null; // every Java SE platform has SHA-256; without it we simply verify every time
        }
        update(sha256, crypto.getClass().getName().getBytes(StandardCharsets.UTF_8));
        update(sha256, new byte[] {(byte) (scheme.codepoint() >> 8), (byte) scheme.codepoint()});
        update(sha256, issuerSpki);
        update(sha256, tbs);
        update(sha256, signature);
        return ByteBuffer.wrap(sha256.digest());
    }

    private static void update(MessageDigest digest, byte[] field) {
        int n = field.length;
        digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        digest.update(field);
    }

    static boolean contains(ByteBuffer key) {
        if (key == null) {
            return false;
        }
        return VERIFIED.get(key) != null; // a hit refreshes the entry's place
    }

    /** Call only after a real verification returned {@code true}. */
    static void add(ByteBuffer key) {
        if (key != null) {
            VERIFIED.put(key, Boolean.TRUE);
        }
    }
}
