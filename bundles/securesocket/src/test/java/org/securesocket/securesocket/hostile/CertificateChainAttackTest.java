package org.securesocket.securesocket.hostile;

import static org.securesocket.securesocket.hostile.Scenarios.expect;
import static org.securesocket.securesocket.hostile.Scenarios.handshakeFails;
import static org.securesocket.securesocket.hostile.Scenarios.options;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CertificateMessage;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.internal.ScriptedServer;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.InMemoryTrustStore;

/** Certificate chains built to exhaust or trap the path validator, checked with verification on. */
class CertificateChainAttackTest {

    /** A server whose Certificate message carries {@code chain}; the client trusts only {@code anchor}. */
    private static void refused(String scenario, List<byte[]> chain, byte[] anchor, ErrorCode code, Alert alert)
            throws Exception {
        ScriptedServer messages = new ScriptedServer(new JcaTlsCrypto()) {
            @Override
            public CertificateMessage certificateMessage() {
                return new CertificateMessage(chain);
            }
        };
        try (HostileServer server = new HostileServer(messages, peer -> {
            peer.readClientHello();
            peer.send(peer.messages.firstFlight().toArray(new HandshakeMessage[0]));
            peer.awaitAlert();
        })) {
            expect(scenario, handshakeFails(options(server).verify(true).serverName("localhost")
                    .trustStore(new InMemoryTrustStore(List.of(Certificate.read(anchor)))).build()),
                    server, code, alert);
        }
    }

    @Test
    void hundredCertificateChain() throws Exception {
        TestPki.Issued root = TestPki.selfSigned(TestPki.Spec.named("Chain Root").ca(null));
        List<TestPki.Issued> cas = new ArrayList<>(List.of(root));
        for (int i = 1; i < 100; i++) {
            cas.add(TestPki.issue(TestPki.Spec.named("Chain CA " + i).ca(null), cas.get(i - 1)));
        }
        List<byte[]> chain = new ArrayList<>(List.of(TestPki.server(TestPki.KeyKind.P256, cas.get(99))
                .certificate().getEncoded()));
        for (int i = 99; i >= 1; i--) {
            chain.add(cas.get(i).certificate().getEncoded());
        }
        refused("Certificate with a 100-certificate chain to a trusted root", chain,
                root.certificate().getEncoded(), ErrorCode.CERTIFICATE_MALFORMED, Alert.BAD_CERTIFICATE);
    }

    @Test
    void chainThatLoops() throws Exception {
        KeyPair x = p256();
        KeyPair y = p256();
        // X is issued by Y and Y by X, both properly signed: following issuers never ends
        byte[] caX = certificate("CN=Loop X", "CN=Loop Y", x.getPublic(), y, true);
        byte[] caY = certificate("CN=Loop Y", "CN=Loop X", y.getPublic(), x, true);
        byte[] leaf = certificate("CN=localhost", "CN=Loop X", p256().getPublic(), x, false);
        TestPki.Issued unrelated = TestPki.selfSigned(TestPki.Spec.named("Unrelated Root").ca(null));
        refused("Certificate chain whose issuers loop (X by Y, Y by X)", List.of(leaf, caX, caY),
                unrelated.certificate().getEncoded(), ErrorCode.CERTIFICATE_UNKNOWN_ISSUER, Alert.UNKNOWN_CA);
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A certificate with the identifiers and usages the validator requires, so only the loop can fail it. */
    private static byte[] certificate(String subject, String issuer, PublicKey key, KeyPair signer, boolean ca)
            throws Exception {
        long now = System.currentTimeMillis();
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now).add(BigInteger.valueOf(subject.hashCode())), new Date(now - 86_400_000L),
                new Date(now + 86_400_000L), new X500Name(subject), key);
        b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(signer.getPublic()));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign : KeyUsage.digitalSignature));
        if (!ca) {
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        }
        return b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())).getEncoded();
    }
}
