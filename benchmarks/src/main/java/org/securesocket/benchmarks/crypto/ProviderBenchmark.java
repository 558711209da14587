package org.securesocket.benchmarks.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.Signer;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.bc.BcTlsCrypto;
import org.securesocket.crypto.compose.ComposedTlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * Operations per second of each provider through the TlsCrypto SPI, as a TLS client uses it: an
 * ECDHE or X25519 exchange is one key generation plus one agreement; the AEAD figures seal or open
 * one 16 KB record (ops/s x 16384 = bytes/s). {@link RawJcaGcmBenchmark} is the JDK Cipher baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProviderBenchmark {
    static final int RECORD = 16384;
    private static final byte[] MESSAGE = "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII);

    @Param({"jca", "bc", "composed"})
    public String provider;

    private TlsCrypto crypto;
    private byte[] p256Spki;
    private byte[] p256Sig;
    private Signer p256Signer;
    private byte[] edSpki;
    private byte[] edSig;
    private Signer edSigner;
    private byte[] peerP256;
    private byte[] peerP384;
    private byte[] peerP521;
    private byte[] peerX25519;
    private AeadCipher gcm;
    private AeadCipher chacha;
    private final byte[] nonce = new byte[12];
    private long counter;
    private ByteBuffer plain;
    private ByteBuffer sealed;
    private byte[] sealedRecord;
    private ByteBuffer opened;

    @Setup
    public void setUp() throws Exception {
        crypto = switch (provider) {
            case "jca" -> new JcaTlsCrypto();
            case "bc" -> new BcTlsCrypto();
            default -> new ComposedTlsCrypto(List.of(new JcaTlsCrypto(), new BcTlsCrypto()));
        };
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = ec.generateKeyPair();
        p256Spki = p256.getPublic().getEncoded();
        p256Signer = crypto.createSigner(SignatureScheme.ECDSA_SECP256R1_SHA256, p256.getPrivate().getEncoded());
        p256Sig = p256Signer.sign(MESSAGE);
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        edSpki = ed.getPublic().getEncoded();
        edSigner = crypto.createSigner(SignatureScheme.ED25519, ed.getPrivate().getEncoded());
        edSig = edSigner.sign(MESSAGE);
        // The server's shares come from the other provider family, so no cached point is reused.
        TlsCrypto peer = new JcaTlsCrypto();
        peerP256 = peer.generateKeyShare(NamedGroup.SECP256R1).publicKey();
        peerP384 = peer.generateKeyShare(NamedGroup.SECP384R1).publicKey();
        peerP521 = peer.generateKeyShare(NamedGroup.SECP521R1).publicKey();
        peerX25519 = peer.generateKeyShare(NamedGroup.X25519).publicKey();
        gcm = crypto.createAead(AeadAlgorithm.AES_128_GCM, new byte[16]);
        chacha = crypto.createAead(AeadAlgorithm.CHACHA20_POLY1305, new byte[32]);
        plain = ByteBuffer.allocate(RECORD);
        sealed = ByteBuffer.allocate(RECORD + 16);
        opened = ByteBuffer.allocate(RECORD);
        crypto.createAead(AeadAlgorithm.AES_128_GCM, new byte[16]).seal(nonce, new byte[5], plain.duplicate(), sealed.duplicate());
        sealedRecord = sealed.array().clone();
    }

    @Benchmark
    public boolean ecdsaP256Verify() throws TlsException {
        return crypto.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, p256Spki, MESSAGE, p256Sig);
    }

    @Benchmark
    public byte[] ecdsaP256Sign() throws TlsException {
        return p256Signer.sign(MESSAGE);
    }

    @Benchmark
    public byte[] ecdhP256() throws TlsException {
        return crypto.generateKeyShare(NamedGroup.SECP256R1).agree(peerP256);
    }

    @Benchmark
    public byte[] ecdhP384() throws TlsException {
        return crypto.generateKeyShare(NamedGroup.SECP384R1).agree(peerP384);
    }

    @Benchmark
    public byte[] ecdhP521() throws TlsException {
        return crypto.generateKeyShare(NamedGroup.SECP521R1).agree(peerP521);
    }

    @Benchmark
    public byte[] x25519() throws TlsException {
        return crypto.generateKeyShare(NamedGroup.X25519).agree(peerX25519);
    }

    @Benchmark
    public boolean ed25519Verify() throws TlsException {
        return crypto.verify(SignatureScheme.ED25519, edSpki, MESSAGE, edSig);
    }

    @Benchmark
    public byte[] ed25519Sign() throws TlsException {
        return edSigner.sign(MESSAGE);
    }

    @Benchmark
    public int aes128GcmSeal16k() throws TlsException {
        return gcm.seal(nextNonce(), new byte[5], plain.clear(), sealed.clear());
    }

    @Benchmark
    public int aes128GcmOpen16k() throws TlsException {
        return gcm.open(new byte[12], new byte[5], ByteBuffer.wrap(sealedRecord), opened.clear());
    }

    @Benchmark
    public int chacha20Poly1305Seal16k() throws TlsException {
        return chacha.seal(nextNonce(), new byte[5], plain.clear(), sealed.clear());
    }

    /** A fresh nonce per record, as TLS makes them (the providers refuse to seal twice with one). */
    private byte[] nextNonce() {
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (n >>> (8 * i));
        }
        return nonce;
    }
}
