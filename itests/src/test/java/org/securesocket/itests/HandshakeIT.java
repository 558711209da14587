package org.securesocket.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.securesocket.OptionMaps;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketOptions;

/**
 * A real TLS 1.3 handshake (the default) from inside Felix: the handshake and securesocket bundles, with the
 * registered TlsCrypto service, against openssl s_server on loopback (certificates made by the
 * openssl CLI for this test; the CI installs openssl).
 */
public class HandshakeIT extends SecureSocketFramework {

    @Test
    public void handshakeAndDataAgainstOpensslFromInsideTheFramework() throws Exception {
        Path dir = Files.createTempDirectory("handshake-it");
        OpensslPeer.issueLocalhost(dir, "IT CA");
        int port = OpensslPeer.freePort();
        Process server = OpensslPeer.startReversingServer(dir, port);
        try {
            SecureSocketOptions options = SecureSocketOptions.builder().host("127.0.0.1").port(port)
                    .serverName("localhost").crypto(service(TlsCrypto.class))
                    .certificates(OptionMaps.readCertificates(Files.readAllBytes(dir.resolve("ca.crt"))))
                    .timeout(Duration.ofSeconds(10)).build();
            try (SecureSocket socket = SecureSocket.connect(options)) {
                assertEquals("TLSv1.3", socket.protocol()); // the default maximum, openssl 3 speaks it
                assertEquals("CN=localhost", socket.peerCertificates().get(0).toString());
                socket.getOutputStream().write("framework\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("krowemarf", OpensslPeer.readLine(socket.getInputStream()));
            }
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
