package org.securesocket.handshake.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.RecordLayer;
import org.securesocket.record.AlertMessage;
import org.securesocket.record.ApplicationData;
import org.securesocket.record.ChangeCipherSpec;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.InboundMessage;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;
import org.securesocket.record.RecordReader;

/**
 * A whole client handshake fed a fuzzed server: {@link FuzzClient} (deterministic random, fixed
 * clock, the fuzz root as anchor) starts, and the input is everything the server sends, as
 * plaintext records: the record protection is left out (the client's key changes are noted, not
 * applied; {@code RecordReaderFuzzTest} attacks the protected records), so that mutations reach
 * every message of the flight. The seeds are real openssl s_server flights recorded with
 * {@link ServerFlightRecorder} against this same client, so they replay to a completed handshake
 * (TLS 1.3 plain, after a HelloRetryRequest, with a CertificateRequest and ALPN, with a
 * KeyUpdate after the tickets; TLS 1.2 ECDHE with ECDSA and RSA certificates, with ALPN, with a
 * CertificateRequest, and DHE_RSA; the TLS 1.2 servers send a ticket). The messages are routed as
 * {@code TlsConnection} routes them. The only acceptable failure is a {@link TlsException}.
 */
class ClientHandshakeFuzzTest {
    static final String[] SEEDS = {"seed-tls13-ecdsa", "seed-tls13-hrr", "seed-tls13-certificate-request",
        "seed-tls13-key-update", "seed-tls12-ecdsa", "seed-tls12-rsa", "seed-tls12-certificate-request",
        "seed-tls12-dhe-rsa"};

    @FuzzTest(maxDuration = "10m")
    void serverStream(byte[] input) {
        try {
            run(input);
        } catch (TlsException expected) {
            // refused with a code
        }
    }

    /** The harness is only worth fuzzing if the recorded flights it starts from do complete. */
    @Test
    void recordedFlightsComplete() throws Exception {
        for (String seed : SEEDS) {
            try (InputStream in = getClass().getResourceAsStream("ClientHandshakeFuzzTestInputs/serverStream/" + seed)) {
                ClientHandshake handshake = run(in.readAllBytes());
                assertTrue(handshake.isComplete(), seed + " completes; it stopped at " + handshake.expecting());
            }
        }
    }

    /** Plays {@code serverBytes} to a new client; returns it once the input is used up or the server closed. */
    private static ClientHandshake run(byte[] serverBytes) throws TlsException {
        RecordReader reader = new RecordReader();
        ClientHandshake handshake = FuzzClient.handshake(new Unprotected(reader));
        handshake.start();
        ByteBuffer src = ByteBuffer.wrap(serverBytes);
        InboundMessage m;
        while ((m = reader.read(src)) != null) {
            if (m instanceof HandshakeFrame frame) {
                boolean wasComplete = handshake.isComplete();
                handshake.handle(frame);
                if (!wasComplete && handshake.isComplete()) {
                    reader.peerFinished();
                }
            } else if (m instanceof ChangeCipherSpec) {
                handshake.changeCipherSpec();
            } else if (m instanceof AlertMessage alert && alert.description() == Alert.CLOSE_NOTIFY) {
                break;
            } else if (m instanceof ApplicationData && !handshake.isComplete()) {
                throw new TlsException(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, "application data before the handshake"
                        + " completed");
            }
        }
        return handshake;
    }

    /** The record layer of the replay: the version goes to the reader, keys are not applied, output is dropped. */
    private record Unprotected(RecordReader reader) implements RecordLayer {
        @Override
        public void sendHandshake(byte[] encoded) {
        }

        @Override
        public void sendChangeCipherSpec() {
        }

        @Override
        public void sendAlert(AlertMessage alert) {
        }

        @Override
        public void setVersion(ProtocolVersion version) {
            reader.setVersion(version);
        }

        @Override
        public void setReadProtection(RecordProtection protection) throws TlsException {
            // no key change on the plaintext stream, but its record-boundary rule still applies
            reader.setProtection(RecordProtection.none());
        }

        @Override
        public void setWriteProtection(RecordProtection protection) {
        }

        @Override
        public void setPlaintextLimits(PlaintextLimit read, PlaintextLimit write) {
            reader.setPlaintextLimit(read);
        }
    }
}
