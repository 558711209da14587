package org.securesocket.handshake;

import java.util.Arrays;
import java.util.List;
import org.securesocket.common.TlsException;

/** ClientHello (RFC 5246 section 7.4.1.2, RFC 8446 section 4.1.2). */
public record ClientHello(int legacyVersion, byte[] random, byte[] sessionId, List<Integer> cipherSuites,
        byte[] compressionMethods, List<Extension> extensions) implements HandshakeMessage {
    public static final int RANDOM_LENGTH = 32;

    public ClientHello {
        if (random.length != RANDOM_LENGTH || sessionId.length > 32) {
            throw new IllegalArgumentException("random must be 32 bytes and session_id at most 32");
        }
        random = random.clone();
        sessionId = sessionId.clone();
        cipherSuites = List.copyOf(cipherSuites);
        compressionMethods = compressionMethods.clone();
        extensions = List.copyOf(extensions);
    }

    public static ClientHello read(WireReader in) throws TlsException {
        int version = in.u16("client_version");
        byte[] random = in.bytes(RANDOM_LENGTH, "random");
        byte[] sessionId = in.vector8(0, 32, "session_id");
        WireReader suites = in.sub16(2, "cipher_suites");
        WireReader.checkMultiple(suites, 2, "cipher_suites");
        List<Integer> suiteList = new java.util.ArrayList<>();
        while (suites.hasRemaining()) {
            suiteList.add(suites.u16("cipher_suite"));
        }
        byte[] compression = in.vector8(1, 0xff, "compression_methods");
        List<Extension> extensions = Extension.readList(in, "client_hello");
        return new ClientHello(version, random, sessionId, suiteList, compression, extensions);
    }

    @Override
    public byte[] random() {
        return random.clone();
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public byte[] compressionMethods() {
        return compressionMethods.clone();
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    @Override
    public void write(WireWriter out) {
        out.u16(legacyVersion).bytes(random).vector8(sessionId);
        WireWriter suites = new WireWriter();
        for (int suite : cipherSuites) {
            suites.u16(suite);
        }
        out.vector16(suites.toByteArray()).vector8(compressionMethods);
        Extension.writeList(extensions, out, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientHello c && c.legacyVersion == legacyVersion && Arrays.equals(c.random, random)
                && Arrays.equals(c.sessionId, sessionId) && c.cipherSuites.equals(cipherSuites)
                && Arrays.equals(c.compressionMethods, compressionMethods) && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(random) * 31 + extensions.hashCode();
    }
}
