package org.securesocket.handshake.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.ClientHandshake;
import org.securesocket.handshake.RecordLayer;
import org.securesocket.record.AlertMessage;
import org.securesocket.record.ApplicationData;
import org.securesocket.record.ChangeCipherSpec;
import org.securesocket.record.ContentType;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.InboundMessage;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;
import org.securesocket.record.RecordReader;
import org.securesocket.record.RecordWriter;

/**
 * Records what a real server sends to {@link FuzzClient}: a full handshake over a socket, with the
 * real record protection, and every message received written out again, decrypted, as plaintext
 * records (version 3,3; one message per record) in the form {@link ClientHandshakeFuzzTest} reads.
 * Run by hand against {@code openssl s_server} (see the README's Fuzzing section):
 * {@code java -cp TEST_CLASSPATH org.securesocket.handshake.fuzz.ServerFlightRecorder PORT OUT_FILE}.
 */
public final class ServerFlightRecorder implements RecordLayer {
    /** After the handshake, how long to wait for post-handshake messages (TLS 1.3 tickets). */
    private static final int LINGER_MILLIS = 3000;
    private static final int MAX_FRAGMENT = 1 << 14;

    private final RecordReader reader = new RecordReader();
    private final RecordWriter writer = new RecordWriter();
    private final OutputStream toServer;
    private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

    private ServerFlightRecorder(OutputStream toServer) {
        this.toServer = toServer;
    }

    public static void main(String[] args) throws IOException, TlsException {
        try (Socket socket = new Socket("localhost", Integer.parseInt(args[0]))) {
            ServerFlightRecorder recorder = new ServerFlightRecorder(socket.getOutputStream());
            ClientHandshake handshake = FuzzClient.handshake(recorder);
            handshake.start();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 15];
            boolean closed = false;
            while (!closed) {
                if (handshake.isComplete()) {
                    socket.setSoTimeout(LINGER_MILLIS);
                }
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                ByteBuffer src = ByteBuffer.wrap(Arrays.copyOf(buffer, n));
                InboundMessage m;
                while ((m = recorder.reader.read(src)) != null) {
                    closed |= recorder.record(handshake, m);
                }
            }
            System.out.println(args[1] + ": " + handshake.session().map(Object::toString).orElse("incomplete: "
                    + handshake.expecting()));
            Files.write(Path.of(args[1]), recorder.recorded.toByteArray());
        }
    }

    /** Hands the message to the handshake and records it; true on close_notify. */
    private boolean record(ClientHandshake handshake, InboundMessage m) throws TlsException {
        if (m instanceof HandshakeFrame frame) {
            byte[] encoded = frame.encoded();
            for (int at = 0; at < encoded.length; at += MAX_FRAGMENT) {
                plaintextRecord(ContentType.HANDSHAKE, Arrays.copyOfRange(encoded, at, Math.min(encoded.length,
                        at + MAX_FRAGMENT)));
            }
            boolean wasComplete = handshake.isComplete();
            handshake.handle(frame);
            if (!wasComplete && handshake.isComplete()) {
                reader.peerFinished();
            }
        } else if (m instanceof ChangeCipherSpec) {
            plaintextRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {ChangeCipherSpec.VALUE});
            handshake.changeCipherSpec();
        } else if (m instanceof AlertMessage alert) {
            ByteBuffer content = ByteBuffer.allocate(AlertMessage.LENGTH);
            alert.write(content);
            plaintextRecord(ContentType.ALERT, content.array());
            return alert.equals(AlertMessage.CLOSE_NOTIFY);
        } else if (m instanceof ApplicationData data) {
            byte[] bytes = new byte[data.data().remaining()];
            data.data().get(bytes);
            plaintextRecord(ContentType.APPLICATION_DATA, bytes);
        }
        return false;
    }

    private void plaintextRecord(ContentType type, byte[] fragment) {
        recorded.write(type.code());
        recorded.write(3);
        recorded.write(3);
        recorded.write(fragment.length >> 8);
        recorded.write(fragment.length);
        recorded.writeBytes(fragment);
    }

    private void send(ContentType type, byte[] content) throws TlsException {
        ByteBuffer dst = ByteBuffer.allocate(writer.wireLength(type, content.length) + 64);
        writer.write(type, ByteBuffer.wrap(content), dst);
        flush(dst);
    }

    private void flush(ByteBuffer dst) throws TlsException {
        try {
            toServer.write(dst.array(), 0, dst.position());
            toServer.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the server went away", e);
        }
    }

    @Override
    public void sendHandshake(byte[] encoded) throws TlsException {
        send(ContentType.HANDSHAKE, encoded);
    }

    @Override
    public void sendChangeCipherSpec() throws TlsException {
        ByteBuffer dst = ByteBuffer.allocate(writer.wireLength(ContentType.CHANGE_CIPHER_SPEC, 1) + 64);
        writer.writeChangeCipherSpec(dst);
        flush(dst);
    }

    @Override
    public void sendAlert(AlertMessage alert) throws TlsException {
        ByteBuffer dst = ByteBuffer.allocate(writer.wireLength(ContentType.ALERT, AlertMessage.LENGTH) + 64);
        writer.writeAlert(alert, dst);
        flush(dst);
    }

    @Override
    public void setVersion(ProtocolVersion version) {
        reader.setVersion(version);
        writer.setVersion(version);
    }

    @Override
    public void setReadProtection(RecordProtection protection) throws TlsException {
        reader.setProtection(protection);
    }

    @Override
    public void setWriteProtection(RecordProtection protection) throws TlsException {
        writer.setProtection(protection);
    }
    @Override
    public void setPlaintextLimits(PlaintextLimit read, PlaintextLimit write) {
        reader.setPlaintextLimit(read);
        writer.setPlaintextLimit(write);
    }
}
