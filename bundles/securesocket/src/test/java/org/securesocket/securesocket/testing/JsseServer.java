package org.securesocket.securesocket.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/**
 * An in-process JSSE TLS 1.2 echo server on a loopback port: every byte received is sent back.
 * {@code alert} mode instead refuses every handshake (no common cipher suite: a fatal alert).
 */
public final class JsseServer implements AutoCloseable {
    private final SSLServerSocket server;

    public JsseServer(TestPki.Issued identity, String[] alpn, String[] onlySuites) throws Exception {
        this(identity, java.util.List.of(), alpn, onlySuites);
    }

    /** A server sending {@code identity}'s certificate followed by {@code chain}'s. */
    public JsseServer(TestPki.Issued identity, java.util.List<TestPki.Issued> chain, String[] alpn, String[] onlySuites)
            throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        X509Certificate[] certs = new X509Certificate[1 + chain.size()];
        certs[0] = identity.certificate();
        for (int i = 0; i < chain.size(); i++) {
            certs[i + 1] = chain.get(i).certificate();
        }
        ks.setKeyEntry("server", identity.key(), new char[0], certs);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, new char[0]);
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1024,
                InetAddress.getLoopbackAddress());
        SSLParameters params = server.getSSLParameters();
        params.setProtocols(new String[] {"TLSv1.2"});
        if (alpn != null) {
            params.setApplicationProtocols(alpn);
        }
        if (onlySuites != null) {
            params.setCipherSuites(onlySuites);
        }
        server.setSSLParameters(params);
        Thread accept = new Thread(this::acceptLoop, "jsse-server-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> echo(s), "jsse-echo");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] b = new byte[4096];
            int n;
            while ((n = in.read(b)) > 0) {
                out.write(b, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away, or the handshake failed as a test intends
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
