package org.securesocket.securesocket.hostile;

import static org.securesocket.securesocket.hostile.Scenarios.expect;
import static org.securesocket.securesocket.hostile.Scenarios.handshakeFails;
import static org.securesocket.securesocket.hostile.Scenarios.options;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.Ffdhe;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CertificateMessage;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.DheParameters;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.ServerKeyExchange;
import org.securesocket.handshake.internal.ScriptedServer;
import org.securesocket.securesocket.testing.TestPki;

/**
 * DHE_RSA ServerKeyExchanges with hostile parameters, correctly signed by the server's RSA key so
 * that only the parameters can fail: each is refused with its code and alert, before any costly work.
 */
class DheAttackTest {
    private static final CipherSuite DHE = CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256;
    private static final BigInteger P2048 = Ffdhe.prime(NamedGroup.FFDHE2048);
    private static TestPki.Issued rsa;

    @BeforeAll
    static void identity() throws Exception {
        rsa = TestPki.selfSigned(TestPki.Spec.named("localhost").kind(TestPki.KeyKind.RSA_2048));
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    /** A DHE_RSA server whose ServerKeyExchange carries {@code p}, {@code g}, {@code ys}, signed with rsa_pss_rsae_sha256. */
    private static ScriptedServer dheServer(BigInteger p, BigInteger g, BigInteger ys) throws Exception {
        ScriptedServer server = new ScriptedServer(new JcaTlsCrypto()) {
            @Override
            public CertificateMessage certificateMessage() {
                try {
                    return new CertificateMessage(List.of(rsa.certificate().getEncoded()));
                } catch (java.security.cert.CertificateEncodingException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public ServerKeyExchange serverKeyExchange() throws TlsException {
                SignatureScheme scheme = SignatureScheme.RSA_PSS_RSAE_SHA256;
                byte[] params = new DheParameters(unsigned(p), unsigned(g), unsigned(ys), 0, new byte[0]).params();
                ByteArrayOutputStream signed = new ByteArrayOutputStream();
                signed.writeBytes(hello.random());
                signed.writeBytes(serverRandom);
                signed.writeBytes(params);
                byte[] signature = crypto.createSigner(scheme, rsa.key().getEncoded()).sign(signed.toByteArray());
                return new ServerKeyExchange(new DheParameters(unsigned(p), unsigned(g), unsigned(ys),
                        scheme.codepoint(), signature).encode());
            }
        };
        server.suite = DHE;
        return server;
    }

    private static void refused(String scenario, BigInteger p, BigInteger g, BigInteger ys, ErrorCode code,
            Alert alert) throws Exception {
        try (HostileServer server = new HostileServer(dheServer(p, g, ys), peer -> {
            peer.readClientHello();
            peer.send(peer.messages.firstFlight().toArray(new HandshakeMessage[0]));
            peer.awaitAlert();
        })) {
            expect(scenario, handshakeFails(options(server).policy(Scenarios.policy().withCipherSuites(
                    List.of(DHE, CipherSuite.TLS_AES_128_GCM_SHA256))).build()), server, code, alert);
        }
    }

    @Test
    void primeUnder2048Bits() throws Exception {
        refused("DHE p of 1024 bits (policy minimum 2048)", BigInteger.probablePrime(1024, new Random(15)),
                Ffdhe.GENERATOR, BigInteger.TEN, ErrorCode.HANDSHAKE_INSUFFICIENT_SECURITY, Alert.INSUFFICIENT_SECURITY);
    }

    @Test
    void primeThatIsEven() throws Exception {
        refused("DHE p even (ffdhe2048 + 1): not a prime", P2048.add(BigInteger.ONE), Ffdhe.GENERATOR, BigInteger.TEN,
                ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void primeAbove8192Bits() throws Exception {
        refused("DHE p of 8,200 bits (above the 8,192 computed with)", BigInteger.ONE.shiftLeft(8200).subtract(
                BigInteger.ONE), Ffdhe.GENERATOR, BigInteger.TEN, ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void publicValueZero() throws Exception {
        refused("DHE Ys = 0", P2048, Ffdhe.GENERATOR, BigInteger.ZERO, ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void publicValueOne() throws Exception {
        refused("DHE Ys = 1", P2048, Ffdhe.GENERATOR, BigInteger.ONE, ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                Alert.ILLEGAL_PARAMETER);
    }

    @Test
    void publicValuePMinusOne() throws Exception {
        refused("DHE Ys = p - 1", P2048, Ffdhe.GENERATOR, P2048.subtract(BigInteger.ONE),
                ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.ILLEGAL_PARAMETER);
    }
}
