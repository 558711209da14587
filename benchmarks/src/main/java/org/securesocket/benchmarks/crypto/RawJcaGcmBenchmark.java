package org.securesocket.benchmarks.crypto;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The baseline for the AEAD figures: javax.crypto AES-128-GCM on one 16 KB record, no SPI in between. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RawJcaGcmBenchmark {
    private final SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
    private final byte[] nonce = new byte[12];
    private long counter;
    private Cipher cipher;
    private ByteBuffer plain;
    private ByteBuffer sealed;
    private byte[] sealedRecord;
    private ByteBuffer opened;

    @Setup
    public void setUp() throws Exception {
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        plain = ByteBuffer.allocate(ProviderBenchmark.RECORD);
        sealed = ByteBuffer.allocate(ProviderBenchmark.RECORD + 16);
        opened = ByteBuffer.allocate(ProviderBenchmark.RECORD);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
        cipher.updateAAD(new byte[5]);
        cipher.doFinal(plain.duplicate(), sealed.duplicate());
        sealedRecord = sealed.array().clone();
    }

    @Benchmark
    public int aes128GcmSeal16k() throws Exception {
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (n >>> (8 * i));
        }
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(new byte[5]);
        return cipher.doFinal(plain.clear(), sealed.clear());
    }

    @Benchmark
    public int aes128GcmOpen16k() throws Exception {
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
        cipher.updateAAD(new byte[5]);
        return cipher.doFinal(ByteBuffer.wrap(sealedRecord), opened.clear());
    }
}
