package org.securesocket.handshake.internal;

import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.handshake.CertificateVerify;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.EncryptedExtensions;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.Tls13Certificate;
import org.securesocket.handshake.Tls13Extensions;
import org.securesocket.handshake.Tls13Extensions.KeyShareEntry;
import org.securesocket.handshake.WireReader;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.RecordProtection;

/**
 * The TLS 1.3 counterpart of {@link ScriptedServer} (TLS_AES_128_GCM_SHA256, x25519, the same
 * ECDSA P-256 identity), with the project's own codecs and key schedule (RFC 8446 section 7): it
 * builds each server message in turn and hands out each direction's keys as the handshake reaches
 * them; the caller sends, withholds or alters the messages. Messages are hashed by {@link #frame}.
 */
public class ScriptedServer13 {
    public static final CipherSuite SUITE = CipherSuite.TLS_AES_128_GCM_SHA256;

    public final ScriptedServer identity;
    private final TlsCrypto crypto;
    private final Transcript transcript = new Transcript();
    public ClientHello hello;
    public byte[] serverRandom;
    private KeyShare share;
    private Tls13KeySchedule schedule;
    private byte[] clientHandshakeSecret;
    private byte[] serverTrafficSecret;

    public ScriptedServer13(ScriptedServer identity) {
        this.identity = identity;
        this.crypto = identity.crypto;
    }

    /** Reads the ClientHello and agrees on a key with its x25519 share. */
    public void receiveClientHello(byte[] encoded) throws TlsException {
        hello = ClientHello.read(WireReader.of(new HandshakeFrame(encoded).body()));
        transcript.start(crypto.createHash(SUITE.prfHash()));
        transcript.add(encoded);
        serverRandom = crypto.random().bytes(32);
        share = crypto.generateKeyShare(NamedGroup.X25519);
        byte[] keyShares = Extension.find(hello.extensions(), ExtensionType.KEY_SHARE).orElseThrow().data();
        byte[] clientShare = Tls13Extensions.readClientKeyShares(keyShares).stream()
                .filter(e -> e.group() == NamedGroup.X25519.codepoint()).findFirst().orElseThrow().keyExchange();
        schedule = new Tls13KeySchedule(crypto, SUITE, null);
        schedule.advance(share.agree(clientShare));
    }

    public ServerHello serverHello() {
        return new ServerHello(0x0303, serverRandom, hello.sessionId(), SUITE.codepoint(), 0, List.of(
                new Extension(ExtensionType.SUPPORTED_VERSIONS.codepoint(), new byte[] {3, 4}),
                Tls13Extensions.serverKeyShare(new KeyShareEntry(NamedGroup.X25519.codepoint(), share.publicKey()))));
    }

    /** Hashes a message the server sends and returns its frame. */
    public HandshakeFrame frame(HandshakeMessage message) {
        byte[] encoded = message.encode();
        transcript.add(encoded);
        return new HandshakeFrame(encoded);
    }

    /** Once the ServerHello is hashed: the handshake traffic keys, [client write, server write]. */
    public RecordProtection[] handshakeProtections() throws TlsException {
        byte[] hash = transcript.digest();
        clientHandshakeSecret = schedule.derive("c hs traffic", hash);
        serverTrafficSecret = schedule.derive("s hs traffic", hash);
        return new RecordProtection[] {schedule.protection(clientHandshakeSecret),
            schedule.protection(serverTrafficSecret)};
    }

    public EncryptedExtensions encryptedExtensions() {
        return new EncryptedExtensions(List.of());
    }

    public Tls13Certificate certificate() {
        return new Tls13Certificate(new byte[0], List.of(new Tls13Certificate.Entry(identity.certificate, List.of())));
    }

    /** Signs the transcript so far: call once the Certificate is hashed. */
    public CertificateVerify certificateVerify() throws TlsException {
        SignatureScheme scheme = SignatureScheme.ECDSA_SECP256R1_SHA256;
        byte[] content = CertificateVerify.signedContent(true, transcript.digest());
        return new CertificateVerify(scheme.codepoint(),
                crypto.createSigner(scheme, identity.key.getPrivate().getEncoded()).sign(content));
    }

    /** The server Finished over the transcript so far: call once the CertificateVerify is hashed. */
    public Finished finished() throws TlsException {
        return new Finished(schedule.finishedMac(serverTrafficSecret, transcript.digest()));
    }

    /**
     * Once the server Finished is hashed: checks the client's Finished (an {@link AssertionError} if
     * wrong) and returns the application traffic keys, [client write, server write].
     */
    public RecordProtection[] receiveClientFinished(byte[] encoded) throws TlsException {
        byte[] serverFinishedHash = transcript.digest();
        byte[] verifyData = Finished.read(WireReader.of(new HandshakeFrame(encoded).body())).verifyData();
        if (!schedule.checkFinished(clientHandshakeSecret, serverFinishedHash, verifyData)) {
            throw new AssertionError("the client's Finished does not verify");
        }
        transcript.add(encoded);
        schedule.advance(null);
        byte[] clientTrafficSecret = schedule.derive("c ap traffic", serverFinishedHash);
        serverTrafficSecret = schedule.derive("s ap traffic", serverFinishedHash);
        return new RecordProtection[] {schedule.protection(clientTrafficSecret),
            schedule.protection(serverTrafficSecret)};
    }

    /** The server's next write keys, after it sends a KeyUpdate (section 7.2). */
    public RecordProtection nextServerProtection() throws TlsException {
        serverTrafficSecret = schedule.nextTrafficSecret(serverTrafficSecret);
        return schedule.protection(serverTrafficSecret);
    }
}
