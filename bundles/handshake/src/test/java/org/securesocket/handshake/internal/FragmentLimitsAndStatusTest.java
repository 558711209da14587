package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CertificateStatus;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientExtensions;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.handshake.Tls13Extensions;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;

/**
 * max_fragment_length and record_size_limit (RFC 6066 section 4, RFC 8449 section 5) and
 * status_request (RFC 6066 section 8) in the TLS 1.2 chain, against the scripted server.
 */
class FragmentLimitsAndStatusTest {
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(3));
    private final List<String> trace = new ArrayList<>();

    /** A scripted server whose ServerHello adds {@code extra} and whose Certificate may be followed by a status. */
    private static ScriptedServer server(JcaTlsCrypto crypto, List<Extension> extra, CertificateStatus status)
            throws Exception {
        return new ScriptedServer(crypto) {
            @Override
            public List<Extension> serverHelloExtensions() {
                List<Extension> out = super.serverHelloExtensions();
                out.addAll(extra);
                return out;
            }

            @Override
            public List<HandshakeMessage> firstFlight() throws TlsException {
                List<HandshakeMessage> flight = new ArrayList<>(super.firstFlight());
                if (status != null) {
                    flight.add(2, status);
                }
                return flight;
            }
        };
    }

    private ClientHandshake client(ScriptedServer server, ClientExtensions extensions) throws TlsException {
        ClientConfig config = new ClientConfig(HandshakePolicy.DEFAULT, "localhost", null, List.of(), false, null, null,
                null, null, null, extensions);
        ClientHandshake client = new ClientHandshake(config, crypto, server, (id, line) -> trace.add(line), "test");
        client.start();
        server.receiveClientHello();
        return client;
    }

    private static SessionParameters complete(ScriptedServer server, ClientHandshake client) throws Exception {
        for (HandshakeMessage m : server.firstFlight()) {
            client.handle(server.frame(m));
        }
        Finished serverFinished = server.answerClientFinished();
        client.changeCipherSpec();
        client.handle(server.frame(serverFinished));
        return client.session().orElseThrow();
    }

    private static TlsException fails(ScriptedServer server, ClientHandshake client) {
        return assertThrows(TlsException.class, () -> client.handle(server.frame(server.serverHello())));
    }

    @Test
    void theRequestIsOfferedWithAMatchingRecordSizeLimit() throws Exception {
        ScriptedServer server = server(crypto, List.of(), null);
        client(server, new ClientExtensions(1024, true));
        List<Extension> offered = server.hello.extensions();
        assertEquals(2, ExtensionCodecs.readMaxFragmentLength(Extension.find(offered,
                ExtensionType.MAX_FRAGMENT_LENGTH).orElseThrow().data()));
        assertEquals(1025, Tls13Extensions.readRecordSizeLimit(Extension.find(offered,
                ExtensionType.RECORD_SIZE_LIMIT).orElseThrow().data()));
        assertArrayEquals(ExtensionCodecs.statusRequest().data(), Extension.find(offered, ExtensionType.STATUS_REQUEST)
                .orElseThrow().data());
    }

    @Test
    void nothingIsOfferedByDefault() throws Exception {
        ScriptedServer server = server(crypto, List.of(), null);
        client(server, ClientExtensions.NONE);
        assertTrue(Extension.find(server.hello.extensions(), ExtensionType.MAX_FRAGMENT_LENGTH).isEmpty());
        assertTrue(Extension.find(server.hello.extensions(), ExtensionType.STATUS_REQUEST).isEmpty());
        assertEquals(PlaintextLimit.MAX_CONTENT + 1, Tls13Extensions.readRecordSizeLimit(Extension.find(
                server.hello.extensions(), ExtensionType.RECORD_SIZE_LIMIT).orElseThrow().data()));
    }

    @Test
    void anEchoedMaxFragmentLengthBoundsBothWaysFromTheServerHello() throws Exception {
        ScriptedServer server = server(crypto, List.of(ExtensionCodecs.maxFragmentLength(1)), null);
        ClientHandshake client = client(server, new ClientExtensions(512, false));
        client.handle(server.frame(server.serverHello()));
        assertEquals(512, server.clientReadLimit.contentLimit());
        assertEquals(512, server.clientWriteLimit.contentLimit());
    }

    @Test
    void theWholeHandshakeKeepsTheLimitInTheSession() throws Exception {
        ScriptedServer server = server(crypto, List.of(ExtensionCodecs.maxFragmentLength(3)), null);
        ClientHandshake client = client(server, new ClientExtensions(2048, false));
        assertEquals(2048, complete(server, client).plaintextLimit().contentLimit());
    }

    @Test
    void anEchoOfAnotherLengthIsIllegal() throws Exception {
        ScriptedServer server = server(crypto, List.of(ExtensionCodecs.maxFragmentLength(2)), null);
        ClientHandshake client = client(server, new ClientExtensions(512, false));
        TlsException e = fails(server, client);
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("not the 1 we asked for"), e::getMessage);
    }

    @Test
    void anUnrequestedMaxFragmentLengthIsRefused() throws Exception {
        ScriptedServer server = server(crypto, List.of(ExtensionCodecs.maxFragmentLength(1)), null);
        ClientHandshake client = client(server, ClientExtensions.NONE);
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, fails(server, client).code());
    }

    @Test
    void bothAnswersAreIllegal() throws Exception {
        ScriptedServer server = server(crypto, List.of(ExtensionCodecs.maxFragmentLength(1),
                Tls13Extensions.recordSizeLimit(600)), null);
        ClientHandshake client = client(server, new ClientExtensions(512, false));
        TlsException e = fails(server, client);
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("RFC 8449 section 5"), e::getMessage);
    }

    @Test
    void aRecordSizeLimitAnswerWinsOverMaxFragmentLength() throws Exception {
        ScriptedServer server = server(crypto, List.of(Tls13Extensions.recordSizeLimit(2000)), null);
        ClientHandshake client = client(server, new ClientExtensions(512, false));
        SessionParameters session = complete(server, client);
        assertEquals(512, session.plaintextLimit().contentLimit(), "what we send: the size we asked for, smaller");
        assertEquals(513, server.clientReadLimit.contentLimit(), "what we receive: our record_size_limit in TLS 1.2");
        assertEquals(512, server.clientWriteLimit.contentLimit());
    }

    @Test
    void aSmallerRecordSizeLimitAnswerBoundsWhatWeSend() throws Exception {
        ScriptedServer server = server(crypto, List.of(Tls13Extensions.recordSizeLimit(300)), null);
        ClientHandshake client = client(server, new ClientExtensions(512, false));
        assertEquals(300, complete(server, client).plaintextLimit().contentLimit());
        assertEquals(300, server.clientWriteLimit.contentLimit());
    }

    @Test
    void aStapledResponseIsExposedOnTheSession() throws Exception {
        byte[] ocsp = MessageBytes.of(300);
        ScriptedServer server = server(crypto, List.of(ExtensionCodecs.empty(ExtensionType.STATUS_REQUEST)),
                new CertificateStatus(ocsp));
        ClientHandshake client = client(server, new ClientExtensions(0, true));
        SessionParameters session = complete(server, client);
        assertArrayEquals(ocsp, session.stapledOcspResponse().orElseThrow());
        assertTrue(trace.stream().anyMatch(l -> l.contains("stapled OCSP response of 300 bytes")), trace::toString);
        assertEquals(ProtocolVersion.TLS12, session.version());
    }

    @Test
    void anEchoWithoutCertificateStatusIsFine() throws Exception {
        ScriptedServer server = server(crypto, List.of(ExtensionCodecs.empty(ExtensionType.STATUS_REQUEST)), null);
        ClientHandshake client = client(server, new ClientExtensions(0, true));
        SessionParameters session = complete(server, client);
        assertFalse(session.stapledOcspResponse().isPresent());
        assertNull(session.ocspResponse());
    }

    @Test
    void aCertificateStatusWithoutTheEchoIsUnexpected() throws Exception {
        ScriptedServer server = server(crypto, List.of(), new CertificateStatus(MessageBytes.of(10)));
        ClientHandshake client = client(server, new ClientExtensions(0, true));
        List<HandshakeMessage> flight = server.firstFlight();
        client.handle(server.frame(flight.get(0)));
        client.handle(server.frame(flight.get(1)));
        assertEquals(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, assertThrows(TlsException.class,
                () -> client.handle(server.frame(flight.get(2)))).code());
    }

    @Test
    void aNonEmptyStatusRequestEchoIsADecodeError() throws Exception {
        ScriptedServer server = server(crypto, List.of(ExtensionCodecs.statusRequest()), null);
        ClientHandshake client = client(server, new ClientExtensions(0, true));
        assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR, fails(server, client).code());
    }

    /** Filler bytes for an opaque response. */
    private static final class MessageBytes {
        static byte[] of(int n) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) (i * 7 + 1);
            }
            return b;
        }
    }
}
