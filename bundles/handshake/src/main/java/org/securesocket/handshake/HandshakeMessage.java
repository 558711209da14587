package org.securesocket.handshake;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.ProtocolVersion;

/**
 * One decoded handshake message. Each has a paired codec: {@code static X read(WireReader)} for the
 * body and {@link #write(WireWriter)}; {@link #encode()} adds the four-byte header that the
 * transcript hashes. The TLS 1.3 forms of messages whose structure changed (Certificate,
 * CertificateRequest, NewSessionTicket) are their own records, {@code Tls13...}.
 */
public sealed interface HandshakeMessage permits ClientHello, ServerHello, CertificateMessage, ServerKeyExchange,
        CertificateRequest, ServerHelloDone, ClientKeyExchange, Finished, NewSessionTicket, HelloRequest,
        EncryptedExtensions, Tls13Certificate, Tls13CertificateRequest, CertificateVerify, Tls13NewSessionTicket,
        KeyUpdate, CertificateStatus {

    HandshakeType type();

    /** Writes the body (without the header). */
    void write(WireWriter out);

    /** The whole message: msg_type, a 24-bit length, the body. */
    default byte[] encode() {
        WireWriter body = new WireWriter();
        write(body);
        return HandshakeFrame.of(type().code(), body.toByteArray()).encoded();
    }

    /**
     * Decodes a frame received by a client under {@code version} (null before ServerHello).
     *
     * @throws TlsException {@code handshake.unexpected_message} for a type a client never receives
     *                      in that version, {@code handshake.decode_error} for a malformed body
     */
    static HandshakeMessage read(HandshakeFrame frame, ProtocolVersion version) throws TlsException {
        WireReader in = WireReader.of(frame.body());
        HandshakeType type = HandshakeType.fromCode(frame.msgType()).orElse(null);
        if (type == null) {
            throw new TlsException(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, "the peer sent a handshake message of"
                    + " unknown type " + frame.msgType());
        }
        HandshakeMessage message = version == ProtocolVersion.TLS13 ? readTls13(type, in) : switch (type) {
            case HELLO_REQUEST -> HelloRequest.read(in);
            case SERVER_HELLO -> ServerHello.read(in);
            case CERTIFICATE -> CertificateMessage.read(in);
            case SERVER_KEY_EXCHANGE -> ServerKeyExchange.read(in);
            case CERTIFICATE_REQUEST -> CertificateRequest.read(in, version);
            case SERVER_HELLO_DONE -> ServerHelloDone.read(in);
            case CERTIFICATE_STATUS -> CertificateStatus.read(in);
            case FINISHED -> Finished.read(in);
            case NEW_SESSION_TICKET -> NewSessionTicket.read(in);
            default -> throw new TlsException(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE,
                    "a server never sends " + type.rfcName() + " in " + (version == null ? "TLS 1.2" : version));
        };
        in.expectEnd(type.rfcName());
        return message;
    }

    /** The messages a TLS 1.3 client receives after the ServerHello (RFC 8446 section 4). */
    private static HandshakeMessage readTls13(HandshakeType type, WireReader in) throws TlsException {
        return switch (type) {
            case SERVER_HELLO -> ServerHello.read(in);
            case ENCRYPTED_EXTENSIONS -> EncryptedExtensions.read(in);
            case CERTIFICATE_REQUEST -> Tls13CertificateRequest.read(in);
            case CERTIFICATE -> Tls13Certificate.read(in);
            case CERTIFICATE_VERIFY -> CertificateVerify.read(in, ProtocolVersion.TLS13);
            case FINISHED -> Finished.read(in);
            case NEW_SESSION_TICKET -> Tls13NewSessionTicket.read(in);
            case KEY_UPDATE -> KeyUpdate.read(in);
            default -> throw new TlsException(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE,
                    "a server never sends " + type.rfcName() + " in TLS 1.3");
        };
    }
}
