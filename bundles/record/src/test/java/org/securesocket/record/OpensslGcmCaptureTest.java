package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * Known answer for TLS 1.2 AES-128-GCM: both directions of a session between openssl s_client and
 * s_server, captured once with the key log (see tls12-gcm-openssl/README.md). OpenSSL chooses its
 * explicit nonces from a random start; we must accept them.
 */
class OpensslGcmCaptureTest {
    private static final String DIR = "/tls12-gcm-openssl/";
    private static final TlsCrypto CRYPTO = new JcaTlsCrypto();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OpensslGcmCaptureTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        }
    }

    private static Properties keys() throws IOException {
        Properties p = new Properties();
        try (InputStream in = OpensslGcmCaptureTest.class.getResourceAsStream(DIR + "keys.properties")) {
            p.load(in);
        }
        return p;
    }

    /** Reads a captured direction the way a connection would: handshake, CCS, keys, data. */
    private static List<Object> replay(byte[] wire, RecordProtection keys, int maxChunk) throws TlsException {
        RecordReader reader = new RecordReader();
        List<Object> seen = new ArrayList<>(); // messages, application data as byte[]
        ByteBuffer src = ByteBuffer.wrap(wire.clone()).limit(0);
        Random random = new Random(maxChunk);
        while (src.limit() < wire.length) {
            src.limit(Math.min(wire.length, src.limit() + 1 + random.nextInt(maxChunk)));
            InboundMessage m;
            while ((m = readOrFailure(reader, src, seen)) != null) {
                if (m instanceof HandshakeFrame && seen.isEmpty()) {
                    reader.setVersion(ProtocolVersion.TLS12); // the handshake learns it from the hello
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
        }
        return seen;
    }

    /** The next message; a failure is recorded as the last element and ends the replay. */
    private static InboundMessage readOrFailure(RecordReader reader, ByteBuffer src, List<Object> seen) {
        try {
            return reader.read(src);
        } catch (TlsException e) {
            seen.add(e);
            src.limit(src.capacity()).position(src.capacity());
            return null;
        }
    }

    @Test
    void serverToClient() throws Exception {
        Properties k = keys();
        for (int maxChunk : new int[] {1, 7, 300, 5000}) {
            RecordProtection serverKeys = RecordProtection.tls12Aead(CRYPTO, AeadAlgorithm.AES_128_GCM,
                    Hex.bytes(k.getProperty("server_write_key")), Hex.bytes(k.getProperty("server_write_iv")));
            List<Object> seen = replay(resource("s2c.bin"), serverKeys, maxChunk);
            assertEquals(List.of(2, 11, 12, 14), seen.subList(0, 4).stream().map(m -> ((HandshakeFrame) m).msgType()).toList(),
                    "ServerHello, Certificate, ServerKeyExchange, ServerHelloDone");
            assertSame(ChangeCipherSpec.INSTANCE, seen.get(4));
            HandshakeFrame finished = (HandshakeFrame) seen.get(5);
            assertEquals(20, finished.msgType());
            assertEquals(12, finished.body().remaining(), "TLS 1.2 verify_data");
            assertArrayEquals(k.getProperty("server_plaintext").getBytes(StandardCharsets.US_ASCII),
                    (byte[]) seen.get(6));
            // s_server answered the client's abrupt end with a fatal decode_error alert, protected
            TlsException end = (TlsException) seen.get(7);
            assertEquals(ErrorCode.HANDSHAKE_ALERT_RECEIVED, end.code());
            assertEquals(Alert.DECODE_ERROR, end.alert().orElseThrow());
            assertEquals(8, seen.size());
        }
    }

    @Test
    void clientToServer() throws Exception {
        Properties k = keys();
        RecordProtection clientKeys = RecordProtection.tls12Aead(CRYPTO, AeadAlgorithm.AES_128_GCM,
                Hex.bytes(k.getProperty("client_write_key")), Hex.bytes(k.getProperty("client_write_iv")));
        List<Object> seen = replay(resource("c2s.bin"), clientKeys, 50);
        assertEquals(1, ((HandshakeFrame) seen.get(0)).msgType(), "ClientHello in a 0x0301 record");
        assertEquals(16, ((HandshakeFrame) seen.get(1)).msgType(), "ClientKeyExchange");
        assertSame(ChangeCipherSpec.INSTANCE, seen.get(2));
        assertEquals(20, ((HandshakeFrame) seen.get(3)).msgType());
        assertArrayEquals(k.getProperty("client_plaintext").getBytes(StandardCharsets.US_ASCII),
                (byte[]) seen.get(4));
        assertEquals(5, seen.size());
    }

    @Test
    void theWrongKeyFailsWithBadRecordMac() throws Exception {
        Properties k = keys();
        RecordProtection wrong = RecordProtection.tls12Aead(CRYPTO, AeadAlgorithm.AES_128_GCM,
                Hex.bytes(k.getProperty("client_write_key")), Hex.bytes(k.getProperty("server_write_iv")));
        List<Object> seen = replay(resource("s2c.bin"), wrong, 5000);
        assertEquals(ErrorCode.RECORD_BAD_RECORD_MAC, ((TlsException) seen.get(seen.size() - 1)).code());
        assertEquals(6, seen.size(), "four handshake messages, CCS, then the Finished fails");
    }
}
