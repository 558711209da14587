package org.securesocket.handshake;

import java.util.Arrays;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * Finished (RFC 5246 section 7.4.9, RFC 8446 section 4.4.4): verify_data, 12 bytes in TLS 1.2 and the
 * hash length in TLS 1.3; the reader takes the whole body and the state checks its length.
 */
public record Finished(byte[] verifyData) implements HandshakeMessage {
    public Finished {
        verifyData = verifyData.clone();
    }

    public static Finished read(WireReader in) throws TlsException {
        if (!in.hasRemaining()) {
            throw new TlsException(ErrorCode.HANDSHAKE_DECODE_ERROR, "the peer's finished message is empty");
        }
        return new Finished(in.bytes(in.remaining(), "verify_data"));
    }

    @Override
    public byte[] verifyData() {
        return verifyData.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void write(WireWriter out) {
        out.bytes(verifyData);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finished f && Arrays.equals(verifyData, f.verifyData);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(verifyData);
    }

    @Override
    public String toString() {
        return "Finished[" + verifyData.length + " bytes]";
    }
}
