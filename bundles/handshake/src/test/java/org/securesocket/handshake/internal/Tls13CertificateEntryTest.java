package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.securesocket.handshake.internal.Rfc8448.message;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.common.Alert;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.RandomSource;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.jca.JcaTlsCrypto;
import org.securesocket.handshake.CertificateStatus;
import org.securesocket.handshake.ClientConfig;
import org.securesocket.handshake.ClientExtensions;
import org.securesocket.handshake.ClientHello;
import org.securesocket.handshake.Extension;
import org.securesocket.handshake.ExtensionCodecs;
import org.securesocket.handshake.ExtensionType;
import org.securesocket.handshake.HandshakePolicy;
import org.securesocket.handshake.Tls13Certificate;
import org.securesocket.handshake.WireReader;
import org.securesocket.handshake.WireWriter;

/** The extensions of TLS 1.3 CertificateEntries (RFC 8446 section 4.4.2): the leaf's stapled OCSP response. */
class Tls13CertificateEntryTest {
    private final JcaTlsCrypto crypto = new JcaTlsCrypto(RandomSource.deterministic(5));

    private static byte[] serverCertificate() throws TlsException {
        byte[] cert = message("simple.certificate");
        return Tls13Certificate.read(WireReader.of(Arrays.copyOfRange(cert, 4, cert.length))).certificates().get(0);
    }

    /** A context whose ClientHello offered {@code offered}; verification off (the path is not the point here). */
    private Context context(boolean statusRequest, Extension... offered) {
        ClientConfig config = new ClientConfig(HandshakePolicy.DEFAULT.withMinRsaBits(1024), "server", null, List.of(),
                false, null, null, null, null, null, new ClientExtensions(0, statusRequest));
        Context ctx = new Context(config, crypto, new Rfc8448.Recorder(), (c, l) -> { }, "entries");
        ctx.clientHello = new ClientHello(0x0303, new byte[32], new byte[0], List.of(0x1301), new byte[] {0},
                List.of(offered));
        return ctx;
    }

    private static Extension status(byte[] ocsp) {
        return new Extension(ExtensionType.STATUS_REQUEST, new WireWriter().u8(CertificateStatus.OCSP).vector24(ocsp)
                .toByteArray());
    }

    @Test
    void theLeafsStatusIsKept() throws Exception {
        Context ctx = context(true, ExtensionCodecs.statusRequest());
        byte[] ocsp = {0x30, 3, 10, 1, 0};
        new ExpectCertificate13(null).handle(ctx, new Tls13Certificate(new byte[0], List.of(
                new Tls13Certificate.Entry(serverCertificate(), List.of(status(ocsp))))));
        assertArrayEquals(ocsp, ctx.ocspResponse);
    }

    @Test
    void withoutTheExtensionNothingIsKept() throws Exception {
        Context ctx = context(true, ExtensionCodecs.statusRequest());
        new ExpectCertificate13(null).handle(ctx, new Tls13Certificate(new byte[0], List.of(
                new Tls13Certificate.Entry(serverCertificate(), List.of()))));
        assertNull(ctx.ocspResponse);
    }

    @Test
    void anEntryExtensionWeDidNotOfferIsRefused() throws Exception {
        Context ctx = context(false);
        TlsException e = assertThrows(TlsException.class, () -> new ExpectCertificate13(null).handle(ctx,
                new Tls13Certificate(new byte[0], List.of(new Tls13Certificate.Entry(serverCertificate(),
                        List.of(status(new byte[] {1})))))));
        assertEquals(ErrorCode.HANDSHAKE_ILLEGAL_PARAMETER, e.code());
        assertEquals(java.util.Optional.of(Alert.UNSUPPORTED_EXTENSION), e.alert());
    }

    @Test
    void aMalformedStatusIsADecodeError() throws Exception {
        Context ctx = context(true, ExtensionCodecs.statusRequest());
        Extension truncated = new Extension(ExtensionType.STATUS_REQUEST, new byte[] {1, 0, 0, 9, 1});
        TlsException e = assertThrows(TlsException.class, () -> new ExpectCertificate13(null).handle(ctx,
                new Tls13Certificate(new byte[0], List.of(new Tls13Certificate.Entry(serverCertificate(),
                        List.of(truncated))))));
        assertEquals(ErrorCode.HANDSHAKE_DECODE_ERROR, e.code());
    }
}
