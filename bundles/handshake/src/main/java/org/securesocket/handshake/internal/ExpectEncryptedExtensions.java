package org.securesocket.handshake.internal;

import java.util.Set;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.EncryptedExtensions;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;

/**
 * Waits for EncryptedExtensions (RFC 8446 section 4.3.1): only extensions we offered and that belong
 * there (the table of section 4.2: "EE"); ALPN, record_size_limit and max_fragment_length are taken from it.
 */
final class ExpectEncryptedExtensions implements ClientState {
    private static final Set<ExtensionType> ALLOWED = Set.of(ExtensionType.SERVER_NAME, ExtensionType.SUPPORTED_GROUPS,
            ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ExtensionType.RECORD_SIZE_LIMIT,
            ExtensionType.MAX_FRAGMENT_LENGTH);

    @Override
    public String expecting() {
        return "encrypted_extensions";
    }

    @Override
    public ClientState handle(Context ctx, HandshakeMessage message) throws TlsException {
        if (!(message instanceof EncryptedExtensions ee)) {
            throw unexpected(message);
        }
        Set<Integer> offered = Extension.types(ctx.clientHello.extensions());
        for (Extension e : ee.extensions()) {
            if (!offered.contains(e.type())) {
                throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, Alert.UNSUPPORTED_EXTENSION, "the server's"
                        + " encrypted_extensions holds " + e.name() + ", which we did not offer (RFC 8446 section 4.2)",
                        null);
            }
            ExtensionType type = e.known().orElse(null);
            if (type == null || !ALLOWED.contains(type)) {
                throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.name() + " must not appear in"
                        + " encrypted_extensions (RFC 8446 section 4.2)");
            }
            byte[] data = e.data();
            switch (type) {
                case SERVER_NAME -> {
                    if (data.length != 0) {
                        throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "the server's server_name must be"
                                + " empty");
                    }
                }
                case APPLICATION_LAYER_PROTOCOL_NEGOTIATION -> ctx.acceptAlpn(data);
                case RECORD_SIZE_LIMIT, MAX_FRAGMENT_LENGTH -> { } // FragmentLimits.apply, below
                default -> ExtensionCodecs.readCodepointList(data, e.name()); // supported_groups: a hint only
            }
        }
        FragmentLimits.apply(ctx, ee.extensions(), ProtocolVersion.TLS13);
        ctx.trace("<- encrypted_extensions" + (ctx.alpn != null ? " ALPN " + ctx.alpn : "")
                + (ctx.plaintextLimit.equals(PlaintextLimit.DEFAULT) ? "" : " " + ctx.plaintextLimit));
        return ctx.pskAccepted ? new ExpectFinished13() : new ExpectCertificateOrCertReq();
    }
}
