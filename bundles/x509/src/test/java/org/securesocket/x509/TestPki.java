package org.securesocket.x509;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates test certificates with BouncyCastle (test scope only): one fluent spec per certificate. */
final class TestPki {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TestPki() {
    }

    static KeyPair ec() {
        return generate("EC", 256);
    }

    static KeyPair rsa(int bits) {
        return generate("RSA", bits);
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate being specified; {@link #issue()} signs it. */
    static final class Spec {
        private final String subject;
        private final KeyPair keys;
        private String issuer;
        private KeyPair issuerKeys;
        private Instant notBefore = NOW.minus(30, ChronoUnit.DAYS);
        private Instant notAfter = NOW.plus(60, ChronoUnit.DAYS);
        private Boolean ca;
        private int pathLen = -1;
        private int keyUsage = -1;
        private KeyPurposeId[] eku;
        private final List<GeneralName> sans = new ArrayList<>();
        private GeneralSubtree[] permitted;
        private GeneralSubtree[] excluded;
        private String signatureAlgorithm;
        private AlgorithmParameterSpec signatureParameters;
        private boolean unknownCritical;
        private boolean keyIds = true;
        private byte[] issued;

        private Spec(String subject, KeyPair keys) {
            this.subject = subject;
            this.keys = keys;
            this.issuer = subject;
            this.issuerKeys = keys;
        }

        Spec issuedBy(Spec parent) {
            this.issuer = parent.subject;
            this.issuerKeys = parent.keys;
            return this;
        }

        Spec validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        Spec ca(Boolean isCa, int pathLenConstraint) {
            this.ca = isCa;
            this.pathLen = pathLenConstraint;
            return this;
        }

        Spec keyUsage(int bits) {
            this.keyUsage = bits;
            return this;
        }

        Spec eku(KeyPurposeId... purposes) {
            this.eku = purposes;
            return this;
        }

        Spec dns(String... names) {
            for (String n : names) {
                sans.add(new GeneralName(GeneralName.dNSName, n));
            }
            return this;
        }

        Spec email(String mailbox) {
            sans.add(new GeneralName(GeneralName.rfc822Name, mailbox));
            return this;
        }

        Spec uri(String uri) {
            sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
            return this;
        }

        Spec ip(String address) {
            sans.add(new GeneralName(GeneralName.iPAddress, address));
            return this;
        }

        Spec permitted(GeneralName... bases) {
            this.permitted = subtrees(bases);
            return this;
        }

        Spec excluded(GeneralName... bases) {
            this.excluded = subtrees(bases);
            return this;
        }

        Spec signedWith(String algorithm) {
            this.signatureAlgorithm = algorithm;
            return this;
        }

        /** RSASSA-PSS with explicit parameters (salt, MGF1 hash). */
        Spec signedWithPss(PSSParameterSpec parameters) {
            this.signatureAlgorithm = "RSASSA-PSS";
            this.signatureParameters = parameters;
            return this;
        }

        Spec unknownCriticalExtension() {
            this.unknownCritical = true;
            return this;
        }

        Spec withoutKeyIdentifiers() {
            this.keyIds = false;
            return this;
        }

        KeyPair keys() {
            return keys;
        }

        private static GeneralSubtree[] subtrees(GeneralName... bases) {
            GeneralSubtree[] out = new GeneralSubtree[bases.length];
            for (int i = 0; i < bases.length; i++) {
                out[i] = new GeneralSubtree(bases[i]);
            }
            return out;
        }

        /** The signed certificate; issued once, so a spec used twice is the same certificate. */
        byte[] der() {
            if (issued == null) {
                issued = sign();
            }
            return issued.clone();
        }

        private byte[] sign() {
            try {
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                        BigInteger.valueOf(System.nanoTime() & Long.MAX_VALUE).add(BigInteger.ONE),
                        Date.from(notBefore), Date.from(notAfter), new X500Name(subject), keys.getPublic());
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                if (ca != null) {
                    b.addExtension(Extension.basicConstraints, true,
                            ca && pathLen >= 0 ? new BasicConstraints(pathLen) : new BasicConstraints(ca));
                }
                if (keyUsage >= 0) {
                    b.addExtension(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(keyUsage));
                }
                if (eku != null) {
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
                }
                if (!sans.isEmpty()) {
                    b.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(sans.toArray(new GeneralName[0])));
                }
                if (permitted != null || excluded != null) {
                    b.addExtension(Extension.nameConstraints, true,
                            new org.bouncycastle.asn1.x509.NameConstraints(permitted, excluded));
                }
                if (keyIds) {
                    b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
                    b.addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
                }
                if (unknownCritical) {
                    b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55738.1"), true, new DEROctetString(new byte[] {5, 0}));
                }
                String alg = signatureAlgorithm != null ? signatureAlgorithm : defaultAlgorithm(issuerKeys);
                JcaContentSignerBuilder signer = signatureParameters == null ? new JcaContentSignerBuilder(alg)
                        : new JcaContentSignerBuilder(alg, signatureParameters);
                return b.build(signer.setProvider(BC).build(issuerKeys.getPrivate())).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException("cannot issue test certificate " + subject, e);
            }
        }

        Certificate issue() {
            try {
                return Certificate.read(der());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String defaultAlgorithm(KeyPair keys) {
        switch (keys.getPublic().getAlgorithm()) {
            case "RSA": return "SHA256withRSA";
            case "EC": return "SHA256withECDSA";
            default: return "Ed25519";
        }
    }

    private static final int CA_USAGE = org.bouncycastle.asn1.x509.KeyUsage.keyCertSign
            | org.bouncycastle.asn1.x509.KeyUsage.cRLSign;

    /** A self-signed root CA with an EC P-256 key. */
    static Spec root(String cn) {
        return root(cn, ec());
    }

    static Spec root(String cn, KeyPair keys) {
        return new Spec("CN=" + cn, keys).ca(true, -1).keyUsage(CA_USAGE);
    }

    /** An intermediate CA with an EC P-256 key. */
    static Spec intermediate(String cn, Spec parent) {
        return intermediate(cn, parent, ec());
    }

    static Spec intermediate(String cn, Spec parent, KeyPair keys) {
        return new Spec("CN=" + cn, keys).issuedBy(parent).ca(true, -1).keyUsage(CA_USAGE);
    }

    /** A TLS server leaf for {@code host} with an EC P-256 key. */
    static Spec leaf(String host, Spec parent) {
        return leaf(host, parent, ec());
    }

    static Spec leaf(String host, Spec parent, KeyPair keys) {
        return new Spec("CN=" + host, keys).issuedBy(parent).ca(false, -1)
                .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature).eku(KeyPurposeId.id_kp_serverAuth).dns(host);
    }
}
