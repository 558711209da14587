package org.securesocket.securesocket;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.ClientCredentials;
import org.securesocket.handshake.ClientExtensions;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.SessionCache;
import org.securesocket.handshake.KeyLogSink;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.TrustStore;

/**
 * How to open a {@link SecureSocket}: where to connect, the socket options, and the TLS options of
 * the original's {@code secure} dictionary. Immutable; build with {@link #builder()} or from the
 * dictionary with {@link OptionMaps#fromMap}. Defaults: TLS 1.2 minimum, verification on, the
 * policy's suites and groups, the host name as SNI and as the name the certificate must carry.
 *
 * @param trustStore   the default anchors (the certstore's TrustStore service); empty when null
 * @param certificates anchors added to {@code trustStore} for this connection (the {@code certificate} option)
 * @param serverName   the SNI and certificate name when it differs from {@code host}
 * @param keyLog       where the secrets go for debugging ({@link KeyLogFile}); {@link KeyLogSink#NONE} by default
 * @param timeout      the read timeout once connected (the connect and handshake timeout is the
 *                     policy's {@link HandshakePolicy#handshakeTimeout()}; {@link Builder#timeout} sets both)
 * @param sessions     the sessions kept for resumption (TLS 1.3 tickets, TLS 1.2 session IDs and tickets), shared
 *                     by the connections that use it; null for none
 * @param clientCredentials the certificate and key sent when a server asks for one; null to send none
 * @param extensions   max_fragment_length and status_request (OCSP stapling) to request; none by default
 */
public record SecureSocketOptions(String host, int port, boolean noDelay, boolean keepAlive, HandshakePolicy policy,
        boolean verify, TrustStore trustStore, List<Certificate> certificates, String serverName, List<String> alpn,
        Duration timeout, TraceSink trace, KeyLogSink keyLog, TlsCrypto crypto, Clock clock, SessionCache sessions,
        ClientCredentials clientCredentials, ClientExtensions extensions) {

    public SecureSocketOptions {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        Objects.requireNonNull(policy, "policy");
        certificates = List.copyOf(certificates);
        alpn = List.copyOf(alpn);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(keyLog, "keyLog");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(extensions, "extensions");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same options for another address (the name checked is still {@code serverName} when set). */
    public SecureSocketOptions withAddress(String newHost, int newPort) {
        return new SecureSocketOptions(newHost, newPort, noDelay, keepAlive, policy, verify, trustStore, certificates,
                serverName, alpn, timeout, trace, keyLog, crypto, clock, sessions, clientCredentials, extensions);
    }

    /** The name sent in SNI and checked against the certificate. */
    public String effectiveServerName() {
        return serverName != null ? serverName : host;
    }

    /** A typed builder with the defaults above. */
    public static final class Builder {
        private String host;
        private int port = 443;
        private boolean noDelay = true;
        private boolean keepAlive;
        private HandshakePolicy policy = HandshakePolicy.DEFAULT;
        private boolean verify = true;
        private TrustStore trustStore;
        private final List<Certificate> certificates = new ArrayList<>();
        private String serverName;
        private List<String> alpn = List.of();
        private Duration timeout = HandshakePolicy.DEFAULT_HANDSHAKE_TIMEOUT;
        private TraceSink trace = TraceSink.NONE;
        private KeyLogSink keyLog = KeyLogSink.NONE;
        private TlsCrypto crypto;
        private Clock clock = Clock.systemUTC();
        private SessionCache sessions;
        private ClientCredentials clientCredentials;
        private ClientExtensions extensions = ClientExtensions.NONE;

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder noDelay(boolean value) {
            noDelay = value;
            return this;
        }

        public Builder keepAlive(boolean value) {
            keepAlive = value;
            return this;
        }

        /** The policy; its handshake timeout replaces the one set so far. */
        public Builder policy(HandshakePolicy value) {
            policy = value;
            timeout = value.handshakeTimeout();
            return this;
        }

        /** The minimum version ({@code protocolVersion} of the dictionary). */
        public Builder minVersion(ProtocolVersion value) {
            policy = policy.withVersions(value, policy.maxVersion().atLeast(value) ? policy.maxVersion() : value);
            return this;
        }

        public Builder verify(boolean value) {
            verify = value;
            return this;
        }

        public Builder trustStore(TrustStore value) {
            trustStore = value;
            return this;
        }

        /** Adds anchors for this connection. */
        public Builder certificates(List<Certificate> value) {
            certificates.addAll(value);
            return this;
        }

        public Builder serverName(String value) {
            serverName = value;
            return this;
        }

        public Builder alpn(List<String> value) {
            alpn = value;
            return this;
        }

        /** The connect and handshake timeout (in the policy) and the read timeout. */
        public Builder timeout(Duration value) {
            timeout = value;
            policy = policy.withHandshakeTimeout(value);
            return this;
        }

        public Builder trace(TraceSink value) {
            trace = value;
            return this;
        }

        /** Where the secrets go: a {@link KeyLogFile} for Wireshark; never set in production. */
        public Builder keyLog(KeyLogSink value) {
            keyLog = value;
            return this;
        }

        /** The crypto provider; the JCA provider when not set. */
        public Builder crypto(TlsCrypto value) {
            crypto = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** Where sessions are kept and taken: connections sharing a cache resume each other's sessions. */
        public Builder sessions(SessionCache value) {
            sessions = value;
            return this;
        }

        /** The client certificate and key for servers that ask; {@link OptionMaps#clientCredentials} reads files. */
        public Builder clientCredentials(ClientCredentials value) {
            clientCredentials = value;
            return this;
        }

        /**
         * The max_fragment_length to request (RFC 6066 section 4): 512, 1024, 2048 or 4096 bytes of
         * content per record each way, or 0 for none ({@link ClientExtensions#maxFragmentLengthFor} rounds
         * any number the original's way). A server that acknowledges it and still sends larger records
         * fails the connection with {@code record.overflow}.
         */
        public Builder maxFragmentLength(int value) {
            extensions = extensions.withMaxFragmentLength(value);
            return this;
        }

        /**
         * Whether to ask for OCSP stapling (RFC 6066 section 8; off by default: it costs the server a
         * lookup and us the bytes, and the response is not validated yet). The response is exposed as
         * {@code session().stapledOcspResponse()}.
         */
        public Builder statusRequest(boolean value) {
            extensions = extensions.withStatusRequest(value);
            return this;
        }

        public SecureSocketOptions build() {
            return new SecureSocketOptions(host, port, noDelay, keepAlive, policy, verify, trustStore, certificates,
                    serverName, alpn, timeout, trace, keyLog, crypto, clock, sessions, clientCredentials, extensions);
        }
    }
}
