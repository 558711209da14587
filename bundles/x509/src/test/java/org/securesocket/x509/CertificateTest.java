package org.securesocket.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;

/** Decoding a real certificate (google.com's leaf from x509-limbo online/), and hostile variations of it. */
class CertificateTest {

    static byte[] googleLeaf() throws IOException, TlsException {
        try (InputStream in = CertificateTest.class.getClassLoader()
                .getResourceAsStream("x509-limbo/online/google.com.limbo.json")) {
            JsonObject c = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return Transform.pemToDer(c.get("peer_certificate").getAsString()).get(0);
        }
    }

    @Test
    void decodesEveryFieldOfARealCertificate() throws Exception {
        byte[] der = googleLeaf();
        Certificate c = Certificate.read(der);
        assertArrayEquals(der, c.encoded());
        assertEquals(3, c.version());
        assertEquals("b24ff93a9975fa670a45a4784f3acc65", DistinguishedName.hex(c.serialNumber()).substring(2));
        assertEquals("1.2.840.113549.1.1.11", c.signatureAlgorithm().oid());
        assertEquals("CN=WR2,O=Google Trust Services,C=US", c.issuer().toString());
        assertEquals("CN=*.google.com", c.subject().toString());
        assertEquals(Instant.parse("2026-02-02T08:36:38Z"), c.notBefore());
        assertEquals(Instant.parse("2026-04-27T08:36:37Z"), c.notAfter());
        assertEquals(PublicKeyInfo.KeyType.EC, c.publicKey().type());
        assertEquals(NamedGroup.SECP256R1, c.publicKey().curve().orElseThrow());
        Extensions e = c.extensions();
        assertEquals(Set.of(KeyUsage.DIGITAL_SIGNATURE), e.keyUsage().orElseThrow());
        assertTrue(e.isCritical("2.5.29.15"));
        assertEquals(List.of(ValidationPolicy.SERVER_AUTH), e.extendedKeyUsage().orElseThrow());
        assertFalse(e.basicConstraints().orElseThrow().ca());
        assertEquals("a6730927c3215517bbe77c385ded0551250054b6", DistinguishedName.hex(e.subjectKeyIdentifier().orElseThrow()));
        assertEquals("de1b1eed7915d43e3724c321bbec34396d42b230",
                DistinguishedName.hex(e.authorityKeyIdentifier().orElseThrow().keyIdentifier()));
        assertEquals(new GeneralName.Uri("http://i.pki.goog/wr2.crt"), e.authorityInfoAccess().get(1).location());
        assertEquals(new GeneralName.DnsName("*.google.com"), e.subjectAltNames().get(0));
        assertFalse(e.policies().isEmpty());
        assertFalse(c.isSelfIssued());
    }

    @Test
    void everyTruncationIsRejectedCleanly() throws Exception {
        for (byte[] der : List.of(googleLeaf(), TestPki.leaf("example.com", TestPki.root("Root")).der())) {
            for (int n = 0; n < der.length; n++) {
                byte[] prefix = Arrays.copyOf(der, n);
                TlsException e = assertThrows(TlsException.class, () -> Certificate.read(prefix), "prefix " + n);
                assertEquals(ErrorCode.CERTIFICATE_MALFORMED, e.code());
            }
        }
    }

    @Test
    void everySingleByteCorruptionParsesOrFailsCleanly() throws Exception {
        byte[] der = googleLeaf();
        int rejected = 0;
        for (int i = 0; i < der.length; i++) {
            for (int delta : new int[] {1, 0x80, 0xff}) {
                byte[] mutated = der.clone();
                mutated[i] = (byte) (mutated[i] + delta);
                try {
                    Certificate.read(mutated);
                } catch (TlsException e) {
                    assertEquals(ErrorCode.CERTIFICATE_MALFORMED, e.code());
                    rejected++;
                } catch (RuntimeException e) {
                    fail("byte " + i + " + " + delta + " escaped as " + e, e);
                }
            }
        }
        assertTrue(rejected > der.length, "most corruptions of the structure are refused: " + rejected);
    }

    @Test
    void trailingBytesAreRefused() throws Exception {
        byte[] der = googleLeaf();
        byte[] longer = Arrays.copyOf(der, der.length + 2);
        longer[der.length] = 0x05;
        assertEquals(ErrorCode.CERTIFICATE_MALFORMED, assertThrows(TlsException.class, () -> Certificate.read(longer)).code());
    }

    /** Recently decoded encodings give the same immutable object back; anything else is decoded. */
    @Test
    void anIdenticalEncodingIsDecodedOnceAndAnyOtherAgain() throws Exception {
        byte[] der = TestPki.leaf("recent.example", TestPki.root("Recent Root")).der();
        Certificate first = Certificate.read(der);
        assertTrue(first == Certificate.read(der.clone()), "the kept decoding");
        byte[] changed = der.clone();
        changed[changed.length - 1] ^= 1; // the signature's last byte: still a certificate, another one
        Certificate other = Certificate.read(changed);
        assertFalse(first == other);
        assertFalse(first.equals(other));
        byte[] truncated = Arrays.copyOf(der, der.length - 1);
        for (int i = 0; i < 2; i++) { // a refused encoding is refused every time
            assertEquals(ErrorCode.CERTIFICATE_MALFORMED,
                    assertThrows(TlsException.class, () -> Certificate.read(truncated)).code());
        }
        for (int i = 0; i < 20; i++) { // more than are kept: the first is decoded again, equal but new
            Certificate.read(TestPki.leaf("recent" + i + ".example", TestPki.root("Recent Root")).der());
        }
        Certificate again = Certificate.read(der);
        assertFalse(first == again);
        assertEquals(first, again);
    }
}
