package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.Prf;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * Known answers from OpenSSL: both directions of five real TLS 1.0 and 1.2 sessions captured with their key log
 * (resources {@code openssl/}, see its README). The key block is derived with our PRF and checked
 * against OpenSSL's; then each direction is replayed through a reader, in several chunkings, the
 * way a connection would: handshake messages, CCS, the new keys, Finished, application data.
 */
class OpensslCaptureTest {
    private static final TlsCrypto CRYPTO = new JcaTlsCrypto();

    enum Capture {
        TLS12_AES128_GCM("tls12-aes128-gcm", ProtocolVersion.TLS12, null, 0, 16, 4, false),
        TLS12_CHACHA20_POLY1305("tls12-chacha20-poly1305", ProtocolVersion.TLS12, null, 0, 32, 12, false),
        TLS12_AES128_CBC_SHA256("tls12-aes128-cbc-sha256", ProtocolVersion.TLS12, HashAlgorithm.SHA256, 32, 16, 0, false),
        TLS12_AES128_CBC_SHA256_ETM("tls12-aes128-cbc-sha256-etm", ProtocolVersion.TLS12, HashAlgorithm.SHA256, 32, 16, 0, true),
        TLS10_AES128_CBC_SHA("tls10-aes128-cbc-sha", ProtocolVersion.TLS10, HashAlgorithm.SHA1, 20, 16, 16, false);

        final String dir;
        final ProtocolVersion version;
        final HashAlgorithm mac;
        final int macKeyLength;
        final int keyLength;
        final int ivLength;
        final boolean encryptThenMac;

        Capture(String dir, ProtocolVersion version, HashAlgorithm mac, int macKeyLength, int keyLength, int ivLength,
                boolean encryptThenMac) {
            this.dir = dir;
            this.version = version;
            this.mac = mac;
            this.macKeyLength = macKeyLength;
            this.keyLength = keyLength;
            this.ivLength = ivLength;
            this.encryptThenMac = encryptThenMac;
        }

        byte[] resource(String name) throws IOException {
            try (InputStream in = OpensslCaptureTest.class.getResourceAsStream("/openssl/" + dir + "/" + name)) {
                return in.readAllBytes();
            }
        }

        Properties keys() throws IOException {
            Properties p = new Properties();
            try (InputStream in = OpensslCaptureTest.class.getResourceAsStream("/openssl/" + dir + "/keys.properties")) {
                p.load(in);
            }
            return p;
        }

        /** RFC 5246 section 6.3, with our PRF; checked against OpenSSL's key block. */
        byte[] keyBlock() throws IOException, TlsException {
            Properties k = keys();
            byte[] seed = Chunks.concat(Hex.bytes(k.getProperty("server_random")), Hex.bytes(k.getProperty("client_random")));
            byte[] secret = Hex.bytes(k.getProperty("master_secret"));
            int length = 2 * (macKeyLength + keyLength + ivLength);
            byte[] block = version == ProtocolVersion.TLS12
                    ? Prf.tls12(CRYPTO, HashAlgorithm.SHA256, secret, "key expansion", seed, length)
                    : Prf.tls10(CRYPTO, secret, "key expansion", seed, length);
            assertArrayEquals(Hex.bytes(k.getProperty("key_block")), block, "our PRF agrees with OpenSSL's");
            return block;
        }

        RecordProtection protection(boolean server) throws IOException, TlsException {
            byte[] b = keyBlock();
            int at = server ? macKeyLength : 0;
            byte[] macKey = Arrays.copyOfRange(b, at, at + macKeyLength);
            at = 2 * macKeyLength + (server ? keyLength : 0);
            byte[] key = Arrays.copyOfRange(b, at, at + keyLength);
            at = 2 * macKeyLength + 2 * keyLength + (server ? ivLength : 0);
            byte[] iv = ivLength == 0 ? null : Arrays.copyOfRange(b, at, at + ivLength);
            AeadAlgorithm aead = keyLength == 32 ? AeadAlgorithm.CHACHA20_POLY1305 : AeadAlgorithm.AES_128_GCM;
            return mac == null
                    ? RecordProtection.tls12Aead(CRYPTO, aead, key, iv)
                    : RecordProtection.cbc(CRYPTO, version, mac, macKey, key, iv, encryptThenMac);
        }
    }

    /** Reads a captured direction; application data as byte[], a failure as the last element. */
    private static List<Object> replay(Capture c, byte[] wire, RecordProtection keys, int maxChunk) throws TlsException {
        RecordReader reader = new RecordReader();
        List<Object> seen = new ArrayList<>();
        ByteBuffer src = ByteBuffer.wrap(wire.clone()).limit(0);
        Random random = new Random(maxChunk);
        while (src.limit() < wire.length) {
            src.limit(Math.min(wire.length, src.limit() + 1 + random.nextInt(maxChunk)));
            try {
                InboundMessage m;
                while ((m = reader.read(src)) != null) {
                    if (m instanceof HandshakeFrame && seen.isEmpty()) {
                        reader.setVersion(c.version); // the handshake learns it from the hello
                    }
                    if (m == ChangeCipherSpec.INSTANCE) {
                        reader.setProtection(keys);
                    }
                    if (m instanceof ApplicationData data) {
                        byte[] copy = new byte[data.data().remaining()];
                        data.data().get(copy);
                        seen.add(copy);
                    } else {
                        seen.add(m);
                    }
                }
            } catch (TlsException e) {
                seen.add(e);
                return seen;
            }
        }
        return seen;
    }

    private static List<Integer> handshakeTypes(List<Object> seen) {
        List<Integer> types = new ArrayList<>();
        for (Object o : seen) {
            if (o instanceof HandshakeFrame f) {
                types.add(f.msgType());
            }
        }
        return types;
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void serverToClient(Capture c) throws Exception {
        Properties k = c.keys();
        for (int maxChunk : new int[] {1, 7, 300, 5000}) {
            List<Object> seen = replay(c, c.resource("s2c.bin"), c.protection(true), maxChunk);
            List<Integer> types = handshakeTypes(seen);
            assertEquals(20, types.get(types.size() - 1), "the Finished, decrypted");
            int ccs = seen.indexOf(ChangeCipherSpec.INSTANCE);
            assertEquals(types.size() - 1, ccs, "CCS just before the Finished");
            assertEquals(12, ((HandshakeFrame) seen.get(ccs + 1)).body().remaining(), "verify_data");
            assertArrayEquals(k.getProperty("server_plaintext").getBytes(StandardCharsets.US_ASCII),
                    (byte[]) seen.get(ccs + 2), "one message: OpenSSL's empty fragments are skipped");
            TlsException end = (TlsException) seen.get(ccs + 3);
            assertEquals(ErrorCode.HANDSHAKE_ALERT_RECEIVED, end.code());
            assertEquals(Alert.DECODE_ERROR, end.alert().orElseThrow());
            assertEquals(ccs + 4, seen.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void clientToServer(Capture c) throws Exception {
        Properties k = c.keys();
        List<Object> seen = replay(c, c.resource("c2s.bin"), c.protection(false), 50);
        assertEquals(List.of(1, 16, 20), handshakeTypes(seen), "ClientHello, ClientKeyExchange, Finished");
        assertSame(ChangeCipherSpec.INSTANCE, seen.get(2));
        assertArrayEquals(k.getProperty("client_plaintext").getBytes(StandardCharsets.US_ASCII), (byte[]) seen.get(4));
        assertEquals(5, seen.size());
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void theOtherDirectionsKeysFailWithBadRecordMac(Capture c) throws Exception {
        List<Object> seen = replay(c, c.resource("s2c.bin"), c.protection(false), 5000);
        TlsException e = (TlsException) seen.get(seen.size() - 1);
        assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, e.code());
        assertSame(ChangeCipherSpec.INSTANCE, seen.get(seen.size() - 2), "the Finished is the first to fail");
    }
}
