package org.securesocket.handshake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;

/** Paired encoders and decoders for the data of the extensions a client sends and reads back. */
public final class ExtensionCodecs {
    /** ECPointFormat uncompressed (RFC 8422 section 5.1.2), the only one we accept. */
    public static final int POINT_FORMAT_UNCOMPRESSED = 0;

    private ExtensionCodecs() {
    }

    /** server_name with one host_name (RFC 6066 section 3). */
    public static Extension serverName(String host) {
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        WireWriter list = new WireWriter().u8(0).vector16(name);
        return new Extension(ExtensionType.SERVER_NAME, new WireWriter().vector16(list.toByteArray()).toByteArray());
    }

    /** The host_name of a ClientHello's server_name. */
    public static String readServerName(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        WireReader list = in.sub16(1, "server_name_list");
        in.expectEnd("server_name");
        int type = list.u8("name_type");
        if (type != 0) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "server_name type " + type + " is not host_name");
        }
        byte[] name = list.vector16(1, 0xffff, "host_name");
        list.expectEnd("server_name_list");
        for (byte b : name) {
            if (b < 0) { // a HostName is ASCII (RFC 6066 section 3): decoding anything else would alter the name
                throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server_name host_name holds the"
                        + " non-ASCII byte 0x" + Integer.toHexString(b & 0xff));
            }
        }
        return new String(name, StandardCharsets.US_ASCII);
    }

    /** supported_groups (RFC 8422 section 5.1.1, RFC 8446 section 4.2.7). */
    public static Extension supportedGroups(List<NamedGroup> groups) {
        WireWriter list = new WireWriter();
        for (NamedGroup group : groups) {
            list.u16(group.codepoint());
        }
        return new Extension(ExtensionType.SUPPORTED_GROUPS, new WireWriter().vector16(list.toByteArray()).toByteArray());
    }

    public static List<Integer> readCodepointList(byte[] data, String what) throws TlsException {
        WireReader in = WireReader.of(data);
        WireReader list = in.sub16(2, what);
        in.expectEnd(what);
        WireReader.checkMultiple(list, 2, what);
        List<Integer> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(list.u16(what));
        }
        return out;
    }

    /** signature_algorithms or signature_algorithms_cert (RFC 8446 section 4.2.3). */
    public static Extension signatureAlgorithms(ExtensionType type, List<SignatureScheme> schemes) {
        WireWriter list = new WireWriter();
        for (SignatureScheme scheme : schemes) {
            if (scheme.codepoint() >= 0) {
                list.u16(scheme.codepoint());
            }
        }
        return new Extension(type, new WireWriter().vector16(list.toByteArray()).toByteArray());
    }

    /** ec_point_formats offering only uncompressed points. */
    public static Extension ecPointFormats() {
        return new Extension(ExtensionType.EC_POINT_FORMATS, new byte[] {1, POINT_FORMAT_UNCOMPRESSED});
    }

    /** The formats of a peer's ec_point_formats. */
    public static byte[] readEcPointFormats(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        byte[] formats = in.vector8(1, 0xff, "ec_point_format_list");
        in.expectEnd("ec_point_formats");
        return formats;
    }

    /** application_layer_protocol_negotiation with a ProtocolNameList (RFC 7301 section 3.1). */
    public static Extension alpn(List<String> protocols) {
        WireWriter list = new WireWriter();
        for (String p : protocols) {
            list.vector8(p.getBytes(StandardCharsets.UTF_8));
        }
        return new Extension(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION,
                new WireWriter().vector16(list.toByteArray()).toByteArray());
    }

    /** The protocol names of an ALPN extension. */
    public static List<String> readAlpn(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        WireReader list = in.sub16(2, "protocol_name_list");
        in.expectEnd("application_layer_protocol_negotiation");
        List<String> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(utf8(list.vector8(1, 0xff, "protocol_name")));
        }
        return out;
    }

    /**
     * A protocol name is opaque bytes (RFC 7301 section 3.1) and ours are UTF-8 strings: bytes that are
     * not UTF-8 name no protocol we offered, and a lenient decoding (U+FFFD) would alter the name.
     */
    private static String utf8(byte[] name) throws TlsException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "an ALPN protocol_name is not UTF-8, so"
                    + " it is none of the protocols we offer");
        }
    }

    /** An empty extension body: extended_master_secret, and a ServerHello's server_name. */
    public static Extension empty(ExtensionType type) {
        return new Extension(type, new byte[0]);
    }

    /** max_fragment_length (RFC 6066 section 4): one byte, 1 to 4 for 2^9 to 2^12. */
    public static Extension maxFragmentLength(int code) {
        return new Extension(ExtensionType.MAX_FRAGMENT_LENGTH, new byte[] {(byte) code});
    }

    /** The code of a max_fragment_length; its value is checked against the request by the caller. */
    public static int readMaxFragmentLength(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        int code = in.u8("max_fragment_length");
        in.expectEnd("max_fragment_length");
        return code;
    }

    /**
     * A client's status_request (RFC 6066 section 8): status_type ocsp(1), an OCSPStatusRequest with
     * no responder_id_list and no request_extensions.
     */
    public static Extension statusRequest() {
        return new Extension(ExtensionType.STATUS_REQUEST, new WireWriter().u8(CertificateStatus.OCSP).vector16(
                new byte[0]).vector16(new byte[0]).toByteArray());
    }

    /** renegotiation_info (RFC 5746 section 3.2): {@code opaque renegotiated_connection<0..255>}. */
    public static Extension renegotiationInfo(byte[] renegotiatedConnection) {
        return new Extension(ExtensionType.RENEGOTIATION_INFO, new WireWriter().vector8(renegotiatedConnection)
                .toByteArray());
    }

    public static byte[] readRenegotiationInfo(byte[] data) throws TlsException {
        WireReader in = WireReader.of(data);
        byte[] value = in.vector8(0, 0xff, "renegotiated_connection");
        in.expectEnd("renegotiation_info");
        return value;
    }
}
