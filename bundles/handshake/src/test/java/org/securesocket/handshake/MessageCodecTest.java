package org.securesocket.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.record.HandshakeFrame;

/** Every message round-trips through its codec, and every truncated prefix of its body is rejected. */
class MessageCodecTest {

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    static Stream<HandshakeMessage> messages() {
        List<Extension> extensions = List.of(ExtensionCodecs.serverName("example.com"),
                ExtensionCodecs.supportedGroups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1)),
                ExtensionCodecs.ecPointFormats(),
                ExtensionCodecs.signatureAlgorithms(ExtensionType.SIGNATURE_ALGORITHMS,
                        List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256)),
                ExtensionCodecs.alpn(List.of("h2", "http/1.1")),
                ExtensionCodecs.empty(ExtensionType.EXTENDED_MASTER_SECRET),
                ExtensionCodecs.renegotiationInfo(new byte[0]));
        return Stream.of(
                new ClientHello(0x0303, bytes(32, 1), bytes(32, 2), List.of(0xc02b, 0xc02f), new byte[] {0}, extensions),
                new ClientHello(0x0303, bytes(32, 1), new byte[0], List.of(0xc02b), new byte[] {0}, List.of()),
                new ServerHello(0x0303, bytes(32, 3), bytes(16, 4), 0xc02f, 0,
                        List.of(ExtensionCodecs.renegotiationInfo(new byte[0]),
                                ExtensionCodecs.empty(ExtensionType.EXTENDED_MASTER_SECRET))),
                new CertificateMessage(List.of(bytes(300, 5), bytes(2, 6))),
                new CertificateMessage(List.of()),
                new ServerKeyExchange(new EcdheParameters(0x001d, bytes(32, 7), 0x0403, bytes(71, 8)).encode()),
                new CertificateRequest(new byte[] {1, 64}, List.of(0x0403, 0x0804), List.of(bytes(20, 9))),
                new ServerHelloDone(),
                new ClientKeyExchange(bytes(65, 10)),
                new Finished(bytes(12, 11)),
                new NewSessionTicket(7200, bytes(100, 12)),
                new HelloRequest());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void roundTrips(HandshakeMessage message) throws TlsException {
        byte[] encoded = message.encode();
        assertEquals(message.type().code(), encoded[0] & 0xff);
        WireReader body = WireReader.of(Arrays.copyOfRange(encoded, 4, encoded.length));
        HandshakeMessage decoded = switch (message.type()) {
            case CLIENT_HELLO -> ClientHello.read(body);
            case SERVER_HELLO -> ServerHello.read(body);
            case CERTIFICATE -> CertificateMessage.read(body);
            case SERVER_KEY_EXCHANGE -> ServerKeyExchange.read(body);
            case CERTIFICATE_REQUEST -> CertificateRequest.read(body);
            case SERVER_HELLO_DONE -> ServerHelloDone.read(body);
            case CLIENT_KEY_EXCHANGE -> ClientKeyExchange.read(body);
            case FINISHED -> Finished.read(body);
            case NEW_SESSION_TICKET -> NewSessionTicket.read(body);
            case HELLO_REQUEST -> HelloRequest.read(body);
            default -> throw new AssertionError(message.type());
        };
        body.expectEnd("test");
        assertEquals(message, decoded);
        assertArrayEquals(encoded, decoded.encode());
    }

    /** A server-side message decoded through the client's dispatcher: the same value. */
    @ParameterizedTest
    @MethodSource("messages")
    void dispatcherReadsWhatAServerSends(HandshakeMessage message) throws TlsException {
        HandshakeFrame frame = new HandshakeFrame(message.encode());
        if (message instanceof ClientHello || message instanceof ClientKeyExchange) {
            TlsException e = assertThrows(TlsException.class, () -> HandshakeMessage.read(frame, null));
            assertEquals(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, e.code());
        } else {
            assertEquals(message, HandshakeMessage.read(frame, null));
        }
    }

    /** Go's handshake_messages tests: no prefix of a message decodes to a whole message. */
    @ParameterizedTest
    @MethodSource("messages")
    void everyTruncatedPrefixIsRejected(HandshakeMessage message) {
        byte[] encoded = message.encode();
        byte[] body = Arrays.copyOfRange(encoded, 4, encoded.length);
        if (message instanceof ClientHello || message instanceof ServerHello) {
            // the extension block is optional: cutting exactly before it leaves a valid hello
            int withoutExtensions = body.length - extensionBlockLength(message);
            for (int n = 0; n < body.length; n++) {
                if (n == withoutExtensions) {
                    continue;
                }
                assertRejected(message, Arrays.copyOf(body, n));
            }
            return;
        }
        for (int n = 0; n < body.length; n++) {
            if (message instanceof Finished || message instanceof ServerKeyExchange) {
                if (n == 0) {
                    assertRejected(message, new byte[0]);
                }
                continue; // opaque to the end: the state checks the length (tested with the states)
            }
            assertRejected(message, Arrays.copyOf(body, n));
        }
    }

    private static int extensionBlockLength(HandshakeMessage m) {
        List<Extension> ext = m instanceof ClientHello c ? c.extensions() : ((ServerHello) m).extensions();
        if (ext.isEmpty()) {
            return 0;
        }
        WireWriter w = new WireWriter();
        Extension.writeList(ext, w, true);
        return w.toByteArray().length;
    }

    private static void assertRejected(HandshakeMessage message, byte[] prefix) {
        TlsException e = assertThrows(TlsException.class, () -> {
            HandshakeMessage decoded = HandshakeMessage.read(HandshakeFrame.of(message.type().code(), prefix), null);
            throw new AssertionError("a " + prefix.length + "-byte prefix decoded as " + decoded);
        }, () -> message.type() + " prefix of " + prefix.length);
        assertTrue(e.code() == ErrorCode.HANDSHAKE_DECODE_ERROR || e.code() == ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE,
                e::toString);
    }

    @Test
    void ecdheParametersRoundTripAndRejectTruncation() throws TlsException {
        EcdheParameters p = new EcdheParameters(0x0017, bytes(65, 1), 0x0403, bytes(70, 2));
        byte[] encoded = p.encode();
        assertEquals(p, EcdheParameters.read(encoded));
        for (int n = 0; n < encoded.length; n++) {
            byte[] prefix = Arrays.copyOf(encoded, n);
            assertThrows(TlsException.class, () -> EcdheParameters.read(prefix), "prefix " + n);
        }
        byte[] explicitCurve = encoded.clone();
        explicitCurve[0] = 1;
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                assertThrows(TlsException.class, () -> EcdheParameters.read(explicitCurve)).code());
    }

    @Test
    void extensionCodecsRoundTrip() throws TlsException {
        assertEquals("example.com", ExtensionCodecs.readServerName(ExtensionCodecs.serverName("example.com").data()));
        assertEquals(List.of("h2", "http/1.1"), ExtensionCodecs.readAlpn(
                ExtensionCodecs.alpn(List.of("h2", "http/1.1")).data()));
        assertEquals(List.of(0x001d, 0x0017), ExtensionCodecs.readCodepointList(ExtensionCodecs.supportedGroups(
                List.of(NamedGroup.X25519, NamedGroup.SECP256R1)).data(), "supported_groups"));
        assertArrayEquals(new byte[] {0}, ExtensionCodecs.readEcPointFormats(ExtensionCodecs.ecPointFormats().data()));
        assertArrayEquals(bytes(12, 1), ExtensionCodecs.readRenegotiationInfo(
                ExtensionCodecs.renegotiationInfo(bytes(12, 1)).data()));
    }

    /** Found by HandshakeCodecFuzzTest (finding-server_name-non-ascii): the byte 0x80 was read as U+FFFD. */
    @Test
    void serverNameWithNonAsciiByteIsRefused() {
        byte[] data = java.util.HexFormat.of().parseHex("0009000006736580727672");
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                assertThrows(TlsException.class, () -> ExtensionCodecs.readServerName(data)).code());
    }

    /** Found by HandshakeCodecFuzzTest (finding-alpn-non-utf8): 0xf6 was read as U+FFFD, so the name changed. */
    @Test
    void alpnNameThatIsNotUtf8IsRefused() throws TlsException {
        byte[] data = java.util.HexFormat.of().parseHex("00040368f632");
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER,
                assertThrows(TlsException.class, () -> ExtensionCodecs.readAlpn(data)).code());
        assertEquals(List.of("hé2"), ExtensionCodecs.readAlpn(java.util.HexFormat.of().parseHex("00050468c3a932")));
    }

    @Test
    void duplicateExtensionIsIllegal() {
        WireWriter w = new WireWriter();
        Extension ems = ExtensionCodecs.empty(ExtensionType.EXTENDED_MASTER_SECRET);
        Extension.writeList(List.of(ems, ems), w, true);
        TlsException e = assertThrows(TlsException.class, () -> Extension.readList(WireReader.of(w.toByteArray()), "x"));
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
    }

    @Test
    void oddLengthSuiteListIsRejected() {
        byte[] body = new WireWriter().u16(0x0303).bytes(bytes(32, 0)).vector8(new byte[0])
                .vector16(new byte[] {(byte) 0xc0, 0x2b, 0x00}).vector8(new byte[] {0}).toByteArray();
        assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR,
                assertThrows(TlsException.class, () -> ClientHello.read(WireReader.of(body))).code());
    }

    @Test
    void tooManyCertificatesAreRefusedWhileReading() {
        WireWriter list = new WireWriter();
        for (int i = 0; i < 33; i++) {
            list.vector24(new byte[] {0x30});
        }
        byte[] body = new WireWriter().vector24(list.toByteArray()).toByteArray();
        assertEquals(ErrorCode.CERTIFICATE_MALFORMED,
                assertThrows(TlsException.class, () -> CertificateMessage.read(WireReader.of(body))).code());
    }

    @Test
    void suiteTableRowsAreConsistent() {
        for (CipherSuite s : CipherSuite.values()) {
            assertEquals(s, CipherSuite.fromCodepoint(s.codepoint()).orElseThrow());
            assertEquals(s, CipherSuite.fromName(s.ianaName()).orElseThrow());
            if (s.keyExchange() == KeyExchange.TLS13_ANY) { // RFC 8446 B.4: a TLS 1.3 suite names no key exchange
                assertTrue(s.supports(org.securesocket.record.ProtocolVersion.TLS13) && !s.ianaName().contains("_WITH_"));
            } else {
                assertTrue(s.ianaName().contains(s.keyExchange().name()));
            }
            assertTrue(s.ianaName().endsWith(s.prfHash().name()));
        }
    }

    @Test
    void downgradeSentinelsAreRecognised() {
        byte[] random = bytes(32, 0);
        System.arraycopy(ServerHello.DOWNGRADE_TLS12, 0, random, 24, 8);
        ServerHello tls12 = new ServerHello(0x0303, random, new byte[0], 0xc02b, 0, List.of());
        assertTrue(tls12.hasTls12DowngradeSentinel());
        assertTrue(!tls12.hasTls11DowngradeSentinel());
        System.arraycopy(ServerHello.DOWNGRADE_TLS11, 0, random, 24, 8);
        ServerHello tls11 = new ServerHello(0x0302, random, new byte[0], 0xc02b, 0, List.of());
        assertTrue(tls11.hasTls11DowngradeSentinel());
        assertTrue(!new ServerHello(0x0303, bytes(32, 0), new byte[0], 0xc02b, 0, List.of()).hasTls12DowngradeSentinel());
    }
}
