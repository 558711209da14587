package org.securesocket.handshake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.KeyLogSink;
import org.securesocket.handshake.RecordLayer;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;

/**
 * Everything one handshake accumulates, shared by the states of the chain: the configuration and
 * providers, the transcript, and what has been negotiated so far. The states are the only writers.
 */
public final class Context {
    final ClientConfig config;
    final TlsCrypto crypto;
    final RecordLayer records;
    private final TraceSink trace;
    private final String traceId;
    final Transcript transcript = new Transcript();
    private KeyLogSink keyLog = KeyLogSink.NONE;

    /** What we offer, filtered by what the crypto provider can do. */
    final List<CipherSuite> offeredSuites = new ArrayList<>();
    final List<NamedGroup> offeredGroups = new ArrayList<>();
    final List<SignatureScheme> offeredSchemes = new ArrayList<>();

    ClientHello clientHello;
    ProtocolVersion version;
    CipherSuite suite;
    byte[] serverRandom;
    boolean extendedMasterSecret;
    String alpn;
    List<Certificate> peerCertificates = List.of();
    NamedGroup group;
    KeyShare keyShare;
    byte[] premasterSecret;
    SessionParameters session;

    public Context(ClientConfig config, TlsCrypto crypto, RecordLayer records, TraceSink trace, String traceId) {
        this.config = Objects.requireNonNull(config, "config");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.records = Objects.requireNonNull(records, "records");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.traceId = traceId;
    }

    /** The negotiated parameters, once the handshake is complete. */
    public SessionParameters session() {
        return session;
    }

    /** The version chosen by ServerHello, or null before. */
    public ProtocolVersion version() {
        return version;
    }

    public Transcript transcript() {
        return transcript;
    }

    void trace(String line) {
        trace.trace(traceId, line);
    }

    /** Where secrets go (never to the trace). */
    public void keyLog(KeyLogSink sink) {
        keyLog = Objects.requireNonNull(sink, "sink");
    }

    /** Reports a secret of this connection (named by our ClientHello's random) to the key log. */
    void logSecret(String label, byte[] secret) {
        keyLog.log(label, clientHello.random(), secret.clone());
    }

    /** Encodes, hashes and sends one of our messages. */
    void send(HandshakeMessage message) throws TlsException {
        byte[] encoded = message.encode();
        transcript.add(encoded);
        records.sendHandshake(encoded);
        trace("-> " + message.type().rfcName() + " (" + encoded.length + " bytes)");
    }
}
