package org.securesocket.handshake.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.CertificateStatus;
import org.securesocket.handshake.CertificateVerify;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.handshake.DheParameters;
import org.securesocket.handshake.EcdheParameters;
import org.securesocket.handshake.EncryptedExtensions;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HandshakeType;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.ServerKeyExchange;
import org.securesocket.handshake.Tls13Certificate;
import org.securesocket.handshake.Tls13CertificateRequest;
import org.securesocket.handshake.Tls13Extensions;
import org.securesocket.handshake.Tls13NewSessionTicket;
import org.securesocket.handshake.WireReader;
import org.securesocket.handshake.WireWriter;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.InboundMessage;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordReader;

/**
 * Every handshake message and extension codec fed hostile bytes. The first input byte picks what the
 * rest is. Below 0x80, a handshake message (its msg_type byte, then its body): bit 0 picks the TLS
 * 1.3 message set of {@link HandshakeMessage#read} over the TLS 1.0 to 1.2 one, whose version bits 2
 * and 3 pick (TLS 1.2, 1.1, 1.0, 1.2); bit 1 the messages a client sends (ClientHello,
 * ClientKeyExchange in the form bit 2 picks, CertificateVerify in that version, read as a server would). From 0x80, the data of one
 * extension for the reader the low bits pick ({@link #EXTENSION_CODECS}). A ServerKeyExchange body
 * is also read as {@link EcdheParameters} and as {@link DheParameters}, and every extension a parsed
 * message carries goes through the readers of its type. Whatever parses must survive the round trip: writing it and
 * reading that back gives an equal value and the same bytes again. The only acceptable failure is
 * a {@link TlsException}.
 */
class HandshakeCodecFuzzTest {
    /** A reader of one extension's data that checks its own round trip. */
    @FunctionalInterface
    private interface ExtensionCodec {
        void check(byte[] data) throws TlsException;
    }

    /** One extension reader, the extension type it serves (null: a whole extension list). */
    private record Row(String name, ExtensionType type, ExtensionCodec codec) {
    }

    static final List<Row> EXTENSION_CODECS = List.of(
            new Row("extension list", null, HandshakeCodecFuzzTest::extensionList),
            new Row("server_name", ExtensionType.SERVER_NAME, data -> {
                String host = ExtensionCodecs.readServerName(data);
                assertEquals(host, ExtensionCodecs.readServerName(ExtensionCodecs.serverName(host).data()));
            }),
            new Row("supported_groups", ExtensionType.SUPPORTED_GROUPS, data -> codepoints(data, "supported_groups")),
            new Row("signature_algorithms", ExtensionType.SIGNATURE_ALGORITHMS,
                    data -> codepoints(data, "signature_algorithms")),
            new Row("signature_algorithms_cert", ExtensionType.SIGNATURE_ALGORITHMS_CERT,
                    data -> codepoints(data, "signature_algorithms_cert")),
            new Row("ec_point_formats", ExtensionType.EC_POINT_FORMATS,
                    data -> assertArrayEquals(data, new WireWriter().vector8(ExtensionCodecs.readEcPointFormats(data))
                            .toByteArray())),
            new Row("application_layer_protocol_negotiation", ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION,
                    data -> assertArrayEquals(data, ExtensionCodecs.alpn(ExtensionCodecs.readAlpn(data)).data())),
            new Row("renegotiation_info", ExtensionType.RENEGOTIATION_INFO,
                    data -> assertArrayEquals(data, ExtensionCodecs.renegotiationInfo(
                            ExtensionCodecs.readRenegotiationInfo(data)).data())),
            new Row("supported_versions (server)", ExtensionType.SUPPORTED_VERSIONS,
                    data -> assertArrayEquals(data, u16(Tls13Extensions.readSelectedVersion(data)))),
            new Row("key_share (client)", ExtensionType.KEY_SHARE,
                    data -> assertArrayEquals(data, Tls13Extensions.clientKeyShares(
                            Tls13Extensions.readClientKeyShares(data)).data())),
            new Row("key_share (server)", ExtensionType.KEY_SHARE,
                    data -> assertArrayEquals(data, Tls13Extensions.serverKeyShare(
                            Tls13Extensions.readServerKeyShare(data)).data())),
            new Row("key_share (hello_retry_request)", ExtensionType.KEY_SHARE,
                    data -> assertArrayEquals(data, u16(Tls13Extensions.readSelectedGroup(data)))),
            new Row("cookie", ExtensionType.COOKIE,
                    data -> assertArrayEquals(data, Tls13Extensions.cookie(Tls13Extensions.readCookie(data)).data())),
            new Row("pre_shared_key (server)", ExtensionType.PRE_SHARED_KEY,
                    data -> assertArrayEquals(data, u16(Tls13Extensions.readSelectedIdentity(data)))),
            new Row("record_size_limit", ExtensionType.RECORD_SIZE_LIMIT,
                    data -> assertArrayEquals(data, Tls13Extensions.recordSizeLimit(
                            Tls13Extensions.readRecordSizeLimit(data)).data())),
            new Row("max_fragment_length", ExtensionType.MAX_FRAGMENT_LENGTH,
                    data -> assertArrayEquals(data, new byte[] {(byte) ExtensionCodecs.readMaxFragmentLength(data)})),
            new Row("status_request (certificate entry)", ExtensionType.STATUS_REQUEST, data -> {
                CertificateStatus status = CertificateStatus.read(data);
                WireWriter out = new WireWriter();
                status.write(out);
                assertArrayEquals(data, out.toByteArray());
            }));

    private static final ProtocolVersion[] TLS12_SET_VERSIONS = {ProtocolVersion.TLS12, ProtocolVersion.TLS11,
        ProtocolVersion.TLS10, ProtocolVersion.TLS12};

    @FuzzTest(maxDuration = "10m")
    void codecs(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int selector = input[0] & 0xff;
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        if (selector >= 0x80) {
            decode(EXTENSION_CODECS.get((selector & 0x7f) % EXTENSION_CODECS.size()).codec, rest);
            return;
        }
        HandshakeFrame frame = HandshakeFrame.of(rest[0] & 0xff, Arrays.copyOfRange(rest, 1, rest.length));
        ProtocolVersion version = (selector & 1) != 0 ? ProtocolVersion.TLS13 : TLS12_SET_VERSIONS[(selector >> 2) & 3];
        ClientKeyExchange.Form form = (selector & 4) != 0 ? ClientKeyExchange.Form.LENGTH16
                : ClientKeyExchange.Form.ECDH_POINT;
        boolean clientMessage = (selector & 2) != 0;
        try {
            HandshakeMessage m = clientMessage ? readClientMessage(frame, form, version)
                    : HandshakeMessage.read(frame, version);
            roundTrip(m, version, clientMessage ? form : null);
            if (m instanceof ServerKeyExchange ske && version != ProtocolVersion.TLS13) {
                decode(body -> assertArrayEquals(body, EcdheParameters.read(body, version).encode()), ske.body());
                decode(body -> assertArrayEquals(body, DheParameters.read(body, version).encode()), ske.body());
            }
            for (Extension e : extensionsOf(m)) {
                for (Row row : EXTENSION_CODECS) {
                    if (row.type != null && row.type.codepoint() == e.type()) {
                        decode(row.codec, e.data());
                    }
                }
            }
        } catch (TlsException expected) {
            // refused with a code
        }
    }

    /**
     * The harness is only worth fuzzing if real messages pass it: every message of the recorded
     * openssl flights parses, survives the round trip, and each of its extensions that has a
     * reader here is accepted by one of them.
     */
    @Test
    void recordedMessagesParse() throws IOException, TlsException {
        int messages = 0;
        for (String flight : ClientHandshakeFuzzTest.SEEDS) {
            try (InputStream in = getClass().getResourceAsStream("ClientHandshakeFuzzTestInputs/serverStream/" + flight)) {
                ProtocolVersion version = flight.startsWith("seed-tls13") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
                RecordReader records = new RecordReader();
                ByteBuffer src = ByteBuffer.wrap(in.readAllBytes());
                InboundMessage record;
                while ((record = records.read(src)) != null) {
                    if (record instanceof HandshakeFrame frame) {
                        HandshakeMessage m = HandshakeMessage.read(frame, version);
                        roundTrip(m, version, null);
                        for (Extension e : extensionsOf(m)) {
                            acceptedByAReader(e);
                        }
                        messages++;
                    }
                }
            }
        }
        assertEquals(56, messages);
    }

    private static void acceptedByAReader(Extension e) {
        List<Row> rows = EXTENSION_CODECS.stream().filter(r -> r.type != null && r.type.codepoint() == e.type()).toList();
        int accepted = 0;
        for (Row row : rows) {
            try {
                row.codec.check(e.data());
                accepted++;
            } catch (TlsException refused) {
                // another reader of the type may fit this message's form
            }
        }
        assertEquals(rows.isEmpty(), accepted == 0, e + " is read by one of " + rows);
    }

    private static void decode(ExtensionCodec codec, byte[] data) {
        try {
            codec.check(data);
        } catch (TlsException expected) {
            // refused with a code
        }
    }

    /** What a server reads of a client's flight, with the same trailing-bytes rule as {@link HandshakeMessage#read}. */
    private static HandshakeMessage readClientMessage(HandshakeFrame frame, ClientKeyExchange.Form form,
            ProtocolVersion version) throws TlsException {
        WireReader in = WireReader.of(frame.body());
        HandshakeMessage m;
        if (frame.msgType() == HandshakeType.CLIENT_HELLO.code()) {
            m = ClientHello.read(in);
        } else if (frame.msgType() == HandshakeType.CLIENT_KEY_EXCHANGE.code()) {
            m = ClientKeyExchange.read(in, form);
        } else if (frame.msgType() == HandshakeType.CERTIFICATE_VERIFY.code()) {
            m = CertificateVerify.read(in, version);
        } else {
            return HandshakeMessage.read(frame, ProtocolVersion.TLS12);
        }
        in.expectEnd(m.type().rfcName());
        return m;
    }

    /** parse(write(m)) equals m, and writing that again gives the same bytes; {@code form} null: a server's message. */
    private static void roundTrip(HandshakeMessage m, ProtocolVersion version, ClientKeyExchange.Form form)
            throws TlsException {
        byte[] encoded = m.encode();
        HandshakeFrame frame = new HandshakeFrame(encoded);
        HandshakeMessage again = form != null ? readClientMessage(frame, form, version)
                : HandshakeMessage.read(frame, version);
        assertEquals(m, again, "the message read back from its encoding");
        assertArrayEquals(encoded, again.encode(), "the encoding of the message read back");
    }

    private static List<Extension> extensionsOf(HandshakeMessage m) {
        if (m instanceof ServerHello s) {
            return s.extensions();
        } else if (m instanceof ClientHello c) {
            return c.extensions();
        } else if (m instanceof EncryptedExtensions e) {
            return e.extensions();
        } else if (m instanceof Tls13CertificateRequest r) {
            return r.extensions();
        } else if (m instanceof Tls13NewSessionTicket t) {
            return t.extensions();
        } else if (m instanceof Tls13Certificate c) {
            return c.entries().stream().flatMap(e -> e.extensions().stream()).toList();
        }
        return List.of();
    }

    /** {@code Extension extensions<0..2^16-1>} read, written back and read again. */
    private static void extensionList(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        List<Extension> list = Extension.readList(in, "fuzz");
        in.expectEnd("fuzz extensions");
        WireWriter out = new WireWriter();
        Extension.writeList(list, out, true);
        WireReader again = WireReader.of(out.toByteArray());
        assertEquals(list, Extension.readList(again, "fuzz"));
        again.expectEnd("fuzz extensions");
    }

    /** A list of 2-byte code points: read, and the canonical encoding of what was read is the input. */
    private static void codepoints(byte[] data, String what) throws TlsException {
        WireWriter list = new WireWriter();
        ExtensionCodecs.readCodepointList(data, what).forEach(list::u16);
        assertArrayEquals(data, new WireWriter().vector16(list.toByteArray()).toByteArray());
    }

    private static byte[] u16(int value) {
        return new WireWriter().u16(value).toByteArray();
    }
}
