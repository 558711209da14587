package org.securesocket.securesocket;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.SessionCache;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.X509PathValidator;

/**
 * A blocking client over {@link TlsConnection} for the interop tests that need what the socket
 * options do not carry (yet): a session cache for resumption and client credentials. It validates
 * the server against one anchor for "localhost" and records the connection's trace.
 */
final class Tls13Peer implements AutoCloseable {
    private final Socket socket;
    private final TlsConnection tls;
    private final byte[] buffer = new byte[1 << 16];
    private byte[] pending = new byte[0];
    private int position;

    Tls13Peer(int port, HandshakePolicy policy, Certificate anchor, SessionCache sessions,
            ClientCredentials credentials, List<String> trace) throws Exception {
        JcaTlsCrypto crypto = new JcaTlsCrypto();
        ClientConfig config = new ClientConfig(policy, "localhost", "localhost", List.of(), true,
                new InMemoryTrustStore(List.of(anchor)), new X509PathValidator(crypto, ValidationPolicy.STRICT,
                        Clock.systemUTC()), sessions, credentials);
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        tls = new TlsConnection(config, crypto, (id, line) -> trace.add(line), "interop");
        tls.start();
        flush();
        while (!tls.isHandshakeComplete()) {
            fill();
        }
    }

    TlsConnection connection() {
        return tls;
    }

    private void flush() throws IOException {
        if (tls.hasOutbound()) {
            socket.getOutputStream().write(tls.takeOutbound());
        }
    }

    private void fill() throws IOException {
        int n = socket.getInputStream().read(buffer);
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        try {
            tls.receive(ByteBuffer.wrap(buffer, 0, n));
        } finally {
            flush();
        }
    }

    void write(byte[] data) throws IOException {
        tls.writePlaintext(data, 0, data.length);
        flush();
    }

    void writeLine(String line) throws IOException {
        write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private byte nextByte() throws IOException {
        while (position == pending.length) {
            while (tls.plaintextAvailable() == 0) {
                fill();
            }
            pending = new byte[tls.plaintextAvailable()];
            tls.readPlaintext(pending, 0, pending.length);
            position = 0;
        }
        return pending[position++];
    }

    /** Reads exactly {@code length} plaintext bytes. */
    byte[] read(int length) throws IOException {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = nextByte();
        }
        return out;
    }

    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (byte b = nextByte(); b != '\n'; b = nextByte()) {
            line.append((char) b);
        }
        return line.toString().replace("\r", "");
    }

    @Override
    public void close() throws IOException {
        try {
            tls.close();
            flush();
        } finally {
            socket.close();
        }
    }
}
