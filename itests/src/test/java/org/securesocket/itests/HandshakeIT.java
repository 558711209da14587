package org.securesocket.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        OpensslPeer.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=IT CA", "-days", "2",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
        OpensslPeer.run(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("ext"), "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n"
                + "basicConstraints=CA:FALSE\n");
        OpensslPeer.run(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "ext");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert",
                "server.crt", "-key", "server.key", "-rev", "-quiet").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            OpensslPeer.awaitListening(port);
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
