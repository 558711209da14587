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
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.ProtocolVersion;

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
                new ClientKeyExchange(ClientKeyExchange.Form.ECDH_POINT, bytes(65, 10)),
                new ClientKeyExchange(ClientKeyExchange.Form.LENGTH16, bytes(256, 13)),
                new Finished(bytes(12, 11)),
                new NewSessionTicket(7200, bytes(100, 12)),
                new HelloRequest(),
                new CertificateStatus(bytes(40, 13)));
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
            case CERTIFICATE_REQUEST -> CertificateRequest.read(body, ProtocolVersion.TLS12);
            case SERVER_HELLO_DONE -> ServerHelloDone.read(body);
            case CLIENT_KEY_EXCHANGE -> ClientKeyExchange.read(body, ((ClientKeyExchange) message).form());
            case FINISHED -> Finished.read(body);
            case NEW_SESSION_TICKET -> NewSessionTicket.read(body);
            case HELLO_REQUEST -> HelloRequest.read(body);
            case CERTIFICATE_STATUS -> CertificateStatus.read(body);
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
        assertEquals(p, EcdheParameters.read(encoded, ProtocolVersion.TLS12));
        assertTruncationRejected(encoded, b -> EcdheParameters.read(b, ProtocolVersion.TLS12));
        byte[] explicitCurve = encoded.clone();
        explicitCurve[0] = 1;
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, assertThrows(TlsException.class,
                () -> EcdheParameters.read(explicitCurve, ProtocolVersion.TLS12)).code());
    }

    /** TLS 1.0/1.1 (RFC 4492 section 5.4): no SignatureAndHashAlgorithm on the wire. */
    @Test
    void legacyEcdheParametersHaveNoSchemeField() throws TlsException {
        EcdheParameters p = new EcdheParameters(0x0017, bytes(65, 1), -1, bytes(70, 2));
        byte[] encoded = p.encode();
        assertEquals(1 + 2 + 1 + 65 + 2 + 70, encoded.length);
        assertEquals(p, EcdheParameters.read(encoded, ProtocolVersion.TLS10));
        assertEquals(p, EcdheParameters.read(encoded, ProtocolVersion.TLS11));
        assertTruncationRejected(encoded, b -> EcdheParameters.read(b, ProtocolVersion.TLS10));
        // the same bytes under TLS 1.2 misread the signature length as a scheme and fail
        assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR, assertThrows(TlsException.class,
                () -> EcdheParameters.read(encoded, ProtocolVersion.TLS12)).code());
    }

    /** RFC 4346 section 7.4.4: a TLS 1.0/1.1 CertificateRequest has no supported_signature_algorithms. */
    @Test
    void legacyCertificateRequestHasNoSchemeList() throws TlsException {
        CertificateRequest legacy = new CertificateRequest(new byte[] {1, 64}, List.of(), List.of(bytes(20, 9)));
        byte[] encoded = legacy.encode();
        byte[] body = Arrays.copyOfRange(encoded, 4, encoded.length);
        assertEquals(1 + 2 + 2 + 2 + 20, body.length);
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11)) {
            HandshakeMessage decoded = HandshakeMessage.read(new HandshakeFrame(encoded), v);
            assertEquals(legacy, decoded);
            assertArrayEquals(encoded, decoded.encode());
            assertTruncationRejected(body, b -> CertificateRequest.read(WireReader.of(b), v));
        }
        // TLS 1.2 reads the certificate_authorities length as the scheme list and fails
        assertThrows(TlsException.class, () -> HandshakeMessage.read(new HandshakeFrame(encoded), ProtocolVersion.TLS12));
    }

    /** RFC 4346 section 7.4.8: a TLS 1.0/1.1 CertificateVerify is the signature vector alone. */
    @Test
    void legacyCertificateVerifyHasNoSchemeField() throws TlsException {
        CertificateVerify legacy = new CertificateVerify(CertificateVerify.NO_SCHEME, bytes(256, 5));
        byte[] body = Arrays.copyOfRange(legacy.encode(), 4, legacy.encode().length);
        assertEquals(2 + 256, body.length);
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11)) {
            CertificateVerify decoded = CertificateVerify.read(WireReader.of(body), v);
            assertEquals(legacy, decoded);
            assertArrayEquals(legacy.encode(), decoded.encode());
            assertTruncationRejected(body, b -> CertificateVerify.read(WireReader.of(b), v));
        }
        CertificateVerify tls12 = new CertificateVerify(0x0401, bytes(256, 5));
        byte[] body12 = Arrays.copyOfRange(tls12.encode(), 4, tls12.encode().length);
        assertEquals(2 + 2 + 256, body12.length);
        assertEquals(tls12, CertificateVerify.read(WireReader.of(body12), ProtocolVersion.TLS12));
        assertTruncationRejected(body12, b -> CertificateVerify.read(WireReader.of(b), ProtocolVersion.TLS12));
    }

    @Test
    void dheParametersRoundTripAndRejectTruncation() throws TlsException {
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11, ProtocolVersion.TLS12)) {
            DheParameters p = new DheParameters(bytes(256, 1), new byte[] {2}, bytes(256, 3),
                    v == ProtocolVersion.TLS12 ? 0x0401 : -1, bytes(256, 4));
            byte[] encoded = p.encode();
            assertEquals(2 + 256 + 2 + 1 + 2 + 256 + (v == ProtocolVersion.TLS12 ? 2 : 0) + 2 + 256, encoded.length);
            DheParameters decoded = DheParameters.read(encoded, v);
            assertEquals(p, decoded);
            assertArrayEquals(encoded, decoded.encode());
            assertArrayEquals(Arrays.copyOf(encoded, 2 + 256 + 2 + 1 + 2 + 256), p.params());
            assertTruncationRejected(encoded, b -> DheParameters.read(b, v));
            byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
            assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR,
                    assertThrows(TlsException.class, () -> DheParameters.read(trailing, v)).code());
        }
        byte[] emptyP = {0, 0, 0, 1, 2, 0, 1, 5, 0, 0};
        assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR,
                assertThrows(TlsException.class, () -> DheParameters.read(emptyP, ProtocolVersion.TLS11)).code());
    }

    private interface Decoder {
        Object read(byte[] body) throws TlsException;
    }

    private static void assertTruncationRejected(byte[] encoded, Decoder decoder) {
        for (int n = 0; n < encoded.length; n++) {
            byte[] prefix = Arrays.copyOf(encoded, n);
            TlsException e = assertThrows(TlsException.class, () -> decoder.read(prefix), "prefix " + n);
            assertTrue(e.code() == ErrorCode.HANDSHAKE_DECODE_ERROR
                    || e.code() == ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e::toString);
        }
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
    void maxFragmentLengthAndStatusRequestCodecs() throws TlsException {
        assertEquals(1, ExtensionCodecs.readMaxFragmentLength(ExtensionCodecs.maxFragmentLength(1).data()));
        for (byte[] bad : List.of(new byte[0], new byte[] {1, 1})) {
            assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR, assertThrows(TlsException.class,
                    () -> ExtensionCodecs.readMaxFragmentLength(bad)).code());
        }
        // RFC 6066 section 8: ocsp(1), an empty responder_id_list, empty request_extensions
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0}, ExtensionCodecs.statusRequest().data());
        byte[] entryExtension = new WireWriter().u8(1).vector24(bytes(9, 3)).toByteArray();
        assertArrayEquals(bytes(9, 3), CertificateStatus.read(entryExtension).ocspResponse());
        byte[] trailing = Arrays.copyOf(entryExtension, entryExtension.length + 1);
        byte[] otherType = entryExtension.clone();
        otherType[0] = 2;
        byte[] emptyResponse = {1, 0, 0, 0};
        for (byte[] bad : List.of(trailing, otherType, emptyResponse)) {
            assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR, assertThrows(TlsException.class,
                    () -> CertificateStatus.read(bad)).code());
        }
    }

    @Test
    void maxFragmentLengthFollowsTheOriginalsRule() {
        assertEquals(0, ClientExtensions.maxFragmentLengthFor(0));
        assertEquals(512, ClientExtensions.maxFragmentLengthFor(1));
        assertEquals(512, ClientExtensions.maxFragmentLengthFor(1023));
        assertEquals(1024, ClientExtensions.maxFragmentLengthFor(1024));
        assertEquals(2048, ClientExtensions.maxFragmentLengthFor(3000));
        assertEquals(4096, ClientExtensions.maxFragmentLengthFor(16384));
        assertEquals(1, new ClientExtensions(512, false).maxFragmentLengthCode());
        assertEquals(4, new ClientExtensions(4096, false).maxFragmentLengthCode());
        assertThrows(IllegalArgumentException.class, () -> new ClientExtensions(1000, false));
        assertThrows(IllegalArgumentException.class, () -> new ClientExtensions(8192, false));
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
            if (s.isAead()) {
                assertTrue(s.ianaName().endsWith(s.prfHash().name()) && !s.ianaName().contains("_CBC_"));
                assertEquals(null, s.macAlgorithm());
            } else { // RFC 5246 section 5: the CBC rows use SHA-256 as PRF unless they name SHA-384
                assertTrue(s.ianaName().contains("_CBC_"), s::ianaName);
                assertTrue(s.ianaName().endsWith(s.macAlgorithm() == HashAlgorithm.SHA1 ? "_SHA"
                        : s.macAlgorithm().name()), s::ianaName);
                assertEquals(s.macAlgorithm() == HashAlgorithm.SHA384 ? HashAlgorithm.SHA384 : HashAlgorithm.SHA256,
                        s.prfHash());
                // the CBC-SHA rows serve TLS 1.0 to 1.2, the SHA-256/384 rows TLS 1.2 only (RFC 5246 A.5)
                assertEquals(s.macAlgorithm() == HashAlgorithm.SHA1, s.supports(ProtocolVersion.TLS10));
                assertEquals(s.macAlgorithm() == HashAlgorithm.SHA1, s.supports(ProtocolVersion.TLS11));
            }
            assertTrue(s.ianaName().contains("_AES_" + s.cipherKeyLength() * 8 + "_")
                    || s.ianaName().contains("CHACHA20"), s::ianaName);
            assertTrue(!s.supports(ProtocolVersion.TLS13) || s.keyExchange() == KeyExchange.TLS13_ANY);
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
