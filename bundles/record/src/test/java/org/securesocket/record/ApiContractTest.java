package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.HashAlgorithm;

/** Programming errors of the caller are reported at once, as unchecked exceptions. */
class ApiContractTest {

    @Test
    void aProtectionServesOneDirectionOnly() throws TlsException {
        RecordProtection p = RecordProtection.tls13(Mode.CRYPTO, AeadAlgorithm.AES_128_GCM, new byte[16], new byte[12]);
        new RecordWriter().setProtection(p);
        assertThrows(IllegalStateException.class, () -> new RecordReader().setProtection(p));
        assertTrue(p.toString().contains("TLS 1.3"), p.toString());
    }

    @Test
    void writerRefusesWhatMustGoThroughItsOwnMethods() {
        RecordWriter writer = new RecordWriter();
        ByteBuffer dst = ByteBuffer.allocate(100);
        assertThrows(IllegalArgumentException.class,
                () -> writer.write(ContentType.CHANGE_CIPHER_SPEC, ByteBuffer.wrap(new byte[] {1}), dst));
        assertThrows(IllegalArgumentException.class,
                () -> writer.write(ContentType.ALERT, ByteBuffer.wrap(new byte[] {1, 0}), dst));
        assertThrows(IllegalStateException.class,
                () -> writer.write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(new byte[] {1}), dst),
                "no application data in the clear");
        assertEquals(0, dst.position());
    }

    @Test
    void theNegotiatedVersionCannotChange() {
        RecordReader reader = new RecordReader();
        reader.setVersion(ProtocolVersion.TLS13);
        reader.setVersion(ProtocolVersion.TLS13);
        assertThrows(IllegalStateException.class, () -> reader.setVersion(ProtocolVersion.TLS12));
    }

    @Test
    void cbcNeedsAWriteIvExactlyForTls10() {
        assertThrows(IllegalArgumentException.class, () -> RecordProtection.cbc(Mode.CRYPTO, ProtocolVersion.TLS10,
                HashAlgorithm.SHA1, new byte[20], new byte[16], null, false));
        assertThrows(IllegalArgumentException.class, () -> RecordProtection.cbc(Mode.CRYPTO, ProtocolVersion.TLS12,
                HashAlgorithm.SHA256, new byte[32], new byte[16], new byte[16], false));
        assertThrows(IllegalArgumentException.class, () -> RecordProtection.cbc(Mode.CRYPTO, ProtocolVersion.TLS13,
                HashAlgorithm.SHA256, new byte[32], new byte[16], null, false));
        assertThrows(IllegalArgumentException.class, () -> RecordProtection.tls12Aead(Mode.CRYPTO,
                AeadAlgorithm.AES_128_GCM, new byte[16], new byte[12]), "GCM takes a 4-byte salt");
    }

    @Test
    void handshakeFramesValidateTheirLength() {
        assertThrows(IllegalArgumentException.class, () -> new HandshakeFrame(new byte[] {1, 0, 0, 2, 0}));
        assertThrows(IllegalArgumentException.class, () -> new HandshakeFrame(new byte[3]));
        HandshakeFrame f = HandshakeFrame.of(2, new byte[] {5, 6});
        assertEquals(6, f.encodedLength());
        assertEquals(2, f.msgType());
        assertEquals(new HandshakeFrame(f.encoded()), f);
        assertEquals(new HandshakeFrame(f.encoded()).hashCode(), f.hashCode());
    }
}
