package org.securesocket.securesocket.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates and keys generated for the tests with BouncyCastle's builders (nothing committed). */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** The key types of the interop matrix, and a weak one. */
    public enum KeyKind {
        RSA_2048("RSA", 2048, "SHA256withRSA"),
        RSA_1024("RSA", 1024, "SHA256withRSA"),
        P256("EC", 0, "SHA256withECDSA"),
        P384("EC", 0, "SHA384withECDSA");

        final String algorithm;
        final int bits;
        final String signatureAlgorithm;

        KeyKind(String algorithm, int bits, String signatureAlgorithm) {
            this.algorithm = algorithm;
            this.bits = bits;
            this.signatureAlgorithm = signatureAlgorithm;
        }

        KeyPair generate() throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("RSA")) {
                g.initialize(bits);
            } else {
                g.initialize(new ECGenParameterSpec(this == P256 ? "secp256r1" : "secp384r1"));
            }
            return g.generateKeyPair();
        }
    }

    /** A certificate with its key. */
    public record Issued(X509Certificate certificate, PrivateKey key, KeyKind kind) {
        public String certificatePem() throws Exception {
            return pem("CERTIFICATE", certificate.getEncoded());
        }

        /**
         * The key as OpenSSL writes it: PKCS#8 for RSA, SEC1 with the curve and the public key for EC (the
         * JDK's PKCS#8 omits both from the inner structure, which OpenSSL 3.0 and GnuTLS 3.7 refuse).
         */
        public String keyPem() throws Exception {
            if (!kind.algorithm.equals("EC")) {
                return pem("PRIVATE KEY", key.getEncoded());
            }
            org.bouncycastle.asn1.pkcs.PrivateKeyInfo info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(
                    key.getEncoded());
            org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                    info.parsePrivateKey());
            byte[] publicPoint = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                    certificate.getPublicKey().getEncoded()).getPublicKeyData().getBytes();
            int orderBits = kind == KeyKind.P256 ? 256 : 384;
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits,
                    inner.getKey(), new org.bouncycastle.asn1.DERBitString(publicPoint),
                    info.getPrivateKeyAlgorithm().getParameters());
            return pem("EC PRIVATE KEY", sec1.getEncoded());
        }

        /** Writes {@code name.crt} and {@code name.key} into {@code dir}; the certificate file holds {@code chain} after it. */
        public Path[] write(Path dir, String name, Issued... chain) throws Exception {
            StringBuilder certs = new StringBuilder(certificatePem());
            for (Issued c : chain) {
                certs.append(c.certificatePem());
            }
            Path crt = Files.writeString(dir.resolve(name + ".crt"), certs);
            Path key = Files.writeString(dir.resolve(name + ".key"), keyPem());
            return new Path[] {crt, key};
        }
    }

    /** What to put into one certificate. */
    public static final class Spec {
        String cn;
        KeyKind kind = KeyKind.P256;
        List<String> dnsNames = new ArrayList<>();
        Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        Instant notAfter = Instant.now().plus(Duration.ofDays(30));
        boolean ca;
        Integer pathLen;
        KeyPurposeId eku = KeyPurposeId.id_kp_serverAuth;
        String permittedDns;

        public static Spec named(String cn) {
            Spec s = new Spec();
            s.cn = cn;
            return s;
        }

        public Spec kind(KeyKind value) {
            kind = value;
            return this;
        }

        public Spec dns(String... names) {
            dnsNames.addAll(List.of(names));
            return this;
        }

        public Spec validity(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        public Spec ca(Integer pathLength) {
            ca = true;
            pathLen = pathLength;
            eku = null;
            return this;
        }

        public Spec eku(KeyPurposeId value) {
            eku = value;
            return this;
        }

        public Spec permittedDns(String subtree) {
            permittedDns = subtree;
            return this;
        }
    }

    private TestPki() {
    }

    /** A self-signed certificate (a root when {@code spec} is a CA). */
    public static Issued selfSigned(Spec spec) throws Exception {
        KeyPair pair = spec.kind.generate();
        return new Issued(build(spec, pair, new X500Name("CN=" + spec.cn), pair.getPrivate(), spec.kind, null),
                pair.getPrivate(), spec.kind);
    }

    /** A certificate issued by {@code issuer}. */
    public static Issued issue(Spec spec, Issued issuer) throws Exception {
        KeyPair pair = spec.kind.generate();
        return new Issued(build(spec, pair, X500Name.getInstance(issuer.certificate.getSubjectX500Principal()
                .getEncoded()), issuer.key, issuer.kind, issuer.certificate), pair.getPrivate(), spec.kind);
    }

    /** A leaf for {@code localhost} and 127.0.0.1's name, issued by {@code ca}. */
    public static Issued server(KeyKind kind, Issued ca) throws Exception {
        return issue(Spec.named("localhost").kind(kind).dns("localhost"), ca);
    }

    private static X509Certificate build(Spec spec, KeyPair pair, X500Name issuerName, PrivateKey issuerKey,
            KeyKind issuerKind, X509Certificate issuerCert) throws Exception {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(spec.notBefore), Date.from(spec.notAfter),
                new X500Name("CN=" + spec.cn), pair.getPublic());
        b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
        if (issuerCert != null) {
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
        }
        if (spec.ca) {
            b.addExtension(Extension.basicConstraints, true, spec.pathLen == null ? new BasicConstraints(true)
                    : new BasicConstraints(spec.pathLen));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | (spec.kind.algorithm.equals("RSA") ? KeyUsage.keyEncipherment : 0)));
        }
        if (spec.eku != null) {
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(spec.eku));
        }
        if (!spec.dnsNames.isEmpty()) {
            GeneralName[] names = spec.dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n))
                    .toArray(GeneralName[]::new);
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        if (spec.permittedDns != null) {
            b.addExtension(Extension.nameConstraints, true, new NameConstraints(new GeneralSubtree[] {
                new GeneralSubtree(new GeneralName(GeneralName.dNSName, spec.permittedDns))}, null));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(
                new JcaContentSignerBuilder(issuerKind.signatureAlgorithm).build(issuerKey)));
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** A fresh temporary directory for files the peers read. */
    public static Path tempDir() throws IOException {
        Path dir = Files.createTempDirectory("securesocket-test");
        dir.toFile().deleteOnExit();
        return dir;
    }
}
