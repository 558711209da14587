package org.securesocket.shell.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.securesocket.x509.der.DerTag;
import org.securesocket.x509.der.DerWriter;

/**
 * The demo's throwaway PKI, made on the spot in memory: a CA and a server certificate it issues (RFC 5280
 * section 4.1), EC P-256 with ECDSA-SHA256. The DER is written with our {@link DerWriter}; the keys and
 * signatures are the JDK's, because the in-process JSSE server needs JDK private keys anyway (no
 * BouncyCastle PKIX at runtime, no JDK-internal classes).
 */
final class DemoPki {
    private static final String EC_PUBLIC_KEY_CURVE = "secp256r1";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A certificate with its private key. */
    record Issued(X509Certificate certificate, PrivateKey key, String subject, byte[] keyIdentifier) {
    }

    private final SecureRandom random = new SecureRandom();

    /** A self-signed CA (basicConstraints cA, keyCertSign) valid for a day around now. */
    Issued ca(String commonName, Instant now) throws GeneralSecurityException {
        KeyPair pair = generate();
        byte[] name = name(commonName);
        byte[] keyId = keyIdentifier(pair);
        return sign(pair.getPrivate(), name, name, pair, now, w -> {
            extension(w, SUBJECT_KEY_IDENTIFIER, false, new DerWriter().writeOctetString(keyId).toByteArray());
            extension(w, BASIC_CONSTRAINTS, true, new DerWriter().writeSequence(s -> s.write(DerTag.BOOLEAN,
                    new byte[] {(byte) 0xff})).toByteArray());
            // keyCertSign (bit 5) and cRLSign (bit 6): one octet 0000 0110, its last bit unused
            extension(w, KEY_USAGE, true, new DerWriter().write(DerTag.BIT_STRING, new byte[] {1, 0x06}).toByteArray());
        }, commonName, keyId);
    }

    /** A server certificate for {@code dnsName} and the loopback addresses, issued by {@code ca}. */
    Issued server(String dnsName, Issued ca, Instant now) throws GeneralSecurityException {
        KeyPair pair = generate();
        byte[] loopback = InetAddress.getLoopbackAddress().getAddress();
        byte[] keyId = keyIdentifier(pair);
        return sign(ca.key(), name(ca.subject()), name(dnsName), pair, now, w -> {
            extension(w, SUBJECT_KEY_IDENTIFIER, false, new DerWriter().writeOctetString(keyId).toByteArray());
            extension(w, AUTHORITY_KEY_IDENTIFIER, false, new DerWriter().writeSequence(a -> a
                    .write(DerTag.contextPrimitive(0), ca.keyIdentifier())).toByteArray());
            extension(w, BASIC_CONSTRAINTS, true, new DerWriter().writeSequence(s -> { }).toByteArray());
            // digitalSignature (bit 0): one octet 1000 0000, seven bits unused
            extension(w, KEY_USAGE, true, new DerWriter().write(DerTag.BIT_STRING, new byte[] {7, (byte) 0x80})
                    .toByteArray());
            extension(w, EXTENDED_KEY_USAGE, false, new DerWriter().writeSequence(s -> s.writeOid(SERVER_AUTH))
                    .toByteArray());
            extension(w, SUBJECT_ALT_NAME, false, new DerWriter().writeSequence(s -> s
                    .write(DerTag.contextPrimitive(2), dnsName.getBytes(StandardCharsets.US_ASCII))
                    .write(DerTag.contextPrimitive(7), loopback)).toByteArray());
        }, dnsName, keyId);
    }

    /** SHA-1 of the SubjectPublicKeyInfo: one of the "other methods" of RFC 5280 section 4.2.1.2. */
    private static byte[] keyIdentifier(KeyPair pair) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(pair.getPublic().getEncoded());
    }

    private KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(EC_PUBLIC_KEY_CURVE), random);
        return generator.generateKeyPair();
    }

    private Issued sign(PrivateKey issuerKey, byte[] issuer, byte[] subject, KeyPair pair, Instant now,
            java.util.function.Consumer<DerWriter> extensions, String commonName, byte[] keyId)
            throws GeneralSecurityException {
        byte[] algorithm = new DerWriter().writeSequence(s -> s.writeOid(ECDSA_WITH_SHA256)).toByteArray();
        byte[] tbs = new DerWriter().writeSequence(t -> t
                .writeConstructed(DerTag.contextConstructed(0), v -> v.writeInteger(2)) // v3
                .writeInteger(new BigInteger(64, random).setBit(63)) // positive, 8 octets: RFC 5280 section 4.1.2.2
                .writeRaw(algorithm)
                .writeRaw(issuer)
                .writeSequence(v -> v.write(DerTag.UTC_TIME, utcTime(now.minus(1, ChronoUnit.HOURS)))
                        .write(DerTag.UTC_TIME, utcTime(now.plus(1, ChronoUnit.DAYS))))
                .writeRaw(subject)
                .writeRaw(pair.getPublic().getEncoded()) // SubjectPublicKeyInfo as the JDK encodes it
                .writeConstructed(DerTag.contextConstructed(3), e -> e.writeSequence(extensions))).toByteArray();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(issuerKey, random);
        signer.update(tbs);
        byte[] signature = signer.sign(); // ECDSA-Sig-Value in DER, as X.509 wants it
        byte[] der = new DerWriter().writeSequence(c -> c.writeRaw(tbs).writeRaw(algorithm).writeBitString(signature))
                .toByteArray();
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        return new Issued(certificate, pair.getPrivate(), commonName, keyId);
    }

    private static byte[] name(String commonName) {
        return new DerWriter().writeSequence(n -> n.writeConstructed(DerTag.SET, set -> set.writeSequence(a -> a
                .writeOid(COMMON_NAME).write(DerTag.UTF8_STRING, commonName.getBytes(StandardCharsets.UTF_8)))))
                .toByteArray();
    }

    private static void extension(DerWriter w, String oid, boolean critical, byte[] value) {
        w.writeSequence(e -> {
            e.writeOid(oid);
            if (critical) {
                e.write(DerTag.BOOLEAN, new byte[] {(byte) 0xff});
            }
            e.writeOctetString(value);
        });
    }

    private static byte[] utcTime(Instant t) {
        return UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII);
    }
}
