package org.securesocket.securesocket.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A loopback TCP proxy for one connection at a time that forwards bytes unchanged and notes the
 * length field of every TLS record header going each way (RFC 8446 section 5.1: type, version,
 * uint16 length), so a test can assert the record sizes seen on the wire.
 */
public final class RecordSizeProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    /** Record lengths from the server to the client, and from the client to the server. */
    public final List<Integer> fromServer = Collections.synchronizedList(new ArrayList<>());
    public final List<Integer> fromClient = Collections.synchronizedList(new ArrayList<>());

    public RecordSizeProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "record-size-proxy-" + listener.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pump(client, server, fromClient);
                pump(server, client, fromServer);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to, List<Integer> lengths) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] header = new byte[5];
                int have = 0;
                int bodyLeft = 0;
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) { // track record boundaries byte by byte
                        if (bodyLeft > 0) {
                            bodyLeft--;
                        } else {
                            header[have++] = buffer[i];
                            if (have == 5) {
                                bodyLeft = (header[3] & 0xff) << 8 | header[4] & 0xff;
                                lengths.add(bodyLeft);
                                have = 0;
                            }
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "record-size-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** The largest record seen in {@code lengths}, 0 for none. */
    public static int largest(List<Integer> lengths) {
        synchronized (lengths) {
            return lengths.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
