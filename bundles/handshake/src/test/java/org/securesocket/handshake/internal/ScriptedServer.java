package org.securesocket.handshake.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.HashAlgorithm;
import org.securesocket.crypto.KeyShare;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.SignatureScheme;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.TranscriptHash;
import org.securesocket.handshake.CertificateMessage;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.ClientKeyExchange;
import org.securesocket.handshake.EcdheParameters;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.Finished;
import org.securesocket.handshake.HandshakeMessage;
import org.securesocket.handshake.RecordLayer;
import org.securesocket.handshake.ServerHello;
import org.securesocket.handshake.ServerHelloDone;
import org.securesocket.handshake.ServerKeyExchange;
import org.securesocket.handshake.WireReader;
import org.securesocket.record.AlertMessage;
import org.securesocket.record.HandshakeFrame;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;

/**
 * A TLS 1.2 ECDHE-ECDSA server written with the project's own codecs and crypto, for driving the
 * client's state chain message by message. Records are not protected here (the record layer is
 * tested on its own): the test sees and may alter every message. Tests override the builders.
 * Shared through this module's test-jar with the socket-level hostile server of the securesocket
 * module, which feeds it what it reads from the wire and protects what it writes.
 */
public class ScriptedServer implements RecordLayer {
    public final TlsCrypto crypto;
    public final KeyPair key;
    public final byte[] certificate;
    public final List<byte[]> fromClient = new ArrayList<>();
    public final List<AlertMessage> alertsFromClient = new ArrayList<>();
    /** Every message framed for the client, encoded, in order. */
    final List<byte[]> toClient = new ArrayList<>();
    public int changeCipherSpecsFromClient;
    /** The limits the client set on its record layer, or null. */
    PlaintextLimit clientReadLimit;
    PlaintextLimit clientWriteLimit;
    public TranscriptHash transcript;
    public ClientHello hello;
    public byte[] serverRandom;
    public KeyShare share;
    public CipherSuite suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    /** Whether the ServerHello agrees to the extended master secret (RFC 7627). */
    boolean extendedMasterSecret = true;
    /** The secrets of the last full handshake, once the client's ClientKeyExchange is read. */
    public Tls12KeySchedule keys;
    /** The ClientKeyExchange {@link #keys} were derived from. */
    private byte[] keyExchangeRead;

    public ScriptedServer(TlsCrypto crypto) throws Exception {
        this.crypto = crypto;
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        key = g.generateKeyPair();
        certificate = new JcaX509v3CertificateBuilder(new X500Name("CN=localhost"), BigInteger.ONE,
                new Date(System.currentTimeMillis() - 86_400_000L), new Date(System.currentTimeMillis() + 86_400_000L),
                new X500Name("CN=localhost"), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())).getEncoded();
    }

    // RecordLayer: what the client sends
    @Override
    public void sendHandshake(byte[] encoded) {
        fromClient.add(encoded);
    }

    @Override
    public void sendChangeCipherSpec() {
        changeCipherSpecsFromClient++;
    }

    @Override
    public void sendAlert(AlertMessage alert) {
        alertsFromClient.add(alert);
    }

    @Override
    public void setVersion(ProtocolVersion version) {
    }

    @Override
    public void setPlaintextLimits(PlaintextLimit read, PlaintextLimit write) {
        clientReadLimit = read;
        clientWriteLimit = write;
    }

    @Override
    public void setReadProtection(RecordProtection protection) {
    }

    @Override
    public void setWriteProtection(RecordProtection protection) {
    }

    /** Reads the ClientHello the client sent. */
    public void receiveClientHello() throws TlsException {
        byte[] encoded = fromClient.get(0);
        hello = ClientHello.read(WireReader.of(new HandshakeFrame(encoded).body()));
        transcript = crypto.createHash(HashAlgorithm.SHA256);
        transcript.update(encoded);
        serverRandom = crypto.random().bytes(32);
    }

    public List<Extension> serverHelloExtensions() {
        List<Extension> extensions = new ArrayList<>(List.of(ExtensionCodecs.renegotiationInfo(new byte[0])));
        if (extendedMasterSecret) {
            extensions.add(ExtensionCodecs.empty(ExtensionType.EXTENDED_MASTER_SECRET));
        }
        return extensions;
    }

    public ServerHello serverHello() {
        return new ServerHello(0x0303, serverRandom, new byte[0], suite.codepoint(), 0, serverHelloExtensions());
    }

    public CertificateMessage certificateMessage() {
        return new CertificateMessage(List.of(certificate));
    }

    public NamedGroup group() {
        return NamedGroup.X25519;
    }

    public SignatureScheme scheme() {
        return SignatureScheme.ECDSA_SECP256R1_SHA256;
    }

    public ServerKeyExchange serverKeyExchange() throws TlsException {
        share = crypto.generateKeyShare(group());
        EcdheParameters unsigned = new EcdheParameters(group().codepoint(), share.publicKey(), 0, new byte[0]);
        byte[] signed = Tls12KeySchedule.concat(Tls12KeySchedule.concat(hello.random(), serverRandom), unsigned.params());
        byte[] signature = crypto.createSigner(scheme(), key.getPrivate().getEncoded()).sign(signed);
        return new ServerKeyExchange(new EcdheParameters(group().codepoint(), share.publicKey(),
                scheme().codepoint(), signature).encode());
    }

    /** The server's first flight, in order. */
    public List<HandshakeMessage> firstFlight() throws TlsException {
        return List.of(serverHello(), certificateMessage(), serverKeyExchange(), new ServerHelloDone());
    }

    /** Hashes a message the server sends and returns its frame. */
    public HandshakeFrame frame(HandshakeMessage message) {
        byte[] encoded = message.encode();
        transcript.update(encoded);
        toClient.add(encoded);
        return new HandshakeFrame(encoded);
    }

    /** Reads the client's ClientKeyExchange, the last message received so far, and derives {@link #keys}. */
    public Tls12KeySchedule receiveClientKeyExchange() throws TlsException {
        return deriveKeys(fromClient.get(fromClient.size() - 1));
    }

    private Tls12KeySchedule deriveKeys(byte[] cke) throws TlsException {
        transcript.update(cke);
        byte[] sessionHash = extendedMasterSecret ? transcript.currentDigest() : null;
        byte[] pms = share.agree(ClientKeyExchange.read(WireReader.of(new HandshakeFrame(cke).body()),
                ClientKeyExchange.Form.ECDH_POINT).exchangeKeys());
        keys = Tls12KeySchedule.derive(crypto, ProtocolVersion.TLS12, suite, pms, sessionHash, hello.random(),
                serverRandom);
        keyExchangeRead = cke;
        return keys;
    }

    /**
     * Reads the client's ClientKeyExchange (unless {@link #receiveClientKeyExchange} did) and Finished,
     * checking the latter, and returns the server Finished to send.
     */
    public Finished answerClientFinished() throws TlsException {
        byte[] cke = fromClient.get(fromClient.size() - 2);
        byte[] fin = fromClient.get(fromClient.size() - 1);
        if (cke != keyExchangeRead) {
            deriveKeys(cke);
        }
        byte[] clientVerify = Finished.read(WireReader.of(new HandshakeFrame(fin).body())).verifyData();
        if (!keys.checkVerifyData("client finished", transcript.currentDigest(), clientVerify)) {
            throw new AssertionError("the client's Finished does not verify");
        }
        transcript.update(fin);
        return new Finished(keys.verifyData("server finished", transcript.currentDigest()));
    }
}
