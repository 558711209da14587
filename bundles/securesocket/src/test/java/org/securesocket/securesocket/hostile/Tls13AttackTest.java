package org.securesocket.securesocket.hostile;

import static org.securesocket.securesocket.hostile.Scenarios.expect;
import static org.securesocket.securesocket.hostile.Scenarios.fails;
import static org.securesocket.securesocket.hostile.Scenarios.handshakeFails;
import static org.securesocket.securesocket.hostile.Scenarios.options;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.internal.ScriptedServer13;
import org.securesocket.securesocket.SecureSocket;

/**
 * The TLS 1.3 server flight broken one way at a time. Until our Finished we write no encrypted
 * record, so an alert for a failure in the server's encrypted flight goes out in plaintext.
 */
class Tls13AttackTest {

    @Test
    void skippedCertificateVerify() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            ScriptedServer13 s = new ScriptedServer13(peer.messages);
            peer.serverHello13(s, Integer.MAX_VALUE);
            peer.writeHandshake(s.frame(s.encryptedExtensions()).encoded(), Integer.MAX_VALUE);
            peer.writeHandshake(s.frame(s.certificate()).encoded(), Integer.MAX_VALUE);
            peer.writeHandshake(s.frame(s.finished()).encoded(), Integer.MAX_VALUE);
            peer.awaitAlert();
        })) {
            expect("TLS 1.3: CertificateVerify skipped", handshakeFails(options(server).build()), server,
                    ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, Alert.UNEXPECTED_MESSAGE);
        }
    }

    @Test
    void wrongServerFinished() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            ScriptedServer13 s = new ScriptedServer13(peer.messages);
            peer.serverHello13(s, Integer.MAX_VALUE);
            peer.writeHandshake(s.frame(s.encryptedExtensions()).encoded(), Integer.MAX_VALUE);
            peer.writeHandshake(s.frame(s.certificate()).encoded(), Integer.MAX_VALUE);
            peer.writeHandshake(s.frame(s.certificateVerify()).encoded(), Integer.MAX_VALUE);
            byte[] verify = s.finished().verifyData();
            verify[31] ^= 1;
            peer.writeHandshake(new Finished(verify).encode(), Integer.MAX_VALUE);
            peer.awaitAlert();
        })) {
            expect("TLS 1.3: server Finished with a wrong verify_data", handshakeFails(options(server).build()),
                    server, ErrorCode.HANDSHAKE_BAD_FINISHED, Alert.DECRYPT_ERROR);
        }
    }

    @Test
    void plaintextHandshakeAfterServerHello() throws Exception {
        try (HostileServer server = new HostileServer(peer -> {
            ScriptedServer13 s = new ScriptedServer13(peer.messages);
            peer.serverHello13(s, Integer.MAX_VALUE);
            // EncryptedExtensions in a plaintext handshake record, where only protected records may come
            byte[] ee = s.frame(s.encryptedExtensions()).encoded();
            byte[] record = new byte[5 + ee.length];
            record[0] = 22;
            record[1] = 3;
            record[2] = 3;
            record[4] = (byte) ee.length;
            System.arraycopy(ee, 0, record, 5, ee.length);
            peer.writeRaw(record);
            peer.awaitAlert();
        })) {
            expect("TLS 1.3: EncryptedExtensions sent unencrypted", handshakeFails(options(server).build()), server,
                    ErrorCode.RECORD_UNEXPECTED_MESSAGE, Alert.UNEXPECTED_MESSAGE);
        }
    }

    @Test
    void changeCipherSpecAfterTheHandshake() throws Exception {
        byte[] go = "go".getBytes(StandardCharsets.US_ASCII);
        try (HostileServer server = new HostileServer(peer -> {
            peer.handshake13(new ScriptedServer13(peer.messages), Integer.MAX_VALUE);
            peer.readApplicationData(go.length);
            peer.writeRaw(new byte[] {20, 3, 3, 0, 1, 1}); // RFC 8446 section 5: no CCS after the Finished
            peer.awaitAlert();
        }); SecureSocket socket = SecureSocket.connect(options(server).build())) {
            socket.getOutputStream().write(go);
            TlsException e = fails(() -> socket.getInputStream().read());
            expect("TLS 1.3: ChangeCipherSpec after the handshake", e, server, ErrorCode.RECORD_UNEXPECTED_MESSAGE,
                    Alert.UNEXPECTED_MESSAGE);
        }
    }
}
