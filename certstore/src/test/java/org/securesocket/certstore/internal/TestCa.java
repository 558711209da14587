package org.securesocket.certstore.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.securesocket.x509.Certificate;

/**
 * A test root CA (BouncyCastle, test scope only) whose subjectKeyIdentifier is given (any length)
 * or absent, and the leaves it issues, whose authorityKeyIdentifier is the key identifier given.
 */
final class TestCa {
    static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2090-01-01T00:00:00Z");
    private static final AtomicLong SERIAL = new AtomicLong(1);

    final String subject;
    final KeyPair keys = ec();
    final Certificate root;

    /** A root named {@code subject} with this subjectKeyIdentifier, or none when null. */
    TestCa(String subject, byte[] ski) {
        this(subject, ski, TO);
    }

    /** As {@link #TestCa(String, byte[])}, valid until {@code notAfter}. */
    TestCa(String subject, byte[] ski, Instant notAfter) {
        this.subject = subject;
        try {
            X509v3CertificateBuilder b = builder(subject, subject, keys, FROM, notAfter);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            if (ski != null) {
                b.addExtension(Extension.subjectKeyIdentifier, false, new DEROctetString(ski));
            }
            root = sign(b, keys);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-1 of this CA's subjectPublicKey bits, computed here with BouncyCastle. */
    byte[] sha1OfKey() throws GeneralSecurityException {
        byte[] bits = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getBytes();
        return MessageDigest.getInstance("SHA-1").digest(bits);
    }

    /** A server certificate for {@code dns}, with {@code aki} as its authorityKeyIdentifier (none when null). */
    Certificate leaf(String dns, byte[] aki) {
        try {
            X509v3CertificateBuilder b = builder(subject, "CN=" + dns, ec(), FROM, TO);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dns)));
            if (aki != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(aki));
            }
            return sign(b, keys);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509v3CertificateBuilder builder(String issuer, String subject, KeyPair subjectKeys, Instant from,
            Instant to) {
        return new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(SERIAL.getAndIncrement()),
                Date.from(from), Date.from(to), new X500Name(subject), subjectKeys.getPublic());
    }

    private static Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
        return Certificate.read(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()))
                .getEncoded());
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
