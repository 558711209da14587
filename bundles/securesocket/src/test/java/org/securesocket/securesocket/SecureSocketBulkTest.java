package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.securesocket.securesocket.testing.JsseServer;
import org.securesocket.securesocket.testing.TestPki;
import org.securesocket.x509.Certificate;

/**
 * The data path of {@link SecureSocket} over a real socket: writes larger than one pooled buffer
 * (sealed and sent in several socket writes), read back by another thread in reads of every size
 * (the plaintext straight into the reader's array, or through the queue when the array is smaller).
 */
class SecureSocketBulkTest {
    @Test
    void largeWritesComeBackWholeThroughReadsOfEverySize() throws Exception {
        TestPki.Issued ca = TestPki.selfSigned(TestPki.Spec.named("Bulk Test CA").ca(null));
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        try (JsseServer echo = new JsseServer(TestPki.server(TestPki.KeyKind.P256, ca), null, null);
                SecureSocket socket = SecureSocket.connect(SecureSocketOptions.builder().host("127.0.0.1")
                        .port(echo.port()).serverName("localhost").timeout(Duration.ofSeconds(20))
                        .certificates(List.of(Certificate.read(ca.certificate().getEncoded()))).build())) {
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(data, 0, 200_000); // more than three records: several socket writes
                    for (int at = 200_000; at < data.length; at += 7_000) {
                        out.write(data, at, Math.min(7_000, data.length - at));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            InputStream in = socket.getInputStream();
            byte[] echoed = new byte[data.length];
            int[] sizes = {1, 100, 5_000, 16_384, 40_000, 3};
            int at = 0;
            for (int i = 0; at < data.length; i++) {
                int n = in.read(echoed, at, Math.min(sizes[i % sizes.length], data.length - at));
                if (n < 0) {
                    break;
                }
                at += n;
            }
            writer.get(20, TimeUnit.SECONDS);
            assertEquals(data.length, at);
            assertArrayEquals(data, echoed);
        }
    }
}
