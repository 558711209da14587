package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.Hkdf;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * Known answer from OpenSSL for TLS 1.3 (TLS_AES_128_GCM_SHA256, resources
 * {@code openssl/tls13-aes128-gcm}): the traffic secrets come from the key log, the keys from them
 * (RFC 8446 section 7.3). OpenSSL sends a middlebox-compatibility CCS, encrypted handshake
 * messages, two NewSessionTickets after its Finished, then the data and a closing alert.
 */
class OpensslTls13CaptureTest {
    private static final TlsCrypto CRYPTO = new JcaTlsCrypto();
    private static final String DIR = "/openssl/tls13-aes128-gcm/";

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OpensslTls13CaptureTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        }
    }

    /** NSS key log lines: label, client random, secret. */
    private static Map<String, byte[]> secrets() throws IOException {
        Map<String, byte[]> secrets = new HashMap<>();
        for (String line : new String(resource("keylog.txt"), StandardCharsets.US_ASCII).split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && !line.startsWith("#")) {
                secrets.put(f[0], Hex.bytes(f[2]));
            }
        }
        return secrets;
    }

    private static RecordProtection keys(byte[] trafficSecret) throws TlsException {
        byte[] key = Hkdf.expandLabel(CRYPTO, HashAlgorithm.SHA256, trafficSecret, "key", new byte[0], 16);
        byte[] iv = Hkdf.expandLabel(CRYPTO, HashAlgorithm.SHA256, trafficSecret, "iv", new byte[0], 12);
        return RecordProtection.tls13(CRYPTO, AeadAlgorithm.AES_128_GCM, key, iv);
    }

    /**
     * Replays one direction as that side's peer would read it: the hello in the clear, then the
     * handshake keys, then after the Finished the application keys. Application data as byte[],
     * a failure as the last element.
     */
    private static List<Object> replay(byte[] wire, byte[] handshakeSecret, byte[] applicationSecret, int maxChunk)
            throws TlsException {
        RecordReader reader = new RecordReader();
        List<Object> seen = new ArrayList<>();
        ByteBuffer src = ByteBuffer.wrap(wire.clone()).limit(0);
        Random random = new Random(maxChunk);
        try {
            while (src.limit() < wire.length) {
                src.limit(Math.min(wire.length, src.limit() + 1 + random.nextInt(maxChunk)));
                InboundMessage m;
                while ((m = reader.read(src)) != null) {
                    if (m instanceof HandshakeFrame f && (f.msgType() == 1 || f.msgType() == 2)) {
                        reader.setVersion(ProtocolVersion.TLS13);
                        reader.setProtection(keys(handshakeSecret));
                    } else if (m instanceof HandshakeFrame f && f.msgType() == 20) {
                        reader.peerFinished();
                        reader.setProtection(keys(applicationSecret));
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
        } catch (TlsException e) {
            seen.add(e);
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

    @Test
    void serverToClient() throws Exception {
        Map<String, byte[]> s = secrets();
        for (int maxChunk : new int[] {1, 13, 400, 5000}) {
            List<Object> seen = replay(resource("s2c.bin"), s.get("SERVER_HANDSHAKE_TRAFFIC_SECRET"),
                    s.get("SERVER_TRAFFIC_SECRET_0"), maxChunk);
            assertEquals(List.of(2, 8, 11, 15, 20, 4, 4), handshakeTypes(seen),
                    "ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished, 2 tickets;"
                            + " the compatibility CCS dropped");
            assertArrayEquals("reyal drocer olleh\n".getBytes(StandardCharsets.US_ASCII), (byte[]) seen.get(7));
            // s_server's protected fatal decode_error, its answer to the client closing without close_notify
            TlsException end = (TlsException) seen.get(8);
            assertEquals(ErrorCode.HANDSHAKE_ALERT_RECEIVED, end.code());
            assertEquals(Alert.DECODE_ERROR, end.alert().orElseThrow());
            assertEquals(9, seen.size());
        }
    }

    @Test
    void clientToServer() throws Exception {
        Map<String, byte[]> s = secrets();
        List<Object> seen = replay(resource("c2s.bin"), s.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET"),
                s.get("CLIENT_TRAFFIC_SECRET_0"), 40);
        assertEquals(List.of(1, 20), handshakeTypes(seen), "ClientHello, then (after the CCS) the Finished");
        assertArrayEquals("hello record layer\n".getBytes(StandardCharsets.US_ASCII), (byte[]) seen.get(2));
        assertEquals(3, seen.size());
    }
}
