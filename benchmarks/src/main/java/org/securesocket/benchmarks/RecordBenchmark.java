package org.securesocket.benchmarks;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.record.ContentType;
import org.securesocket.record.InboundMessage;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;
import org.securesocket.record.RecordReader;
import org.securesocket.record.RecordWriter;

/**
 * Seal and open of full 16 KB application data records through the record layer, next to the
 * same AEAD on a bare JCA {@link Cipher} (what the record layer costs on top). Throughput in
 * records per second (times 16384 for bytes); run with {@code -prof gc} for bytes allocated per
 * record ({@code gc.alloc.rate.norm}). Opening decrypts in place in both cases; each open first
 * copies a sealed record into the working buffer (the same copy for both).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordBenchmark {
    private static final int RECORD = 1 << 14;
    /** Distinct sealed records to open in sequence before the reader starts again. */
    private static final int RING = 512;

    @Param({"AES_128_GCM", "CHACHA20_POLY1305"})
    public AeadAlgorithm algorithm;

    @Param({"TLS13", "TLS12"})
    public ProtocolVersion version;

    private final TlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(1));
    private byte[] key;
    private byte[] iv;
    private final ByteBuffer plaintext = ByteBuffer.allocate(RECORD);
    private final ByteBuffer wire = ByteBuffer.allocate(RECORD + 512);
    private final ByteBuffer wireOut = wire.duplicate();
    private RecordWriter writer;
    private RecordReader reader;
    private byte[][] sealed;
    private int next;

    private Cipher cipher;
    private SecretKeySpec jcaKey;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[13];
    private long counter;
    private byte[][] jcaSealed;

    @Setup(Level.Iteration)
    public void setUp() throws Exception {
        key = new byte[algorithm.keyLength()];
        iv = new byte[version == ProtocolVersion.TLS12 && algorithm != AeadAlgorithm.CHACHA20_POLY1305 ? 4 : 12];
        crypto.random().nextBytes(key);
        crypto.random().nextBytes(iv);
        writer = newWriter();
        sealed = new byte[RING][];
        RecordWriter sealer = newWriter();
        for (int i = 0; i < RING; i++) {
            wire.clear();
            sealer.write(ContentType.APPLICATION_DATA, plaintext.clear(), wire);
            wire.flip();
            sealed[i] = new byte[wire.remaining()];
            wire.get(sealed[i]);
        }
        next = RING;

        boolean chacha = algorithm == AeadAlgorithm.CHACHA20_POLY1305;
        cipher = Cipher.getInstance(chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
        jcaKey = new SecretKeySpec(key, chacha ? "ChaCha20" : "AES");
        jcaSealed = new byte[RING][];
        for (int i = 0; i < RING; i++) {
            ByteBuffer out = ByteBuffer.allocate(RECORD + 16);
            jcaInit(Cipher.ENCRYPT_MODE, i);
            cipher.doFinal(plaintext.clear(), out);
            jcaSealed[i] = out.array();
        }
        counter = RING;
    }

    private RecordWriter newWriter() throws TlsException {
        RecordWriter w = new RecordWriter();
        w.setVersion(version);
        w.setProtection(protection());
        return w;
    }

    private RecordProtection protection() throws TlsException {
        return version == ProtocolVersion.TLS13
                ? RecordProtection.tls13(crypto, algorithm, key, iv)
                : RecordProtection.tls12Aead(crypto, algorithm, key, iv);
    }

    private void jcaInit(int mode, long n) throws GeneralSecurityException {
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (n >>> (8 * i));
            aad[i] = nonce[11 - i];
        }
        cipher.init(mode, jcaKey, algorithm == AeadAlgorithm.CHACHA20_POLY1305
                ? new IvParameterSpec(nonce) : new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
    }

    @Benchmark
    public int recordSeal() throws TlsException {
        wire.clear();
        return writer.write(ContentType.APPLICATION_DATA, plaintext.clear(), wire);
    }

    @Benchmark
    public InboundMessage recordOpen() throws TlsException {
        if (next == RING) {
            reader = new RecordReader();
            reader.setVersion(version);
            reader.setProtection(protection());
            reader.peerFinished();
            next = 0;
        }
        byte[] record = sealed[next++];
        wire.clear();
        wire.put(record).flip();
        return reader.read(wire);
    }

    @Benchmark
    public int jcaSeal() throws GeneralSecurityException {
        wire.clear();
        jcaInit(Cipher.ENCRYPT_MODE, counter++);
        return cipher.doFinal(plaintext.clear(), wire);
    }

    @Benchmark
    public int jcaOpen() throws GeneralSecurityException {
        int i = (int) (counter++ % RING);
        wire.clear();
        wire.put(jcaSealed[i]).flip();
        jcaInit(Cipher.DECRYPT_MODE, i);
        return cipher.doFinal(wire, wireOut.clear());
    }
}
