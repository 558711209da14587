package org.securesocket.benchmarks.compare;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The JSSE server of the bulk and idle-connection figures, run as its own JVM so that its heap,
 * threads and CPU stay out of the client's measurements. Prints {@code PORT n} (bound to loopback,
 * port 0), then serves each connection on its own thread: {@code 'U' length} reads that many bytes
 * and answers one byte; {@code 'D' length} sends that many bytes; the end of the stream closes.
 * Arguments: the certificate directory and the key ({@code ec} or {@code rsa}).
 */
public final class Server {
    static final int CHUNK = 16384;

    private Server() {
    }

    public static void main(String[] args) throws Exception {
        SSLContext context = context(Path.of(args[0]), args[1]);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1024, InetAddress.getLoopbackAddress())) {
            System.out.println("PORT " + server.getLocalPort());
            System.out.flush();
            while (true) {
                Socket socket = server.accept();
                Thread thread = new Thread(() -> serve(socket), "conn");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** The server's JSSE context with the key {@code key} ({@code ec} or {@code rsa}) of the certificate directory. */
    static SSLContext context(Path dir, String key) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(key + ".p12"))) {
            keys.load(in, Pki.PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
        factory.init(keys, Pki.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static void serve(Socket socket) {
        byte[] buffer = new byte[CHUNK];
        try (socket) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                int op = in.read();
                if (op < 0) {
                    return;
                }
                long length = in.readLong();
                if (op == 'U') {
                    for (long left = length; left > 0; ) {
                        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (n < 0) {
                            throw new EOFException();
                        }
                        left -= n;
                    }
                    out.write('K');
                    out.flush();
                } else if (op == 'D') {
                    for (long left = length; left > 0; ) {
                        int n = (int) Math.min(buffer.length, left);
                        out.write(buffer, 0, n);
                        left -= n;
                    }
                    out.flush();
                } else {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to report for a benchmark peer
        }
    }
}
