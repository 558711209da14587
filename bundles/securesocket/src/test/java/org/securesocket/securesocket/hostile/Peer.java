package org.securesocket.securesocket.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HelloRequest;
import org.securesocket.handshake.KeyUpdate;
import org.securesocket.handshake.internal.ScriptedServer;
import org.securesocket.handshake.internal.ScriptedServer13;
import org.securesocket.record.AlertMessage;
import org.securesocket.record.ApplicationData;
import org.securesocket.record.ChangeCipherSpec;
import org.securesocket.record.ContentType;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.InboundMessage;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;
import org.securesocket.record.RecordReader;
import org.securesocket.record.RecordWriter;

/**
 * The server's end of one hostile connection: reads the client's records with our {@link RecordReader}
 * (handing handshake messages to the {@link ScriptedServer}, which plays the server's side of the
 * handshake), and writes records with our {@link RecordWriter} under the keys the script has reached.
 * Each step is public so a script can stop, skip, repeat or corrupt any of them.
 */
public final class Peer {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    /** The server's handshake messages and transcript. */
    public final ScriptedServer messages;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final RecordReader reader = new RecordReader();
    private final RecordWriter writer = new RecordWriter();
    private final byte[] chunk = new byte[1 << 15];
    private ByteBuffer input = ByteBuffer.allocate(0);
    /** The keys of the handshake's current stage, [client write, server write]. */
    private RecordProtection[] protections;
    private boolean ended;
    private AlertMessage alert;

    Peer(Socket socket, ScriptedServer messages) throws IOException {
        this.socket = socket;
        this.messages = messages;
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        writer.setVersion(ProtocolVersion.TLS12);
    }

    /**
     * The client's next message: a handshake frame, ChangeCipherSpec, alert (a fatal one included) or
     * a copy of its application data as {@link Received}; {@code null} once its stream has ended
     * (or was reset).
     */
    public Object next() throws IOException {
        while (!ended) {
            try {
                InboundMessage m = reader.read(input);
                if (m instanceof ApplicationData data) {
                    byte[] copy = new byte[data.data().remaining()];
                    data.data().get(copy);
                    return new Received(copy);
                }
                if (m != null) {
                    return m;
                }
            } catch (TlsException e) {
                if (e.code() != ErrorCode.HANDSHAKE_ALERT_RECEIVED) {
                    throw e;
                }
                ended = true; // our reader is done after a fatal alert
                return AlertMessage.fatal(e.alert().orElseThrow());
            }
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketException e) {
                n = -1; // reset by the client
            }
            if (n < 0) {
                ended = true;
                return null;
            }
            input = ByteBuffer.wrap(chunk, 0, n);
        }
        return null;
    }

    /** Application data the client sent. */
    public record Received(byte[] data) {
    }

    /** Reads messages until the client's alert and keeps it; {@code null} when its stream ends without one. */
    public AlertMessage awaitAlert() throws IOException {
        Object m;
        while ((m = next()) != null) {
            if (m instanceof AlertMessage received) {
                alert = received;
                return received;
            }
        }
        return null;
    }

    /** The alert {@link #awaitAlert} found, if any. */
    public AlertMessage alert() {
        return alert;
    }

    /** Reads the ClientHello (a ChangeCipherSpec before it is skipped: TLS 1.3 compatibility mode). */
    public void readClientHello() throws IOException {
        messages.sendHandshake(expectHandshake().encoded());
        messages.receiveClientHello();
    }

    /** Reads the client's next handshake message, skipping its TLS 1.3 middlebox ChangeCipherSpec. */
    public HandshakeFrame expectHandshake() throws IOException {
        Object m;
        do {
            m = next();
        } while (m instanceof ChangeCipherSpec);
        if (!(m instanceof HandshakeFrame frame)) {
            throw new AssertionError("expected a handshake message from the client, got " + m);
        }
        return frame;
    }

    /**
     * Sends messages (hashed into the transcript) in records of at most 2^14 bytes, in one write: a
     * client that fails on the first has them all and answers with one alert, no broken pipe.
     */
    public void send(HandshakeMessage... sent) throws IOException {
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        for (HandshakeMessage m : sent) {
            flight.writeBytes(messages.frame(m).encoded());
        }
        writeHandshake(flight.toByteArray(), 1 << 14);
    }

    /** Writes an encoded handshake message (not hashed) as records of at most {@code recordSize} bytes. */
    public void writeHandshake(byte[] encoded, int recordSize) throws IOException {
        for (int at = 0; at < encoded.length; at += recordSize) {
            write(ContentType.HANDSHAKE, ByteBuffer.wrap(encoded, at, Math.min(recordSize, encoded.length - at)));
        }
    }

    /** Writes application data under the current keys. */
    public void writeApplicationData(byte[] data) throws IOException {
        write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(data));
    }

    /** The records of {@code data} under the current keys, for a script to alter before writing them. */
    public byte[] sealApplicationData(byte[] data) throws TlsException {
        ByteBuffer content = ByteBuffer.wrap(data);
        ByteBuffer dst = ByteBuffer.allocate(writer.wireLength(ContentType.APPLICATION_DATA, content.remaining()));
        writer.write(ContentType.APPLICATION_DATA, content, dst);
        return dst.array();
    }

    private void write(ContentType type, ByteBuffer content) throws IOException {
        ByteBuffer dst = ByteBuffer.allocate(writer.wireLength(type, content.remaining()));
        writer.write(type, content, dst);
        writeRaw(dst.array());
    }

    /** The records of one handshake message (hashed) under the current keys, for a script to write as it likes. */
    public byte[] sealHandshake(HandshakeMessage message) throws TlsException {
        ByteBuffer content = ByteBuffer.wrap(messages.frame(message).encoded());
        ByteBuffer dst = ByteBuffer.allocate(writer.wireLength(ContentType.HANDSHAKE, content.remaining()));
        writer.write(ContentType.HANDSHAKE, content, dst);
        return dst.array();
    }

    /** A HelloRequest under the current keys (never hashed: RFC 5246 section 7.4.1.1). */
    public void writeHelloRequest() throws IOException {
        writeHandshake(new HelloRequest().encode(), Integer.MAX_VALUE);
    }

    /** Writes one alert record under the current keys. */
    public void writeAlert(AlertMessage alert) throws IOException {
        ByteBuffer dst = ByteBuffer.allocate(64);
        writer.writeAlert(alert, dst);
        writeRaw(java.util.Arrays.copyOf(dst.array(), dst.position()));
    }

    /** Writes a ChangeCipherSpec record under the current keys. */
    public void writeChangeCipherSpec() throws IOException {
        ByteBuffer dst = ByteBuffer.allocate(64);
        writer.writeChangeCipherSpec(dst);
        writeRaw(java.util.Arrays.copyOf(dst.array(), dst.position()));
    }

    /** Writes bytes as they are. */
    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads the client's ClientKeyExchange, ChangeCipherSpec (switching to its write keys) and
     * Finished, which the scripted server checks; returns the server Finished to send.
     */
    public Finished receiveClientFinished() throws IOException {
        messages.sendHandshake(expectHandshake().encoded());
        protections = messages.receiveClientKeyExchange().protections(messages.hello.random(), messages.serverRandom,
                false);
        Object ccs = next();
        if (!(ccs instanceof ChangeCipherSpec)) {
            throw new AssertionError("expected the client's change_cipher_spec, got " + ccs);
        }
        reader.setProtection(protections[0]);
        messages.sendHandshake(expectHandshake().encoded());
        return messages.answerClientFinished();
    }

    /** Switches to the server's write keys: call after writing the ChangeCipherSpec. */
    public void startEncrypting() throws TlsException {
        writer.setProtection(protections[1]);
    }

    /** ChangeCipherSpec, then the Finished under the new keys in records of {@code recordSize} bytes. */
    public void sendFinished(Finished finished, int recordSize) throws IOException {
        writeChangeCipherSpec();
        startEncrypting();
        writeHandshake(messages.frame(finished).encoded(), recordSize);
    }

    /** A complete, correct TLS 1.2 handshake, every handshake record holding {@code recordSize} bytes at most. */
    public void handshake(int recordSize) throws IOException {
        readClientHello();
        for (HandshakeMessage m : messages.firstFlight()) {
            writeHandshake(messages.frame(m).encoded(), recordSize);
        }
        sendFinished(receiveClientFinished(), recordSize);
    }

    /** A complete, correct TLS 1.2 handshake. */
    public void handshake() throws IOException {
        handshake(Integer.MAX_VALUE);
    }

    /**
     * TLS 1.3: reads the ClientHello, sends the ServerHello and writes under the server's handshake
     * keys from then on. The client's records are read unprotected until {@link #receiveClientFinished13}:
     * a client that fails before its Finished sends its alert in plaintext.
     */
    public void serverHello13(ScriptedServer13 server13, int recordSize) throws IOException {
        server13.receiveClientHello(expectHandshake().encoded());
        reader.setVersion(ProtocolVersion.TLS13);
        writer.setVersion(ProtocolVersion.TLS13);
        writeHandshake(server13.frame(server13.serverHello()).encoded(), recordSize);
        protections = server13.handshakeProtections();
        writer.setProtection(protections[1]);
    }

    /** TLS 1.3: reads the client's Finished under its handshake keys, then both directions use application keys. */
    public void receiveClientFinished13(ScriptedServer13 server13) throws IOException {
        reader.setProtection(protections[0]);
        RecordProtection[] applicationKeys = server13.receiveClientFinished(expectHandshake().encoded());
        reader.setProtection(applicationKeys[0]);
        writer.setProtection(applicationKeys[1]);
    }

    /**
     * A complete, correct TLS 1.3 handshake played by {@code server13}, every handshake record
     * holding {@code recordSize} bytes at most; then both directions use application keys.
     */
    public void handshake13(ScriptedServer13 server13, int recordSize) throws IOException {
        serverHello13(server13, recordSize);
        writeHandshake(server13.frame(server13.encryptedExtensions()).encoded(), recordSize);
        writeHandshake(server13.frame(server13.certificate()).encoded(), recordSize);
        writeHandshake(server13.frame(server13.certificateVerify()).encoded(), recordSize);
        writeHandshake(server13.frame(server13.finished()).encoded(), recordSize);
        receiveClientFinished13(server13);
    }

    /** A TLS 1.3 KeyUpdate (update_not_requested) under the current keys, then the server's next keys. */
    public void writeKeyUpdate(ScriptedServer13 server13) throws IOException {
        writeHandshake(new KeyUpdate(false).encode(), Integer.MAX_VALUE);
        writer.setProtection(server13.nextServerProtection());
    }

    /** Reads exactly {@code length} bytes of the client's application data. */
    public byte[] readApplicationData(int length) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (received.size() < length) {
            Object m = next();
            if (m instanceof Received data) {
                received.writeBytes(data.data());
            } else if (m == null || m instanceof AlertMessage) {
                throw new AssertionError("the client stopped after " + received.size() + " of " + length
                        + " bytes: " + m);
            }
        }
        return received.toByteArray();
    }

    /** Ends the connection with a TCP reset (SO_LINGER 0), no FIN and no alert. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Ends our side with a FIN and no close_notify. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }
}
