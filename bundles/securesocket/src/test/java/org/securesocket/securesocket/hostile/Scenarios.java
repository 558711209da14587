package org.securesocket.securesocket.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.function.Executable;
import org.securesocket.common.Alert;
import org.securesocket.common.AlertLevel;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.record.AlertMessage;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketOptions;

/** The client's side of the hostile-server scenarios: options, and the check of what a failure reported and sent. */
final class Scenarios {
    /** How long a script may take; every scenario ends far sooner. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private Scenarios() {
    }

    static HandshakePolicy policy() {
        return HandshakePolicy.DEFAULT.withHandshakeTimeout(Duration.ofSeconds(10));
    }

    /** Our real client against {@code server}; the certificate is not checked unless a test says so. */
    static SecureSocketOptions.Builder options(HostileServer server) {
        return SecureSocketOptions.builder().host("127.0.0.1").port(server.port()).verify(false).policy(policy())
                .timeout(Duration.ofSeconds(10));
    }

    /** Connects, expecting the handshake to fail. */
    static TlsException handshakeFails(SecureSocketOptions options) {
        return assertThrows(TlsException.class, () -> SecureSocket.connect(options).close());
    }

    /**
     * Asserts the failure's code and the alert the server received from us (fatal, or the given
     * level); {@code alert} null means none may have been sent. Prints the scenario's table row.
     */
    static void expect(String scenario, TlsException failure, HostileServer server, ErrorCode code, Alert alert,
            AlertLevel level) throws Exception {
        assertEquals(code, failure.code(), failure::toString);
        Peer peer = server.result(WAIT);
        if (alert == null) {
            assertNull(peer.alert(), "no alert may be sent for " + code);
            assertNull(failure.alert().orElse(null));
        } else {
            assertNotNull(peer.alert(), "the client sent no alert for " + failure);
            assertEquals(new AlertMessage(level, alert), peer.alert(), failure::toString);
        }
        System.out.printf("| %s | `%s` | %s |%n", scenario, code, peer.alert() == null ? "none" : peer.alert());
    }

    /** {@link #expect} of a fatal alert. */
    static void expect(String scenario, TlsException failure, HostileServer server, ErrorCode code, Alert alert)
            throws Exception {
        expect(scenario, failure, server, code, alert, AlertLevel.FATAL);
    }

    /** Runs {@code step}, expecting it to fail with a TlsException. */
    static TlsException fails(Executable step) {
        return assertThrows(TlsException.class, step);
    }
}
