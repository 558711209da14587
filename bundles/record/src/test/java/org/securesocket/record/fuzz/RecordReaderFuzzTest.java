package org.securesocket.record.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.AeadCipher;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.record.AlertMessage;
import org.securesocket.record.ApplicationData;
import org.securesocket.record.InboundMessage;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;
import org.securesocket.record.RecordReader;

/**
 * The record layer fed a hostile peer's byte stream. Each input is read twice, once as a single
 * buffer and once cut into chunks of pseudo-random sizes (seeded by the input), and both reads
 * must agree: same messages, same failure code. The only acceptable failure is a
 * {@link TlsException}.
 */
class RecordReaderFuzzTest {
    private static final TlsCrypto CRYPTO = new JcaTlsCrypto();
    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] IV = HexFormat.of().parseHex("a0a1a2a3a4a5a6a7a8a9aaab");
    private static final int HEADER = 5;
    private static final int APPLICATION_DATA = 23;

    /**
     * The first input byte picks the phase. Even: the plaintext phase before any version is
     * negotiated, the rest of the input being the wire. Odd: TLS 1.3 with keys installed, the rest
     * being a list of records in TLSPlaintext form where the fragment of every application_data
     * record is taken as a TLSInnerPlaintext and sealed with the fixed key (so decryption succeeds
     * and inner plaintext parsing is reached) and every other record goes to the wire as it is.
     */
    @FuzzTest(maxDuration = "10m")
    void records(byte[] input) throws TlsException {
        if (input.length == 0) {
            return;
        }
        boolean tls13 = (input[0] & 1) != 0;
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        byte[] wire = tls13 ? seal(rest) : rest;
        assertEquals(read(wire, tls13, 0), read(wire, tls13, Arrays.hashCode(wire) | 1));
    }

    /** The sealed phase is only worth fuzzing if its records do decrypt: data, then close_notify. */
    @Test
    void sealedScriptsDecrypt() throws TlsException {
        byte[] script = HexFormat.of().parseHex("1703030006" + "68656c6c6f17" + "1703030003" + "010015");
        List<String> seen = read(seal(script), true, 0);
        assertEquals(List.of("application data 68656c6c6f", AlertMessage.CLOSE_NOTIFY.toString(), "end"), seen);
    }

    /** What reading {@code wire} yields: the messages and the failure code, if any. */
    private static List<String> read(byte[] wire, boolean tls13, int chunkSeed) {
        List<String> seen = new ArrayList<>();
        RecordReader reader = new RecordReader();
        try {
            if (tls13) {
                reader.setVersion(ProtocolVersion.TLS13);
                reader.setProtection(RecordProtection.tls13(CRYPTO, AeadAlgorithm.AES_128_GCM, KEY, IV));
            }
            Random random = new Random(chunkSeed);
            int at = 0;
            while (at < wire.length) {
                int n = chunkSeed == 0 ? wire.length : Math.min(wire.length - at, 1 + random.nextInt(700));
                ByteBuffer chunk = ByteBuffer.wrap(wire.clone(), at, n).slice();
                InboundMessage m;
                while ((m = reader.read(chunk)) != null) {
                    seen.add(describe(m));
                }
                if (chunk.hasRemaining()) {
                    throw new AssertionError("the reader left input unconsumed");
                }
                at += n;
            }
            reader.endOfInput();
            seen.add("end");
        } catch (TlsException e) {
            seen.add("failed " + e.code());
        }
        return seen;
    }

    private static String describe(InboundMessage m) {
        if (m instanceof ApplicationData data) {
            byte[] copy = new byte[data.data().remaining()];
            data.data().duplicate().get(copy);
            return "application data " + HexFormat.of().formatHex(copy);
        }
        return m.toString();
    }

    /** The wire for a script: application_data fragments sealed as TLS 1.3 records. */
    private static byte[] seal(byte[] script) throws TlsException {
        AeadCipher aead = CRYPTO.createAead(AeadAlgorithm.AES_128_GCM, KEY);
        // every record has a 5-byte header, and sealing adds a tag to each
        int records = script.length / HEADER + 1;
        ByteBuffer out = ByteBuffer.allocate(script.length + records * AeadAlgorithm.AES_128_GCM.tagLength());
        long sequence = 0;
        int at = 0;
        while (script.length - at >= HEADER) {
            int type = script[at] & 0xff;
            int length = Math.min(((script[at + 3] & 0xff) << 8) | (script[at + 4] & 0xff), script.length - at - HEADER);
            ByteBuffer fragment = ByteBuffer.wrap(script, at + HEADER, length);
            if (type == APPLICATION_DATA) {
                int sealed = length + AeadAlgorithm.AES_128_GCM.tagLength();
                byte[] header = {(byte) type, script[at + 1], script[at + 2], (byte) (sealed >> 8), (byte) sealed};
                byte[] nonce = IV.clone();
                for (int i = 0; i < 8; i++) {
                    nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
                }
                sequence++;
                out.put(header);
                aead.seal(nonce, header, fragment, out);
            } else {
                out.put(script, at, HEADER + length);
            }
            at += HEADER + length;
        }
        out.put(script, at, script.length - at);
        return Arrays.copyOf(out.array(), out.position());
    }
}
