package org.securesocket.handshake;

import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/** EncryptedExtensions (RFC 8446 section 4.3.1): {@code Extension extensions<0..2^16-1>}. */
public record EncryptedExtensions(List<Extension> extensions) implements HandshakeMessage {
    public EncryptedExtensions {
        extensions = List.copyOf(extensions);
    }

    public static EncryptedExtensions read(WireReader in) throws TlsException {
        if (!in.hasRemaining()) { // unlike a hello's, this list's length field is mandatory
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "encrypted_extensions is empty");
        }
        return new EncryptedExtensions(Extension.readList(in, "encrypted_extensions"));
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    @Override
    public void write(WireWriter out) {
        Extension.writeList(extensions, out, false);
    }
}
