package org.securesocket.benchmarks.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.bc.BcTlsCrypto;
import org.securesocket.crypto.compose.ComposedTlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.SessionCache;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.securesocket.SecureSocket;
import org.securesocket.securesocket.SecureSocketOptions;
import org.securesocket.securesocket.TlsConnection;
import org.securesocket.x509.InMemoryTrustStore;
import org.securesocket.x509.ValidationPolicy;
import org.securesocket.x509.X509PathValidator;

/**
 * The three clients compared: ours ({@link SecureSocket} with the composed crypto provider, JCA for
 * the AEADs and BouncyCastle's lightweight API for the elliptic curves, as the OSGi feature
 * composes them), the JDK's {@code SSLSocket} (SunJSSE) and BouncyCastle's JSSE provider (BCJSSE
 * over the BC provider). Each checks the certificate chain and the host name. One instance per JVM
 * and purpose: it holds the client's session cache.
 */
abstract class Stack {
    static final List<String> NAMES = List.of("ours", "jsse", "bcjsse");
    /** BCJSSE logs its reading of the JDK's security properties at INFO and WARNING: kept quiet here. */
    private static Logger bcLog;

    abstract String name();

    /** Connects over TCP and completes the handshake. */
    final Conn open(Target target) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(Target.HOST, target.port()));
        return wrap(socket, target);
    }

    /** Completes the handshake over a connected socket (closed on failure). */
    abstract Conn wrap(Socket socket, Target target) throws IOException;

    /** The client's own TLS engine for {@code target}, not started, to drive in memory ({@link EngineBulk}). */
    abstract Engine engine(Target target) throws IOException;

    static Stack create(String name, Pki pki) throws IOException, GeneralSecurityException {
        return switch (name) {
            case "ours" -> new Ours(pki);
            case "jsse" -> new Jsse(name, pki, null);
            case "bcjsse" -> {
                bcLog = Logger.getLogger("org.bouncycastle.jsse"); // only here: java.util.logging costs start-up time
                bcLog.setLevel(Level.SEVERE);
                yield new Jsse(name, pki, new BouncyCastleJsseProvider(new BouncyCastleProvider()));
            }
            default -> throw new IllegalArgumentException("no client " + name);
        };
    }

    /** Our client: what an application using the composed provider (JCA + crypto-bc) configures. */
    static TlsCrypto composedCrypto() {
        return new ComposedTlsCrypto(List.of(new JcaTlsCrypto(), new BcTlsCrypto()));
    }

    private static final class Ours extends Stack {
        private final SecureSocketOptions base;
        private final SessionCache sessions = new SessionCache(Clock.systemUTC(), 2);
        private final Map<Target, SecureSocketOptions> perTarget = new HashMap<>();

        Ours(Pki pki) throws IOException {
            base = SecureSocketOptions.builder().host(Target.HOST).serverName(Target.SERVER_NAME)
                    .certificates(pki.anchors()).crypto(composedCrypto()).build();
        }

        @Override
        String name() {
            return "ours";
        }

        private SecureSocketOptions options(Target target) {
            ProtocolVersion version = "TLSv1.2".equals(target.version()) ? ProtocolVersion.TLS12 : ProtocolVersion.TLS13;
            HandshakePolicy policy = base.policy().withVersions(version, version)
                    .withCipherSuites(List.of(CipherSuite.valueOf(target.suite())));
            SecureSocketOptions.Builder options = SecureSocketOptions.builder().host(Target.HOST).port(target.port())
                    .serverName(Target.SERVER_NAME).certificates(base.certificates()).crypto(base.crypto())
                    .policy(policy);
            if (target.resume()) {
                options.sessions(sessions);
            }
            if (target.maxFragmentLength() > 0) {
                options.maxFragmentLength(target.maxFragmentLength());
            }
            return options.build();
        }

        @Override
        Engine engine(Target target) {
            SecureSocketOptions options = options(target);
            ClientConfig config = new ClientConfig(options.policy(), Target.SERVER_NAME, Target.SERVER_NAME, List.of(),
                    true, new InMemoryTrustStore(options.certificates()),
                    new X509PathValidator(options.crypto(), ValidationPolicy.STRICT, options.clock()));
            return new Engine.Ours(new TlsConnection(config, options.crypto(), TraceSink.NONE, "memory"));
        }

        @Override
        Conn wrap(Socket socket, Target target) throws IOException {
            SecureSocket secure = SecureSocket.wrap(socket, perTarget.computeIfAbsent(target, this::options));
            return new Conn() {
                @Override
                public InputStream in() {
                    return secure.getInputStream();
                }

                @Override
                public OutputStream out() {
                    return secure.getOutputStream();
                }

                @Override
                public boolean resumed() {
                    return secure.resumed();
                }

                @Override
                public int fragmentLimit() {
                    return secure.fragmentLimit().contentLimit();
                }

                @Override
                public void forgetSession() {
                    // without a SessionCache nothing is kept
                }

                @Override
                public void close() throws IOException {
                    secure.close();
                }
            };
        }
    }

    /** SunJSSE ({@code provider} null) or BCJSSE: the same javax.net.ssl code path. */
    private static final class Jsse extends Stack {
        private final String name;
        private final SSLContext context;

        Jsse(String name, Pki pki, Provider provider) throws IOException, GeneralSecurityException {
            this.name = name;
            TrustManagerFactory trust = provider == null ? TrustManagerFactory.getInstance("PKIX")
                    : TrustManagerFactory.getInstance("PKIX", provider);
            trust.init(pki.trustStore());
            context = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
            context.init(null, trust.getTrustManagers(), null);
        }

        @Override
        String name() {
            return name;
        }

        @Override
        Engine engine(Target target) {
            SSLEngine engine = context.createSSLEngine(Target.SERVER_NAME, target.port());
            engine.setUseClientMode(true);
            engine.setSSLParameters(parameters(engine.getSSLParameters(), target));
            return new Engine.Ssl(engine);
        }

        private static SSLParameters parameters(SSLParameters parameters, Target target) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(new String[] {target.version()});
            parameters.setCipherSuites(new String[] {target.suite()});
            return parameters;
        }

        @Override
        Conn wrap(Socket socket, Target target) throws IOException {
            if (target.maxFragmentLength() > 0) {
                throw new IllegalArgumentException("max_fragment_length is only measured for our client");
            }
            SSLSocket ssl;
            long started = System.currentTimeMillis();
            try {
                ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, Target.SERVER_NAME, target.port(), true);
                ssl.setSSLParameters(parameters(ssl.getSSLParameters(), target));
                ssl.startHandshake();
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
            SSLSession session = ssl.getSession();
            // a resumed session was created before this connection started
            boolean resumed = session.getCreationTime() < started;
            return new Conn() {
                @Override
                public InputStream in() throws IOException {
                    return ssl.getInputStream();
                }

                @Override
                public OutputStream out() throws IOException {
                    return ssl.getOutputStream();
                }

                @Override
                public boolean resumed() {
                    return resumed;
                }

                @Override
                public int fragmentLimit() {
                    return 1 << 14; // not asked for a smaller one
                }

                @Override
                public void forgetSession() {
                    session.invalidate();
                }

                @Override
                public void close() throws IOException {
                    ssl.close();
                }
            };
        }
    }
}
