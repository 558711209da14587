package org.securesocket.x509;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.x509.der.DerReader;
import org.securesocket.x509.der.DerTag;
import org.securesocket.x509.der.DerWriter;
import org.securesocket.x509.internal.Oids;

/**
 * The file transforms of the original SecureSocket, as plain static methods (the CLI's
 * {@code pem2der} and {@code pkcs8}): PEM to DER for every block of a file, and private keys in
 * PKCS#1 (RSA) or SEC1 (EC) form wrapped into PKCS#8 PrivateKeyInfo (RFC 5208, RFC 5958).
 * Encrypted keys are refused with a message saying how to decrypt them.
 */
public final class Transform {
    /** Largest input file read: CA bundles are a few hundred kilobytes. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private static final String ENCRYPTED_HINT =
            "is encrypted; decrypt it first, e.g. 'openssl pkey -in IN -out OUT'";

    private Transform() {
    }

    /** The DER contents of every PEM block of {@code pem}, in order. */
    public static List<byte[]> pemToDer(String pem) throws TlsException {
        List<byte[]> out = new ArrayList<>();
        for (Pem.Block block : Pem.decode(pem)) {
            if (block.encrypted() || block.label().equals(Pem.ENCRYPTED_PRIVATE_KEY)) {
                throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the " + block.label() + " block " + ENCRYPTED_HINT);
            }
            out.add(block.der());
        }
        return out;
    }

    /**
     * Converts a PEM file to DER: every block's contents, concatenated (a certificate chain becomes
     * a sequence of DER certificates).
     *
     * @return the number of blocks written
     */
    public static int pemToDer(Path in, Path out) throws IOException {
        List<byte[]> blocks = pemToDer(new String(readBounded(in), StandardCharsets.US_ASCII));
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        blocks.forEach(der::writeBytes);
        Files.write(out, der.toByteArray());
        return blocks.size();
    }

    /**
     * The PKCS#8 PrivateKeyInfo of the first private key of a PEM text: a PRIVATE KEY block is
     * checked and returned, an RSA PRIVATE KEY (PKCS#1) or EC PRIVATE KEY (SEC1) block is wrapped.
     */
    public static byte[] privateKeyToPrivateKeyInfo(String pem) throws TlsException {
        for (Pem.Block block : Pem.decode(pem, ErrorCode.CRYPTO_INVALID_KEY)) {
            if (block.label().equals(Pem.ENCRYPTED_PRIVATE_KEY) || (block.encrypted() && block.label().endsWith("PRIVATE KEY"))) {
                throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the " + block.label() + " block " + ENCRYPTED_HINT);
            }
            switch (block.label()) {
                case Pem.PRIVATE_KEY:
                    return checkPrivateKeyInfo(block.der());
                case Pem.RSA_PRIVATE_KEY:
                    return rsaPrivateKeyToPrivateKeyInfo(block.der());
                case Pem.EC_PRIVATE_KEY:
                    return ecPrivateKeyToPrivateKeyInfo(block.der());
                default:
                    break;
            }
        }
        throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY,
                "no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block found");
    }

    /** The PKCS#8 PrivateKeyInfo of a DER private key in PKCS#8, PKCS#1 or SEC1 form (told apart by structure). */
    public static byte[] privateKeyToPrivateKeyInfo(byte[] der) throws TlsException {
        DerReader seq = reader(der).readSequence("private key");
        if (seq.nextIs(DerTag.SEQUENCE)) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the key is an EncryptedPrivateKeyInfo and " + ENCRYPTED_HINT);
        }
        seq.readIntegerBytes("private key version");
        switch (seq.peekTag()) {
            case DerTag.SEQUENCE:
                return checkPrivateKeyInfo(der);
            case DerTag.INTEGER:
                return rsaPrivateKeyToPrivateKeyInfo(der);
            case DerTag.OCTET_STRING:
                return ecPrivateKeyToPrivateKeyInfo(der);
            default:
                throw seq.fail("not a PKCS#8, PKCS#1 RSA or SEC1 EC private key");
        }
    }

    /** Converts a private key file (PEM or DER) to a PKCS#8 PrivateKeyInfo DER file. */
    public static void privateKeyToPrivateKeyInfo(Path in, Path out) throws IOException {
        byte[] data = readBounded(in);
        String text = new String(data, StandardCharsets.US_ASCII);
        byte[] pkcs8 = text.contains("-----BEGIN ") ? privateKeyToPrivateKeyInfo(text) : privateKeyToPrivateKeyInfo(data);
        Files.write(out, pkcs8);
    }

    /** Wraps an RSAPrivateKey (RFC 8017 appendix A.1.2) into PrivateKeyInfo with rsaEncryption. */
    public static byte[] rsaPrivateKeyToPrivateKeyInfo(byte[] pkcs1) throws TlsException {
        DerReader outer = reader(pkcs1);
        DerReader rsa = outer.readSequence("RSAPrivateKey");
        int version = rsa.readSmallInt(1, "RSAPrivateKey version");
        String[] fields = {"modulus", "publicExponent", "privateExponent", "prime1", "prime2", "exponent1",
            "exponent2", "coefficient"};
        for (String f : fields) {
            if (rsa.readInteger("RSAPrivateKey " + f).signum() <= 0) {
                throw rsa.fail("RSAPrivateKey " + f + " must be positive");
            }
        }
        if (version == 1) {
            rsa.readSequence("RSAPrivateKey otherPrimeInfos");
        }
        rsa.expectEnd("RSAPrivateKey");
        outer.expectEnd("RSAPrivateKey");
        return new DerWriter().writeSequence(w -> w.writeInteger(0)
                .writeSequence(alg -> alg.writeOid(Oids.RSA_ENCRYPTION).writeNull())
                .writeOctetString(pkcs1)).toByteArray();
    }

    /**
     * Wraps an ECPrivateKey (RFC 5915) into PrivateKeyInfo with id-ecPublicKey and its named curve.
     * The curve moves to the AlgorithmIdentifier (RFC 5915 section 3); the public key is kept.
     */
    public static byte[] ecPrivateKeyToPrivateKeyInfo(byte[] sec1) throws TlsException {
        DerReader outer = reader(sec1);
        DerReader ec = outer.readSequence("ECPrivateKey");
        if (ec.readSmallInt(1, "ECPrivateKey version") != 1) {
            throw ec.fail("ECPrivateKey version must be 1 (ecPrivkeyVer1)");
        }
        byte[] privateKey = ec.readOctetString("ECPrivateKey privateKey");
        if (!ec.nextIs(DerTag.contextConstructed(0))) {
            throw ec.fail("ECPrivateKey has no curve parameters; PKCS#8 needs the named curve");
        }
        DerReader params = ec.readConstructed(DerTag.contextConstructed(0), "ECPrivateKey parameters");
        if (!params.nextIs(DerTag.OBJECT_IDENTIFIER)) {
            throw params.fail("ECPrivateKey uses explicit curve parameters; only named curves are supported (RFC 5480)");
        }
        String curve = params.readOid("ECPrivateKey namedCurve");
        params.expectEnd("ECPrivateKey parameters");
        byte[] publicKey = ec.nextIs(DerTag.contextConstructed(1)) ? ec.readElement("ECPrivateKey publicKey") : null;
        ec.expectEnd("ECPrivateKey");
        outer.expectEnd("ECPrivateKey");
        byte[] inner = new DerWriter().writeSequence(w -> {
            w.writeInteger(1).writeOctetString(privateKey);
            if (publicKey != null) {
                w.writeRaw(publicKey);
            }
        }).toByteArray();
        return new DerWriter().writeSequence(w -> w.writeInteger(0)
                .writeSequence(alg -> alg.writeOid(Oids.EC_PUBLIC_KEY).writeOid(curve))
                .writeOctetString(inner)).toByteArray();
    }

    /** Checks the structure of a PrivateKeyInfo / OneAsymmetricKey (RFC 5958 section 2) and returns it. */
    private static byte[] checkPrivateKeyInfo(byte[] der) throws TlsException {
        DerReader outer = reader(der);
        DerReader pki = outer.readSequence("PrivateKeyInfo");
        if (pki.nextIs(DerTag.SEQUENCE)) {
            throw new TlsException(ErrorCode.CRYPTO_INVALID_KEY, "the key is an EncryptedPrivateKeyInfo and " + ENCRYPTED_HINT);
        }
        pki.readSmallInt(1, "PrivateKeyInfo version");
        AlgorithmIdentifier.read(pki, "PrivateKeyInfo privateKeyAlgorithm");
        pki.readOctetString("PrivateKeyInfo privateKey");
        if (pki.nextIs(DerTag.contextConstructed(0))) {
            pki.readElement("PrivateKeyInfo attributes");
        }
        if (pki.nextIs(DerTag.contextPrimitive(1))) {
            pki.readElement("PrivateKeyInfo publicKey");
        }
        pki.expectEnd("PrivateKeyInfo");
        outer.expectEnd("PrivateKeyInfo");
        return der.clone();
    }

    private static DerReader reader(byte[] der) {
        return new DerReader(der, ErrorCode.CRYPTO_INVALID_KEY);
    }

    private static byte[] readBounded(Path in) throws IOException {
        try (InputStream s = Files.newInputStream(in)) {
            byte[] data = s.readNBytes(MAX_FILE_BYTES + 1);
            if (data.length > MAX_FILE_BYTES) {
                throw new TlsException(ErrorCode.CERTIFICATE_MALFORMED, in + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return data;
        }
    }
}
