package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.securesocket.handshake.internal.Rfc8448.frame;
import static org.securesocket.handshake.internal.Rfc8448.hex;
import static org.securesocket.handshake.internal.Rfc8448.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.NamedGroup;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CipherSuite;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.EncryptedExtensions;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.SessionCache;
import org.securesocket.handshake.Tls13Certificate;
import org.securesocket.handshake.Tls13Extensions;
import org.securesocket.handshake.Tls13NewSessionTicket;
import org.securesocket.handshake.WireReader;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.InMemoryTrustStore;

/**
 * The RFC 8448 traces replayed through the client's state chain: the RFC's ClientHello and key
 * share are injected (ours differ in extensions and order), every server message is fed as
 * printed, and each secret, the binder, the server Finished check and our Finished are compared
 * with the RFC. The RFC's server certificate is a self-signed RSA-1024 one: validation is a
 * pinned-certificate check and the policy's RSA minimum is lowered to 1024 for these tests only.
 */
class Rfc8448HandshakeTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final HandshakePolicy TLS13_ONLY = HandshakePolicy.DEFAULT
            .withVersions(ProtocolVersion.TLS13, ProtocolVersion.TLS13).withMinRsaBits(1024);

    private final Rfc8448.Recorder records = new Rfc8448.Recorder();
    private final SessionCache cache = new SessionCache(Clock.fixed(NOW, ZoneOffset.UTC), 4);

    private Context context() throws TlsException {
        byte[] rsaCertificate = Tls13Certificate.read(body("simple.certificate")).certificates().get(0);
        ClientConfig config = new ClientConfig(TLS13_ONLY, "server", null, List.of(), true,
                new InMemoryTrustStore(List.of()), Rfc8448.pinned(rsaCertificate), cache, null);
        Context ctx = new Context(config, new JcaTlsCrypto(), records, (c, line) -> { }, "rfc8448");
        ExpectServerHello.offer(ctx);
        return ctx;
    }

    private static WireReader body(String name) {
        byte[] m = message(name);
        return WireReader.of(Arrays.copyOfRange(m, 4, m.length));
    }

    /** Injects a ClientHello of the trace as if we had sent it. */
    private static void inject(Context ctx, byte[] encodedHello) throws TlsException {
        ctx.clientHello = ClientHello.read(WireReader.of(Arrays.copyOfRange(encodedHello, 4, encodedHello.length)));
        assertArrayEquals(encodedHello, ctx.clientHello.encode(), "the hello re-encodes byte for byte");
        ctx.transcript.add(encodedHello);
    }

    private ClientState simpleUpToServerFinished(Context ctx) throws TlsException {
        inject(ctx, message("simple.client_hello"));
        ctx.keyShares.put(NamedGroup.X25519, Rfc8448.x25519(
                "49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005",
                "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c"));
        ClientState state = ctx.receive(new ExpectServerHello(), frame("simple.server_hello"));
        assertEquals("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac", hex(ctx.schedule.secret()));
        assertEquals("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21",
                hex(ctx.clientHandshakeSecret));
        assertEquals("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38",
                hex(ctx.serverHandshakeSecret));
        assertEquals(ProtocolVersion.TLS13, records.version);
        assertEquals(1, records.readKeyChanges, "reads under the server's handshake keys");
        state = ctx.receive(state, frame("simple.encrypted_extensions"));
        state = ctx.receive(state, frame("simple.certificate"));
        return ctx.receive(state, frame("simple.certificate_verify"));
    }

    @Test
    void simple1Rtt() throws TlsException {
        Context ctx = context();
        ClientState state = ctx.receive(simpleUpToServerFinished(ctx), frame("simple.server_finished"));

        assertTrue(state.isConnected());
        assertEquals("18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919", hex(ctx.schedule.secret()));
        assertEquals("9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5", hex(ctx.clientTrafficSecret));
        assertEquals("a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643", hex(ctx.serverTrafficSecret));
        assertEquals("7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c",
                hex(ctx.resumptionMasterSecret));
        assertEquals(1, records.sent.size(), "our flight is the Finished alone");
        assertArrayEquals(message("simple.client_finished"), records.sent.get(0));
        assertEquals(0, records.changeCipherSpecs, "the RFC's hello has no legacy_session_id: no compatibility CCS");
        assertEquals(2, records.readKeyChanges);
        assertEquals(2, records.writeKeyChanges, "handshake keys for the Finished, then application keys");
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, ctx.session().cipherSuite());
        assertEquals(ProtocolVersion.TLS13, ctx.session().version());
        assertFalse(ctx.session().resumed());

        ctx.receive(state, frame("simple.new_session_ticket"));
        SessionCache.Ticket ticket = cache.take("server").orElseThrow();
        assertEquals("4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3", hex(ticket.psk()));
        assertEquals(0xfad6aac5L, ticket.ageAdd());
        assertEquals(Duration.ofSeconds(30), ticket.lifetime());
    }

    @Test
    void alteredServerFinishedIsRefused() throws TlsException {
        Context ctx = context();
        ClientState state = simpleUpToServerFinished(ctx);
        byte[] finished = message("simple.server_finished");
        finished[10] ^= 1;
        TlsException e = assertThrows(TlsException.class, () -> ctx.receive(state,
                new org.securesocket.record.HandshakeFrame(finished)));
        assertEquals(ErrorCode.HANDSHAKE_BAD_FINISHED, e.code());
        assertTrue(records.sent.isEmpty(), "nothing is sent after a bad Finished");
    }

    @Test
    void alteredCertificateVerifyIsRefused() throws TlsException {
        Context ctx = context();
        inject(ctx, message("simple.client_hello"));
        ctx.keyShares.put(NamedGroup.X25519, Rfc8448.x25519(
                "49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005",
                "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c"));
        ClientState state = ctx.receive(new ExpectServerHello(), frame("simple.server_hello"));
        state = ctx.receive(state, frame("simple.encrypted_extensions"));
        ClientState certified = ctx.receive(state, frame("simple.certificate"));
        byte[] verify = message("simple.certificate_verify");
        verify[verify.length - 1] ^= 1;
        TlsException e = assertThrows(TlsException.class, () -> ctx.receive(certified,
                new org.securesocket.record.HandshakeFrame(verify)));
        assertEquals(ErrorCode.HANDSHAKE_BAD_SIGNATURE, e.code());
    }

    /** RFC 8448 section 4: the binder, and the resumed handshake up to the application secrets (no early data). */
    @Test
    void resumption() throws TlsException {
        Context ctx = context();
        byte[] rfcHello = concat(message("resumed.client_hello_prefix"), message("resumed.binders"));
        ClientHello full = ClientHello.read(WireReader.of(Arrays.copyOfRange(rfcHello, 4, rfcHello.length)));
        List<Extension> withoutPsk = new ArrayList<>(full.extensions());
        withoutPsk.remove(withoutPsk.size() - 1);
        ClientHello unbound = new ClientHello(full.legacyVersion(), full.random(), full.sessionId(),
                full.cipherSuites(), full.compressionMethods(), withoutPsk);
        byte[] ticket = Tls13NewSessionTicket.read(body("simple.new_session_ticket")).ticket();
        byte[] psk = hex("4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3");
        ClientHello bound = PskOffer.withBinder(ctx, unbound, new Tls13Extensions.PskIdentity(ticket, 0xfad6aacbL),
                psk, CipherSuite.TLS_AES_128_GCM_SHA256);
        assertArrayEquals(rfcHello, bound.encode(), "our pre_shared_key and binder are the RFC's, byte for byte");

        ctx.clientHello = bound;
        ctx.transcript.add(rfcHello);
        ctx.pskOffered = new SessionCache.Ticket(ticket, psk, CipherSuite.TLS_AES_128_GCM_SHA256, 0xfad6aac5L, NOW,
                Duration.ofSeconds(30), null, List.of());
        ctx.keyShares.put(NamedGroup.X25519, Rfc8448.x25519(
                "bff91188283846dd6a2134ef7180ca2b0b14fb10dce707b5098c0dddc813b2df",
                "e4ffb68ac05f8d96c99da26698346c6be16482badddafe051a66b4f18d668f0b"));
        ClientState state = ctx.receive(new ExpectServerHello(), frame("resumed.server_hello"));
        assertTrue(ctx.pskAccepted);
        assertEquals("005cb112fd8eb4ccc623bb88a07c64b3ede1605363fc7d0df8c7ce4ff0fb4ae6", hex(ctx.schedule.secret()));
        assertEquals("2faac08f851d35fea3604fcb4de82dc62c9b164a70974d0462e27f1ab278700f",
                hex(ctx.clientHandshakeSecret));
        assertEquals("fe927ae271312e8bf0275b581c54eef020450dc4ecffaa05a1a35d27518e7803",
                hex(ctx.serverHandshakeSecret));

        // The RFC's server accepts early data, which this client never sends: the real chain refuses that,
        EncryptedExtensions ee = EncryptedExtensions.read(body("resumed.encrypted_extensions"));
        TlsException e = assertThrows(TlsException.class, () -> new ExpectEncryptedExtensions().handle(ctx, ee));
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
        // so the trace continues past it by hand: hashed, then the Finished a resumption expects next.
        ctx.transcript.add(message("resumed.encrypted_extensions"));
        state = ctx.receive(new ExpectFinished13(), frame("resumed.server_finished"));
        assertTrue(state.isConnected());
        assertTrue(ctx.session().resumed());
        assertEquals("e2d32d4ed66dd37897a0e80c84107503ce58bf8aad4cb55a5002d77ecb890ece", hex(ctx.schedule.secret()));
        assertEquals("2abbf2b8e381d23dbebe1dd2a7d16a8bf484cb4950d23fb7fb7fa8547062d9a1", hex(ctx.clientTrafficSecret));
        assertEquals("cc21f1bf8feb7dd5fa505bd9c4b468a9984d554a993dc49e6d285598fb672691", hex(ctx.serverTrafficSecret));
    }

    /** RFC 8448 section 5: our answer to the RFC's HelloRetryRequest, and the message_hash transcript rule. */
    @Test
    void helloRetryRequest() throws TlsException {
        Context ctx = context();
        byte[] ch1 = message("hrr.client_hello_1");
        inject(ctx, ch1);
        ctx.keyShares.put(NamedGroup.X25519, ctx.crypto.generateKeyShare(NamedGroup.X25519));
        ClientState state = ctx.receive(new ExpectServerHello(), frame("hrr.hello_retry_request"));

        assertEquals(1, records.sent.size(), "ClientHello2 is sent");
        byte[] ours = records.sent.get(0);
        ClientHello ch2 = ClientHello.read(WireReader.of(Arrays.copyOfRange(ours, 4, ours.length)));
        ClientHello first = ClientHello.read(WireReader.of(Arrays.copyOfRange(ch1, 4, ch1.length)));
        assertArrayEquals(first.random(), ch2.random());
        List<Tls13Extensions.KeyShareEntry> shares = Tls13Extensions.readClientKeyShares(
                Extension.find(ch2.extensions(), ExtensionType.KEY_SHARE).orElseThrow().data());
        assertEquals(1, shares.size());
        assertEquals(NamedGroup.SECP256R1.codepoint(), shares.get(0).group());
        assertEquals(65, shares.get(0).keyExchange().length);
        byte[] rfcCh2 = message("hrr.client_hello_2");
        ClientHello theirs = ClientHello.read(WireReader.of(Arrays.copyOfRange(rfcCh2, 4, rfcCh2.length)));
        assertArrayEquals(Extension.find(theirs.extensions(), ExtensionType.COOKIE).orElseThrow().data(),
                Extension.find(ch2.extensions(), ExtensionType.COOKIE).orElseThrow().data(), "the cookie is echoed");

        // A second HelloRetryRequest ends the handshake.
        TlsException e = assertThrows(TlsException.class, () -> ctx.receive(state, frame("hrr.hello_retry_request")));
        assertEquals(ErrorCode.HANDSHAKE_UNEXPECTED_MESSAGE, e.code());

        // The message_hash rule (RFC 8446 section 4.4.1) reproduces the RFC's hash at ServerHello.
        Transcript transcript = new Transcript();
        transcript.add(ch1);
        transcript.add(message("hrr.hello_retry_request"));
        transcript.startAfterHelloRetry(ctx.crypto.createHash(org.securesocket.crypto.HashAlgorithm.SHA256),
                ch1.length);
        transcript.add(rfcCh2);
        transcript.add(message("hrr.server_hello"));
        assertEquals("8aa8e828ec2f8a884fec95a3139de01c15a3daa7ff5bfc3f4bfcc21b438d7bf8", hex(transcript.digest()));
    }

    @Test
    void helloRetryRequestForAShareAlreadySentIsRefused() throws TlsException {
        Context ctx = context();
        inject(ctx, message("hrr.client_hello_1"));
        ctx.keyShares.put(NamedGroup.X25519, ctx.crypto.generateKeyShare(NamedGroup.X25519));
        String hrr = hex(message("hrr.hello_retry_request")).replace("003300020017", "00330002001d");
        TlsException e = assertThrows(TlsException.class, () -> ctx.receive(new ExpectServerHello(),
                new org.securesocket.record.HandshakeFrame(hex(hrr))));
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("already sent"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
