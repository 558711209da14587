package org.securesocket.handshake.internal;

import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.HandshakeMessage;

/**
 * One state of the client handshake (the rustls {@code ExpectServerHello} -> {@code ExpectCertificate}
 * chain): it takes the next message and returns the state that follows. A message a state does not
 * expect is rejected by {@link #unexpected}, the one place that builds that failure.
 */
public sealed interface ClientState permits ExpectServerHello, ExpectCertificate, ExpectServerKeyExchange,
        ExpectServerHelloDone, ExpectChangeCipherSpec, ExpectFinished, Connected, ExpectEncryptedExtensions,
        ExpectCertificateOrCertReq, ExpectCertificate13, ExpectCertificateVerify, ExpectFinished13, Connected13,
        ExpectNewSessionTicket, ExpectCertificateStatus {

    /** Handles a handshake message (already added to the transcript, except Finished). */
    ClientState handle(Context ctx, HandshakeMessage message) throws TlsException;

    /** Handles a received ChangeCipherSpec; only the states that expect one override this. */
    default ClientState changeCipherSpec(Context ctx) throws TlsException {
        throw new TlsException(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, "the peer sent change_cipher_spec while "
                + expecting() + " was expected");
    }

    /** What this state waits for, for messages and traces, e.g. {@code "server_hello"}. */
    String expecting();

    /** Whether the handshake is complete. */
    default boolean isConnected() {
        return false;
    }

    /** The failure for a message this state does not expect. */
    default TlsException unexpected(HandshakeMessage message) {
        return new TlsException(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, "the peer sent " + message.type().rfcName()
                + " while " + expecting() + " was expected");
    }
}
