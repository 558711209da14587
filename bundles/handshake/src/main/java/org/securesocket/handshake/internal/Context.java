package org.securesocket.handshake.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.common.TraceSink;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.handshake.CertificateVerify;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.HelloRequest;
import org.securesocket.handshake.KeyUpdate;
import org.securesocket.handshake.KeyLogSink;
import org.securesocket.handshake.NewSessionTicket;
import org.securesocket.handshake.RecordLayer;
import org.securesocket.handshake.SessionCache;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.PlaintextLimit;
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
    final ArrayList<CipherSuite> offeredSuites = new ArrayList<>();
    final ArrayList<NamedGroup> offeredGroups = new ArrayList<>();
    final ArrayList<SignatureScheme> offeredSchemes = new ArrayList<>();

    ClientHello clientHello;
    ProtocolVersion version;
    CipherSuite suite;
    byte[] serverRandom;
    boolean extendedMasterSecret;
    String alpn;
    List<Certificate> peerCertificates = List.of();
    NamedGroup group;
    byte[] premasterSecret;
    /** Our ClientKeyExchange, prepared by the key exchange (TLS 1.0 to 1.2). */
    ClientKeyExchange clientKeyExchange;
    /** Whether the server agreed to encrypt_then_mac (RFC 7366). */
    boolean encryptThenMac;
    SessionParameters session;

    // TLS 1.3 (RFC 8446): the shares sent, what a HelloRetryRequest asked for, the key schedule.
    Map<NamedGroup, KeyShare> keyShares = new LinkedHashMap<>();
    final ArrayList<ProtocolVersion> offeredVersions = new ArrayList<>();
    CipherSuite retrySuite;
    NamedGroup retryGroup;
    Tls13KeySchedule schedule;
    byte[] clientHandshakeSecret;
    byte[] serverHandshakeSecret;
    byte[] clientTrafficSecret;
    byte[] serverTrafficSecret;
    byte[] resumptionMasterSecret;
    boolean compatibilityCcsSent;
    SessionCache.Ticket pskOffered;
    boolean pskAccepted;
    PlaintextLimit plaintextLimit = PlaintextLimit.DEFAULT;
    /** A TLS 1.2 server echoed status_request: a CertificateStatus may follow its Certificate (RFC 6066 section 8). */
    boolean statusRequestAnswered;
    /** The stapled OCSP response, or null. */
    byte[] ocspResponse;

    // TLS 1.2 resumption (Tls12Resumption): the session offered or kept, the server's answer
    SessionCache.Tls12Session tls12Session;
    byte[] serverSessionId;
    boolean ticketPromised;
    NewSessionTicket tls12Ticket;
    boolean resumed;

    public Context(ClientConfig config, TlsCrypto crypto, RecordLayer records, TraceSink trace, String traceId) {
        this.config = Objects.requireNonNull(config, "config");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.records = Objects.requireNonNull(records, "records");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.traceId = traceId;
        if (config.clientCredentials() != null) {
            transcript.retainMessages(); // for a TLS 1.0-1.2 CertificateVerify
        }
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

    /**
     * Decodes one received frame, adds it to the transcript and hands it to the state. Finished and
     * CertificateVerify are hashed by their states after checking them; post-handshake messages are
     * never hashed (RFC 8446 section 4.4.1); a HelloRequest during a handshake is ignored (RFC 5246
     * section 7.4.1.1).
     */
    public ClientState receive(ClientState state, HandshakeFrame frame) throws TlsException {
        HandshakeMessage message = HandshakeMessage.read(frame, version);
        if (message instanceof HelloRequest && !state.isConnected()) {
            return state;
        }
        if (!(message instanceof Finished) && !(message instanceof CertificateVerify)
                && !(message instanceof HelloRequest) && !state.isConnected()) {
            transcript.add(frame.encoded());
        }
        return state.handle(this, message);
    }

    /**
     * Drops what only the handshake needed once it is complete, so that an idle connection keeps
     * little: the transcript, the hellos, the key shares, the offers, the handshake secrets. Kept:
     * the configuration and providers, what {@link #session} exposes, the TLS 1.3 key schedule with
     * the application traffic and resumption secrets (KeyUpdate, NewSessionTicket) and the TLS 1.2
     * session ({@link #forgetSession}).
     */
    public void handshakeComplete() {
        if (session != null) {
            peerCertificates = session.peerCertificates(); // the compact copy, not the decoded chain
        }
        transcript.release();
        // emptied and trimmed: an idle connection keeps no backing arrays or hash table
        for (ArrayList<?> offered : List.of(offeredSuites, offeredGroups, offeredSchemes, offeredVersions)) {
            offered.clear();
            offered.trimToSize();
        }
        keyShares = new LinkedHashMap<>();
        clientHello = null;
        serverRandom = null;
        clientKeyExchange = null;
        retrySuite = null;
        retryGroup = null;
        pskOffered = null;
        tls12Ticket = null;
        serverSessionId = null;
        ocspResponse = null; // the session keeps its own copy
        premasterSecret = wipe(premasterSecret);
        clientHandshakeSecret = wipe(clientHandshakeSecret);
        serverHandshakeSecret = wipe(serverHandshakeSecret);
    }

    private static byte[] wipe(byte[] secret) {
        if (secret != null) {
            java.util.Arrays.fill(secret, (byte) 0);
        }
        return null;
    }

    /** A fatal alert ends this connection: its TLS 1.2 session is no longer resumed (RFC 5246 section 7.2.2). */
    public void forgetSession() {
        Tls12Resumption.invalidate(this);
    }

    /** Where secrets go (never to the trace). */
    public void keyLog(KeyLogSink sink) {
        keyLog = Objects.requireNonNull(sink, "sink");
    }

    /** Reports a secret of this connection (named by our ClientHello's random) to the key log. */
    void logSecret(String label, byte[] secret) {
        keyLog.log(label, clientHello.random(), secret.clone());
    }

    /** The server's ALPN choice: exactly one protocol, one we offered (RFC 7301 section 3.1). */
    void acceptAlpn(byte[] data) throws TlsException {
        List<String> names = ExtensionCodecs.readAlpn(data);
        if (names.size() != 1 || !config.alpn().contains(names.get(0))) {
            throw new TlsException(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, "the server selected the ALPN protocols "
                    + names + "; exactly one of " + config.alpn() + " is allowed (RFC 7301 section 3.1)");
        }
        alpn = names.get(0);
    }

    /** Encodes, hashes and sends one of our messages. */
    void send(HandshakeMessage message) throws TlsException {
        byte[] encoded = message.encode();
        transcript.add(encoded);
        records.sendHandshake(encoded);
        trace("-> " + message.type().rfcName() + " (" + encoded.length + " bytes)");
    }

    /** Whether TLS 1.3 was offered. */
    boolean offersTls13() {
        return offeredVersions.contains(ProtocolVersion.TLS13);
    }

    /** The middlebox-compatibility ChangeCipherSpec, sent once before our first encrypted or second hello (D.4). */
    void sendCompatibilityCcs() throws TlsException {
        if (!compatibilityCcsSent && clientHello.sessionId().length != 0) {
            records.sendChangeCipherSpec();
            compatibilityCcsSent = true;
        }
    }

    /** Sends a KeyUpdate (not hashed: it follows the handshake) and moves to the next write keys (7.2). */
    public void updateWriteKeys(boolean requestPeerUpdate) throws TlsException {
        records.sendHandshake(new KeyUpdate(requestPeerUpdate).encode());
        clientTrafficSecret = schedule.nextTrafficSecret(clientTrafficSecret);
        records.setWriteProtection(schedule.protection(clientTrafficSecret));
        trace("-> key_update" + (requestPeerUpdate ? " (update_requested)" : "") + ": new write keys");
    }
}
