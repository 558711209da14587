package org.securesocket.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.ProtocolVersion;

/** The TLS 1.3 messages and extensions: round trips through the dispatcher, and no truncated prefix decodes. */
class Tls13MessageCodecTest {
    private static final byte[] NO_BYTES = new byte[0];

    static Stream<HandshakeMessage> messages() {
        Extension sigalgs = ExtensionCodecs.signatureAlgorithms(ExtensionType.SIGNATURE_ALGORITHMS,
                List.of(SignatureScheme.ED25519, SignatureScheme.RSA_PSS_RSAE_SHA256));
        return Stream.of(
                new EncryptedExtensions(List.of()),
                new EncryptedExtensions(List.of(ExtensionCodecs.alpn(List.of("h2")), Tls13Extensions.recordSizeLimit(
                        512))),
                new Tls13Certificate(NO_BYTES, List.of(new Tls13Certificate.Entry(MessageCodecTest.bytes(300, 1),
                        List.of()), new Tls13Certificate.Entry(MessageCodecTest.bytes(40, 2), List.of(
                                ExtensionCodecs.empty(ExtensionType.STATUS_REQUEST))))),
                new Tls13Certificate(new byte[] {9}, List.of()),
                new Tls13CertificateRequest(NO_BYTES, List.of(sigalgs)),
                new CertificateVerify(0x0804, MessageCodecTest.bytes(256, 3)),
                new Finished(MessageCodecTest.bytes(48, 4)),
                new Tls13NewSessionTicket(7200, 0xfad6aac5L, new byte[] {0, 0}, MessageCodecTest.bytes(178, 5),
                        List.of()),
                new KeyUpdate(true),
                new KeyUpdate(false));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void roundTripsThroughTheDispatcher(HandshakeMessage message) throws TlsException {
        byte[] encoded = message.encode();
        HandshakeMessage decoded = HandshakeMessage.read(new HandshakeFrame(encoded), ProtocolVersion.TLS13);
        assertEquals(message, decoded);
        assertArrayEquals(encoded, decoded.encode());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyTruncatedPrefixIsRejected(HandshakeMessage message) {
        byte[] encoded = message.encode();
        byte[] body = Arrays.copyOfRange(encoded, 4, encoded.length);
        // Finished takes its whole body: its length is the suite's hash length, which its state checks
        for (int n = 0; n < (message instanceof Finished ? 1 : body.length); n++) {
            HandshakeFrame frame = HandshakeFrame.of(message.type().code(), Arrays.copyOf(body, n));
            TlsException e = assertThrows(TlsException.class, () -> HandshakeMessage.read(frame,
                    ProtocolVersion.TLS13), () -> message.type() + " prefix decoded");
            assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR, e.code(), e::toString);
        }
    }

    @Test
    void aClientNeverReceivesTls12OnlyMessagesInTls13() {
        HandshakeFrame done = new HandshakeFrame(new ServerHelloDone().encode());
        assertEquals(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, assertThrows(TlsException.class,
                () -> HandshakeMessage.read(done, ProtocolVersion.TLS13)).code());
    }

    @Test
    void keyUpdateValuesAboveOneAreIllegal() {
        HandshakeFrame frame = HandshakeFrame.of(HandshakeType.KEY_UPDATE.code(), new byte[] {2});
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, assertThrows(TlsException.class,
                () -> HandshakeMessage.read(frame, ProtocolVersion.TLS13)).code());
    }

    @Test
    void extensionsRoundTrip() throws TlsException {
        Extension versions = Tls13Extensions.supportedVersions(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12));
        assertArrayEquals(new byte[] {4, 3, 4, 3, 3}, versions.data());
        assertEquals(0x0304, Tls13Extensions.readSelectedVersion(new byte[] {3, 4}));
        var share = new Tls13Extensions.KeyShareEntry(NamedGroup.X25519.codepoint(), MessageCodecTest.bytes(32, 6));
        var read = Tls13Extensions.readClientKeyShares(Tls13Extensions.clientKeyShares(List.of(share)).data());
        assertEquals(1, read.size());
        assertArrayEquals(share.keyExchange(), read.get(0).keyExchange());
        assertArrayEquals(share.keyExchange(), Tls13Extensions.readServerKeyShare(
                Tls13Extensions.serverKeyShare(share).data()).keyExchange());
        assertEquals(0x0017, Tls13Extensions.readSelectedGroup(new byte[] {0, 0x17}));
        assertArrayEquals(new byte[] {1, 2}, Tls13Extensions.readCookie(Tls13Extensions.cookie(new byte[] {1, 2})
                .data()));
        assertEquals(0, Tls13Extensions.readSelectedIdentity(new byte[] {0, 0}));
        assertEquals(16385, Tls13Extensions.readRecordSizeLimit(Tls13Extensions.recordSizeLimit(16385).data()));
        Extension psk = Tls13Extensions.preSharedKey(List.of(new Tls13Extensions.PskIdentity(new byte[] {7}, 5)),
                List.of(new byte[32]));
        assertEquals(2 + 1 + 2 + 4 + Tls13Extensions.bindersLength(List.of(32)), psk.data().length);
        for (byte[] bad : List.of(NO_BYTES, new byte[] {3}, new byte[] {3, 4, 0})) {
            assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR, assertThrows(TlsException.class,
                    () -> Tls13Extensions.readSelectedVersion(bad)).code());
        }
        assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR, assertThrows(TlsException.class,
                () -> Tls13Extensions.readCookie(new byte[] {0, 0})).code());
    }
}
