package org.securesocket.handshake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securesocket.common.TlsException;
import org.securesocket.handshake.SessionParameters;
import org.securesocket.handshake.Tls13Certificate;
import org.securesocket.handshake.WireReader;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.x509.Certificate;

class PeerCertificatesTest {

    private static Certificate rfc8448Certificate() throws TlsException {
        byte[] m = Rfc8448.message("simple.certificate");
        byte[] der = Tls13Certificate.read(WireReader.of(Arrays.copyOfRange(m, 4, m.length))).certificates().get(0);
        return Certificate.read(der);
    }

    /** Sessions with the same chain (connections to one server) share one copy of each encoding. */
    @Test
    void equalEncodingsAreSharedBetweenSessions() throws Exception {
        List<Certificate> first = PeerCertificates.of(List.of(rfc8448Certificate()));
        List<Certificate> second = PeerCertificates.of(List.of(rfc8448Certificate())); // decoded anew: other arrays
        java.lang.reflect.Field field = PeerCertificates.class.getDeclaredField("encodings");
        field.setAccessible(true);
        assertSame(((Object[]) field.get(first))[0], ((Object[]) field.get(second))[0]);
        assertEquals(first, second);
        byte[] leaked = second.get(0).encoded();
        leaked[0] ^= 1; // what a caller gets is a copy: the shared encoding is untouched
        assertArrayEquals(rfc8448Certificate().encoded(), first.get(0).encoded());
    }

    @Test
    void keepsTheEncodingsAndDecodesThemAgainOnAccess() throws TlsException {
        Certificate decoded = rfc8448Certificate();
        List<Certificate> compact = PeerCertificates.of(List.of(decoded, decoded));
        assertEquals(2, compact.size());
        assertEquals(List.of(decoded, decoded), compact, "equal by encoding");
        assertEquals(decoded.subject(), compact.get(0).subject());
        assertArrayEquals(decoded.encoded(), compact.get(1).encoded());
        assertSame(compact, PeerCertificates.of(compact), "already compact: not copied again");
        assertThrows(UnsupportedOperationException.class, () -> compact.add(decoded));
        assertThrows(IndexOutOfBoundsException.class, () -> compact.get(2));
    }

    @Test
    void sessionParametersKeepTheCompactForm() throws TlsException {
        Certificate decoded = rfc8448Certificate();
        SessionParameters session = new SessionParameters(ProtocolVersion.TLS13,
                org.securesocket.handshake.CipherSuite.TLS_AES_128_GCM_SHA256, null, null, List.of(decoded), false,
                false, PlaintextLimit.DEFAULT);
        assertEquals(PeerCertificates.class, session.peerCertificates().getClass());
        assertEquals(List.of(decoded), session.peerCertificates());
    }
}
