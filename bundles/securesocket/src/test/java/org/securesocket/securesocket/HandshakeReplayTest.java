package org.securesocket.securesocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.SessionCache;
import org.securesocket.securesocket.HandshakeRecording.Event;
import org.securesocket.securesocket.HandshakeRecording.Scenario;

/**
 * Replays the recorded openssl handshakes offline (see {@link HandshakeRecording}): the server's
 * bytes go to a deterministic client, which must send exactly the recorded bytes and negotiate the
 * recorded outcome. A failure means the client's behaviour changed: if on purpose, re-record with
 * {@link HandshakeRecorder}.
 */
class HandshakeReplayTest {

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void replaysByteForByte(Scenario scenario) throws Exception {
        replay(scenario, HandshakeRecording.parse(load(scenario)));
    }

    /** A single server byte changed inside the certificate: the client fails with a TlsException, never silently. */
    @Test
    void aTamperedServerFlightFails() throws Exception {
        List<Event> events = new ArrayList<>(HandshakeRecording.parse(load(Scenario.TLS12_ECDHE_ECDSA_AES128GCM)));
        int first = 0;
        while (events.get(first).kind() != 's') {
            first++;
        }
        byte[] flight = events.get(first).bytes();
        flight[200] ^= 1;
        events.set(first, Event.server(flight));
        assertThrows(TlsException.class, () -> replay(Scenario.TLS12_ECDHE_ECDSA_AES128GCM, events));
    }

    private static List<String> load(Scenario scenario) throws IOException {
        try (InputStream in = HandshakeReplayTest.class.getResourceAsStream(scenario.resource())) {
            if (in == null) {
                throw new AssertionError("no recording " + scenario.resource() + ": run HandshakeRecorder");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
    }

    /** Replays every connection of a recording with one set of options (one random stream, one session cache). */
    static void replay(Scenario scenario, List<Event> events) throws Exception {
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        SessionCache cache = scenario.cache();
        SecureSocketOptions options = scenario.options(cache, trace);
        Iterator<Event> it = events.iterator();
        for (int i = 0; i < scenario.outcomes.size(); i++) {
            Event start = it.next();
            assertEquals("connection " + (i + 1), start.line());
            ReplayWire wire = new ReplayWire(it, scenario + " connection " + (i + 1), trace);
            String outcome = HandshakeRecording.run(SecureSocket.newConnection(options), wire);
            assertEquals(scenario.outcomes.get(i), outcome, trace::toString);
            assertEquals(new Event('o', null, outcome).line(), it.next().line(), "the recorded outcome");
        }
        assertFalse(it.hasNext(), "events left after the last connection");
        assertTrue(trace.stream().anyMatch(l -> l.startsWith(scenario.traceMarker)), trace::toString);
    }

    /** Hands out the recorded server bytes and checks each of the client's sends against the recording. */
    private record ReplayWire(Iterator<Event> events, String where, List<String> trace)
            implements HandshakeRecording.Wire {
        @Override
        public void send(byte[] bytes) {
            Event expected = next('c', "the client sent " + bytes.length + " bytes");
            assertEquals(HexFormat.of().formatHex(expected.bytes()), HexFormat.of().formatHex(bytes),
                    () -> where + ": the client's bytes differ from the recording; trace " + trace);
        }

        @Override
        public byte[] receive() {
            return next('s', "the client waits for the server").bytes();
        }

        private Event next(char kind, String what) {
            Event e = events.hasNext() ? events.next() : null;
            if (e == null || e.kind() != kind) {
                throw new AssertionError(where + ": " + what + " but the recording has "
                        + (e == null ? "nothing more" : e.line().substring(0, Math.min(40, e.line().length())))
                        + "; trace " + trace);
            }
            return e;
        }
    }
}
