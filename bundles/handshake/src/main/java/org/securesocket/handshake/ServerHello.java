package org.securesocket.handshake;

import java.util.Arrays;
import java.util.List;
import org.securesocket.common.TlsException;

/** ServerHello (RFC 5246 section 7.4.1.3, RFC 8446 section 4.1.3). */
public record ServerHello(int legacyVersion, byte[] random, byte[] sessionId, int cipherSuite,
        int compressionMethod, List<Extension> extensions) implements HandshakeMessage {

    /** The last 8 bytes of a TLS 1.3 server's random when it negotiates TLS 1.2 (RFC 8446 section 4.1.3). */
    static final byte[] DOWNGRADE_TLS12 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01};
    /** ... and when it negotiates TLS 1.1 or below. */
    static final byte[] DOWNGRADE_TLS11 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};

    public ServerHello {
        if (random.length != ClientHello.RANDOM_LENGTH || sessionId.length > 32) {
            throw new IllegalArgumentException("random must be 32 bytes and session_id at most 32");
        }
        random = random.clone();
        sessionId = sessionId.clone();
        extensions = List.copyOf(extensions);
    }

    public static ServerHello read(WireReader in) throws TlsException {
        int version = in.u16("server_version");
        byte[] random = in.bytes(ClientHello.RANDOM_LENGTH, "random");
        byte[] sessionId = in.vector8(0, 32, "session_id");
        int suite = in.u16("cipher_suite");
        int compression = in.u8("compression_method");
        List<Extension> extensions = Extension.readList(in, "server_hello");
        return new ServerHello(version, random, sessionId, suite, compression, extensions);
    }

    @Override
    public byte[] random() {
        return random.clone();
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** Whether the random ends with the sentinel a TLS 1.3 server sets when it negotiates 1.2. */
    public boolean hasTls12DowngradeSentinel() {
        return endsWith(DOWNGRADE_TLS12);
    }

    /** Whether the random ends with the sentinel a TLS 1.2 or 1.3 server sets for TLS 1.1 or below. */
    public boolean hasTls11DowngradeSentinel() {
        return endsWith(DOWNGRADE_TLS11);
    }

    private boolean endsWith(byte[] sentinel) {
        return Arrays.equals(random, RANDOM_LENGTH_MINUS_8, ClientHello.RANDOM_LENGTH, sentinel, 0, 8);
    }

    private static final int RANDOM_LENGTH_MINUS_8 = ClientHello.RANDOM_LENGTH - 8;

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    @Override
    public void write(WireWriter out) {
        out.u16(legacyVersion).bytes(random).vector8(sessionId).u16(cipherSuite).u8(compressionMethod);
        Extension.writeList(extensions, out, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerHello s && s.legacyVersion == legacyVersion && Arrays.equals(s.random, random)
                && Arrays.equals(s.sessionId, sessionId) && s.cipherSuite == cipherSuite
                && s.compressionMethod == compressionMethod && s.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(random) * 31 + cipherSuite;
    }
}
