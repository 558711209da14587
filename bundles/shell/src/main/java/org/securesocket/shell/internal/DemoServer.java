package org.securesocket.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/** The demo's peer: the JDK's own TLS server (JSSE) on a loopback port, echoing what it receives. */
final class DemoServer implements AutoCloseable {
    private final SSLServerSocket server;

    /** Serves {@code identity} with its issuer's certificate after it, TLS 1.3 and 1.2. */
    DemoServer(DemoPki.Issued identity, DemoPki.Issued issuer) throws GeneralSecurityException, IOException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", identity.key(), new char[0],
                new X509Certificate[] {identity.certificate(), issuer.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        SSLParameters params = server.getSSLParameters();
        params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        server.setSSLParameters(params);
        Thread accept = new Thread(this::acceptLoop, "demo-server-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> echo(s), "demo-echo");
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
            // the client went away, or refused our certificate (the demo's last step)
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
