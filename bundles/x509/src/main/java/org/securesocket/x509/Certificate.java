package org.securesocket.x509;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RecentlyUsed;
import org.securesocket.common.TlsException;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.der.DerTag;

/**
 * An X.509 certificate (RFC 5280 section 4.1), decoded strictly from DER. Immutable; the encoding
 * is kept byte for byte, so {@link #encoded()} is the paired writer of {@link #read(byte[])}.
 * Structural errors are {@code certificate.malformed}; profile rules (which extensions a CA needs,
 * weak keys, ...) are checked during validation, not here.
 */
public final class Certificate {
    /** Decoded certificates kept: a few chains. */
    private static final RecentlyUsed<ByteBuffer, Certificate> RECENT = new RecentlyUsed<>(16);

    private final byte[] encoded;
    /** {@link #hashCode}, computed once (0: not yet; maps of certificates hash them on every handshake). */
    private int hash;
    private final byte[] tbsCertificate;
    private final int version;
    private final byte[] serialNumber;
    private final AlgorithmIdentifier signatureAlgorithm;
    private final DistinguishedName issuer;
    private final DistinguishedName subject;
    private final Instant notBefore;
    private final Instant notAfter;
    private final PublicKeyInfo publicKey;
    private final Extensions extensions;
    private final byte[] signature;

    private Certificate(byte[] encoded, byte[] tbs, int version, byte[] serial, AlgorithmIdentifier sigAlg,
            DistinguishedName issuer, DistinguishedName subject, Instant notBefore, Instant notAfter,
            PublicKeyInfo publicKey, Extensions extensions, byte[] signature) {
        this.encoded = encoded;
        this.tbsCertificate = tbs;
        this.version = version;
        this.serialNumber = serial;
        this.signatureAlgorithm = sigAlg;
        this.issuer = issuer;
        this.subject = subject;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.publicKey = publicKey;
        this.extensions = extensions;
        this.signature = signature;
    }

    /**
     * Decodes one DER certificate; any other content (trailing bytes included) is refused. A server
     * sends the same chain on every handshake (and the handshake decodes it, then the path
     * validator): the last few certificates decoded are kept, JVM-wide, and an identical encoding
     * gives the same immutable object back. Only encodings that decoded are kept.
     */
    public static Certificate read(byte[] der) throws TlsException {
        ByteBuffer key = ByteBuffer.wrap(der);
        Certificate recent = RECENT.get(key);
        if (recent != null) {
            return recent;
        }
        Certificate decoded = decode(der);
        RECENT.put(ByteBuffer.wrap(decoded.encoded), decoded);
        return decoded;
    }

    private static Certificate decode(byte[] der) throws TlsException {
        byte[] encoded = der.clone();
        DerReader outer = new DerReader(encoded, ErrorCode.CERTIFICATE_MALFORMED);
        DerReader cert = outer.readSequence("Certificate");
        outer.expectEnd("Certificate");
        byte[] tbs = cert.readElement(DerTag.SEQUENCE, "tbsCertificate");
        AlgorithmIdentifier outerAlg = AlgorithmIdentifier.read(cert, "signatureAlgorithm");
        byte[] signature = cert.readOctetAlignedBitString("signatureValue");
        cert.expectEnd("Certificate");

        DerReader t = new DerReader(tbs, ErrorCode.CERTIFICATE_MALFORMED).readSequence("tbsCertificate");
        int version = 1;
        if (t.nextIs(DerTag.contextConstructed(0))) {
            DerReader v = t.readConstructed(DerTag.contextConstructed(0), "version");
            // DER omits the DEFAULT v1, so an explicit version is v2 or v3 (RFC 5280 section 4.1.2.1).
            version = v.readSmallInt(2, "version") + 1;
            v.expectEnd("version");
            if (version == 1) {
                throw t.fail("version: v1 must be omitted, not encoded (DER DEFAULT)");
            }
        }
        byte[] serial = t.readIntegerBytes("serialNumber");
        AlgorithmIdentifier sigAlg = AlgorithmIdentifier.read(t, "signature");
        if (!sigAlg.equals(outerAlg)) {
            throw t.fail("signatureAlgorithm differs from tbsCertificate.signature (RFC 5280 section 4.1.1.2)");
        }
        DistinguishedName issuer = DistinguishedName.read(t, "issuer");
        DerReader validity = t.readSequence("validity");
        Instant notBefore = validity.readTime("notBefore");
        Instant notAfter = validity.readTime("notAfter");
        validity.expectEnd("validity");
        DistinguishedName subject = DistinguishedName.read(t, "subject");
        PublicKeyInfo key = PublicKeyInfo.read(t, "subjectPublicKeyInfo");
        if (t.nextIs(DerTag.contextPrimitive(1))) {
            requireVersion(t, version, 2, "issuerUniqueID");
            t.readContents(DerTag.contextPrimitive(1), "issuerUniqueID");
        }
        if (t.nextIs(DerTag.contextPrimitive(2))) {
            requireVersion(t, version, 2, "subjectUniqueID");
            t.readContents(DerTag.contextPrimitive(2), "subjectUniqueID");
        }
        Extensions extensions = Extensions.none();
        if (t.nextIs(DerTag.contextConstructed(3))) {
            requireVersion(t, version, 3, "extensions");
            DerReader wrapper = t.readConstructed(DerTag.contextConstructed(3), "extensions");
            extensions = Extensions.read(wrapper);
            wrapper.expectEnd("extensions");
        }
        t.expectEnd("tbsCertificate");
        return new Certificate(encoded, tbs, version, serial, sigAlg, issuer, subject, notBefore, notAfter, key,
                extensions, signature);
    }

    private static void requireVersion(DerReader t, int version, int min, String field) throws TlsException {
        if (version < min) {
            throw t.fail(field + " requires a v" + min + " certificate, this one is v" + version);
        }
    }

    /** The DER encoding, as received. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The signed part, the message of the issuer's signature. */
    public byte[] tbsCertificate() {
        return tbsCertificate.clone();
    }

    /** 1, 2 or 3. */
    public int version() {
        return version;
    }

    /** The serialNumber INTEGER contents (two's complement). */
    public byte[] serialNumber() {
        return serialNumber.clone();
    }

    public AlgorithmIdentifier signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public DistinguishedName issuer() {
        return issuer;
    }

    public DistinguishedName subject() {
        return subject;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public PublicKeyInfo publicKey() {
        return publicKey;
    }

    public Extensions extensions() {
        return extensions;
    }

    /** The signatureValue octets. */
    public byte[] signature() {
        return signature.clone();
    }

    /** Whether issuer and subject are the same Name (RFC 5280 section 6.1: self-issued). */
    public boolean isSelfIssued() {
        return issuer.equals(subject);
    }

    /** Whether basicConstraints asserts cA. */
    public boolean isCa() {
        return extensions.basicConstraints().map(Extensions.BasicConstraints::ca).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c && Arrays.equals(encoded, c.encoded);
    }

    @Override
    public int hashCode() {
        int h = hash; // racing threads compute the same value, as String.hashCode
        if (h == 0) {
            h = Arrays.hashCode(encoded);
            hash = h;
        }
        return h;
    }

    /** The subject, which is how every message names a certificate. */
    @Override
    public String toString() {
        return subject.toString();
    }
}
