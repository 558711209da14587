package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CertificateMessage;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.handshake.EcdheParameters;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.ServerHelloDone;
import org.securesocket.handshake.ServerKeyExchange;
import org.securesocket.handshake.WireReader;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.ProtocolVersion;

/**
 * The legacy parts of the TLS 1.0-1.2 chain against a scripted server: what the ClientHello offers,
 * encrypt_then_mac answered for an AEAD suite (RFC 7366 section 3), TLS 1.0 refused by the default
 * minimum, and TLS 1.0 ServerKeyExchange signatures (no scheme field, ECDSA over SHA-1: RFC 4492 5.4).
 */
class LegacyChainTest {
    private static final CipherSuite CBC_SHA = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA;
    private static final CipherSuite GCM = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(3));

    private ClientHandshake client(ScriptedServer server, HandshakePolicy policy) throws TlsException {
        ClientConfig config = new ClientConfig(policy, "localhost", null, List.of(), false, null, null);
        ClientHandshake client = new ClientHandshake(config, crypto, server, TraceSink.NONE, "legacy");
        client.start();
        server.receiveClientHello();
        return client;
    }

    private static TlsException fails(ErrorCode code, Alert alert, Executable step) {
        TlsException e = assertThrows(TlsException.class, step);
        assertEquals(code, e.code(), e::toString);
        assertEquals(alert, e.alert().orElseThrow(), e::toString);
        return e;
    }

    /** A server that answers {@code version} with {@code suite} and adds {@code extra} extensions. */
    private ScriptedServer server(int version, CipherSuite suite, List<Extension> extra) throws Exception {
        ScriptedServer server = new ScriptedServer(crypto) {
            @Override
            public ServerHello serverHello() {
                List<Extension> e = new ArrayList<>(serverHelloExtensions());
                e.addAll(extra);
                return new ServerHello(version, serverRandom, new byte[0], suite.codepoint(), 0, e);
            }
        };
        server.suite = suite;
        return server;
    }

    @Test
    void theHelloOffersLegacyVersionsAndEncryptThenMacOnlyWithCbc() throws Exception {
        ScriptedServer cbc = server(0x0303, CBC_SHA, List.of());
        client(cbc, HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS10, ProtocolVersion.TLS12)
                .withCipherSuites(List.of(GCM, CBC_SHA)));
        assertEquals(0x0303, cbc.hello.legacyVersion());
        assertEquals(List.of(GCM.codepoint(), CBC_SHA.codepoint()), cbc.hello.cipherSuites().subList(0, 2));
        assertEquals(true, Extension.find(cbc.hello.extensions(), ExtensionType.ENCRYPT_THEN_MAC).isPresent());

        ScriptedServer tls11 = server(0x0302, CBC_SHA, List.of());
        client(tls11, HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS10, ProtocolVersion.TLS11));
        assertEquals(0x0302, tls11.hello.legacyVersion()); // the highest offered (RFC 5246 appendix E.1)
        assertEquals(true, tls11.hello.cipherSuites().contains(CBC_SHA.codepoint()));
        assertEquals(false, tls11.hello.cipherSuites().contains(GCM.codepoint())); // GCM needs TLS 1.2

        ScriptedServer aead = server(0x0303, GCM, List.of());
        client(aead, HandshakePolicy.DEFAULT);
        assertEquals(false, Extension.find(aead.hello.extensions(), ExtensionType.ENCRYPT_THEN_MAC).isPresent());
        assertEquals(false, aead.hello.cipherSuites().contains(CBC_SHA.codepoint())); // CBC is off by default
    }

    @Test
    void encryptThenMacAnsweredForAnAeadSuiteIsRefused() throws Exception {
        ScriptedServer server = server(0x0303, GCM, List.of(ExtensionCodecs.empty(ExtensionType.ENCRYPT_THEN_MAC)));
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT.withCipherSuites(List.of(GCM, CBC_SHA)));
        TlsException e = fails(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION,
                () -> client.handle(server.frame(server.serverHello())));
        assertEquals(true, e.getMessage().contains("RFC 7366"), e.getMessage());
    }

    @Test
    void encryptThenMacNotOfferedIsRefused() throws Exception {
        ScriptedServer server = server(0x0303, GCM, List.of(ExtensionCodecs.empty(ExtensionType.ENCRYPT_THEN_MAC)));
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT);
        fails(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION,
                () -> client.handle(server.frame(server.serverHello())));
    }

    @Test
    void tls10IsRefusedByTheDefaultMinimum() throws Exception {
        ScriptedServer server = server(0x0301, CBC_SHA, List.of());
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT.withCipherSuites(List.of(GCM, CBC_SHA)));
        fails(ErrorCode.HANDSHAKE_PROTOCOL_VERSION, Alert.PROTOCOL_VERSION,
                () -> client.handle(server.frame(server.serverHello())));
    }

    @Test
    void aTls11ServerHelloWithTheDowngradeSentinelIsRefused() throws Exception {
        ScriptedServer server = server(0x0302, CBC_SHA, List.of());
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS10,
                ProtocolVersion.TLS13));
        byte[] sentinel = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00}; // RFC 8446 4.1.3: "DOWNGRD" 00
        System.arraycopy(sentinel, 0, server.serverRandom, 24, 8);
        fails(ErrorCode.HANDSHAKE_DOWNGRADE_DETECTED, Alert.ILLEGAL_PARAMETER,
                () -> client.handle(server.frame(server.serverHello())));
    }

    /** TLS 1.0: the ServerKeyExchange names no scheme; ECDSA signs SHA-1 (RFC 4492 section 5.4). */
    private ServerKeyExchange legacyKeyExchange(ScriptedServer server, boolean corrupt) throws TlsException {
        server.share = crypto.generateKeyShare(server.group());
        EcdheParameters unsigned = new EcdheParameters(server.group().codepoint(), server.share.publicKey(), -1,
                new byte[0]);
        byte[] signed = Tls12KeySchedule.concat(Tls12KeySchedule.concat(server.hello.random(), server.serverRandom),
                unsigned.params());
        byte[] signature = crypto.createSigner(SignatureScheme.ECDSA_SHA1, server.key.getPrivate().getEncoded())
                .sign(signed);
        if (corrupt) {
            signature[signature.length - 1] ^= 1;
        }
        return new ServerKeyExchange(new EcdheParameters(server.group().codepoint(), server.share.publicKey(), -1,
                signature).encode());
    }

    private ClientHandshake tls10UpToKeyExchange(ScriptedServer server) throws Exception {
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT.withVersions(ProtocolVersion.TLS10,
                ProtocolVersion.TLS10));
        client.handle(server.frame(server.serverHello()));
        client.handle(server.frame(server.certificateMessage()));
        return client;
    }

    @Test
    void tls10KeyExchangeSignedWithEcdsaSha1IsAccepted() throws Exception {
        ScriptedServer server = server(0x0301, CBC_SHA, List.of());
        ClientHandshake client = tls10UpToKeyExchange(server);
        client.handle(server.frame(legacyKeyExchange(server, false)));
        assertEquals(false, client.isComplete());
    }

    @Test
    void tls10KeyExchangeWithABadSignatureIsRefused() throws Exception {
        ScriptedServer server = server(0x0301, CBC_SHA, List.of());
        ClientHandshake client = tls10UpToKeyExchange(server);
        ServerKeyExchange ske = legacyKeyExchange(server, true);
        fails(ErrorCode.HANDSHAKE_BAD_SIGNATURE, Alert.DECRYPT_ERROR, () -> client.handle(server.frame(ske)));
    }

    /** An RSA certificate for localhost with {@code bits} and the given keyUsage bits; [DER, PKCS#8 key]. */
    private static Object[] rsaCertificate(int bits, int keyUsage) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        KeyPair pair = g.generateKeyPair();
        var name = new X500Name("CN=localhost");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.TWO,
                new Date(System.currentTimeMillis() - 86_400_000L),
                new Date(System.currentTimeMillis() + 86_400_000L), name, pair.getPublic());
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                new KeyUsage(keyUsage));
        byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(pair.getPrivate())).getEncoded();
        return new Object[] {der, pair.getPrivate()};
    }

    private ClientHandshake rsaUpToCertificate(ScriptedServer server, byte[] certificate) throws Exception {
        CipherSuite rsa = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
        ClientHandshake client = client(server, HandshakePolicy.DEFAULT.withCipherSuites(List.of(rsa)));
        client.handle(server.frame(server.serverHello()));
        client.handle(server.frame(new CertificateMessage(List.of(certificate))));
        return client;
    }

    /** RFC 5246 section 7.4.7.1: the premaster is the offered client_version and 46 random bytes, RSA-encrypted. */
    @Test
    void rsaKeyExchangeEncryptsTheOfferedVersionAndRandom() throws Exception {
        Object[] cert = rsaCertificate(2048, KeyUsage.digitalSignature
                | KeyUsage.keyEncipherment);
        ScriptedServer server = server(0x0303, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, List.of());
        ClientHandshake client = rsaUpToCertificate(server, (byte[]) cert[0]);
        client.handle(server.frame(new ServerHelloDone())); // no ServerKeyExchange
        assertEquals(3, server.fromClient.size(), "ClientHello, ClientKeyExchange, Finished");
        var body = new HandshakeFrame(server.fromClient.get(1)).body();
        var cke = ClientKeyExchange.read(WireReader.of(body),
                ClientKeyExchange.Form.LENGTH16);
        assertEquals(256, cke.exchangeKeys().length);
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, (PrivateKey) cert[1]);
        byte[] premaster = rsa.doFinal(cke.exchangeKeys());
        assertEquals(48, premaster.length);
        assertEquals(server.hello.legacyVersion(), (premaster[0] & 0xff) << 8 | premaster[1] & 0xff);
    }

    /** RFC 5246 section 7.4.3: no ServerKeyExchange with the RSA key exchange. */
    @Test
    void aServerKeyExchangeForTheRsaKeyExchangeIsUnexpected() throws Exception {
        Object[] cert = rsaCertificate(2048, KeyUsage.keyEncipherment);
        ScriptedServer server = server(0x0303, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, List.of());
        ClientHandshake client = rsaUpToCertificate(server, (byte[]) cert[0]);
        ServerKeyExchange ske = new ServerKeyExchange(new byte[] {1, 2, 3});
        fails(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, Alert.UNEXPECTED_MESSAGE, () -> client.handle(server.frame(ske)));
    }

    @Test
    void rsaKeyExchangeNeedsKeyEnciphermentWhenKeyUsageIsPresent() throws Exception {
        Object[] cert = rsaCertificate(2048, KeyUsage.digitalSignature);
        ScriptedServer server = server(0x0303, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, List.of());
        TlsException e = assertThrows(TlsException.class, () -> rsaUpToCertificate(server, (byte[]) cert[0]));
        assertEquals(ErrorCode.CERTIFICATE_BAD_KEY_USAGE, e.code(), e::toString);
        assertEquals(Alert.BAD_CERTIFICATE, e.alert().orElseThrow());
    }

    @Test
    void rsaKeyExchangeRefusesAKeyBelowThePolicyMinimum() throws Exception {
        Object[] cert = rsaCertificate(1024, KeyUsage.keyEncipherment);
        ScriptedServer server = server(0x0303, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, List.of());
        TlsException e = assertThrows(TlsException.class, () -> rsaUpToCertificate(server, (byte[]) cert[0]));
        assertEquals(ErrorCode.CERTIFICATE_WEAK_KEY, e.code(), e::toString);
    }

    @Test
    void tls10KeyExchangeInTheTls12FormIsADecodeError() throws Exception {
        ScriptedServer server = server(0x0301, CBC_SHA, List.of());
        ClientHandshake client = tls10UpToKeyExchange(server);
        ServerKeyExchange tls12Form = server.serverKeyExchange(); // carries a SignatureAndHashAlgorithm
        fails(ErrorCode.HANDSHAKE_DECODE_ERROR, Alert.DECODE_ERROR, () -> client.handle(server.frame(tls12Form)));
    }
}
