package org.securesocket.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.securesocket.common.TlsException;
import org.securesocket.crypto.AeadAlgorithm;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * Known answers from RFC 8448 section 3, "Simple 1-RTT Handshake" (TLS_AES_128_GCM_SHA256): the
 * traffic keys and IVs, and the complete protected records, exactly as the RFC prints them.
 */
class Rfc8448RecordTest {
    private static final TlsCrypto CRYPTO = new JcaTlsCrypto();

    // {client} derive write traffic keys for handshake data
    private static final byte[] CLIENT_HS_KEY = Hex.bytes("db fa a6 93 d1 76 2c 5b 66 6a f5 d9 50 25 8d 01");
    private static final byte[] CLIENT_HS_IV = Hex.bytes("5b d3 c7 1b 83 6e 0b 76 bb 73 26 5f");
    // {client} derive write traffic keys for application data
    private static final byte[] CLIENT_AP_KEY = Hex.bytes("17 42 2d da 59 6e d5 d9 ac d8 90 e3 c6 3f 50 51");
    private static final byte[] CLIENT_AP_IV = Hex.bytes("5b 78 92 3d ee 08 57 90 33 e5 23 d9");
    // {server} derive write traffic keys for application data
    private static final byte[] SERVER_AP_KEY = Hex.bytes("9f 02 28 3b 6c 9c 07 ef c2 6b b9 f2 ac 92 e3 56");
    private static final byte[] SERVER_AP_IV = Hex.bytes("cf 78 2b 88 dd 83 54 9a ad f1 e9 84");

    // {client} send handshake record: the Finished message (payload) and the complete record
    private static final byte[] CLIENT_FINISHED = Hex.bytes("14 00 00 20 a8 ec 43 6d 67 76 34 ae 52 5a c1 fc"
            + "eb e1 1a 03 9e c1 76 94 fa c6 e9 85 27 b6 42 f2 ed d5 ce 61");
    private static final byte[] CLIENT_FINISHED_RECORD = Hex.bytes("17 03 03 00 35 75 ec 4d c2 38 cc e6 0b 29 80 44"
            + "a7 1e 21 9c 56 cc 77 b0 51 7f e9 b9 3c 7a 4b fc 44 d8 7f 38 f8 03 38 ac 98 fc 46 de b3 84 bd 1c"
            + "ae ac ab 68 67 d7 26 c4 05 46");
    // {client} send application_data record (payload 00 01 ... 31)
    private static final byte[] CLIENT_APP_RECORD = Hex.bytes("17 03 03 00 43 a2 3f 70 54 b6 2c 94 d0 af fa fe"
            + "82 28 ba 55 cb ef ac ea 42 f9 14 aa 66 bc ab 3f 2b 98 19 a8 a5 b4 6b 39 5b d5 4a 9a 20 44 1e 2b"
            + "62 97 4e 1f 5a 62 92 a2 97 70 14 bd 1e 3d ea e6 3a ee bb 21 69 49 15 e4");
    // {client} send alert record (close_notify)
    private static final byte[] CLIENT_ALERT_RECORD = Hex.bytes(
            "17 03 03 00 13 c9 87 27 60 65 56 66 b7 4d 7f f1 15 3e fd 6d b6 d0 b0 e3");
    // {server} send handshake record: NewSessionTicket under the application keys (sequence 0)
    private static final byte[] SERVER_TICKET_RECORD = Hex.bytes("17 03 03 00 de 3a 6b 8f 90 41 4a 97 d6 95 9c 34"
            + "87 68 0d e5 13 4a 2b 24 0e 6c ff ac 11 6e 95 d4 1d 6a f8 f6 b5 80 dc f3 d1 1d 63 c7 58 db 28 9a"
            + "01 59 40 25 2f 55 71 3e 06 1d c1 3e 07 88 91 a3 8e fb cf 57 53 ad 8e f1 70 ad 3c 73 53 d1 6d 9d"
            + "a7 73 b9 ca 7f 2b 9f a1 b6 c0 d4 a3 d0 3f 75 e0 9c 30 ba 1e 62 97 2a c4 6f 75 f7 b9 81 be 63 43"
            + "9b 29 99 ce 13 06 46 15 13 98 91 d5 e4 c5 b4 06 f1 6e 3f c1 81 a7 7c a4 75 84 00 25 db 2f 0a 77"
            + "f8 1b 5a b0 5b 94 c0 13 46 75 5f 69 23 2c 86 51 9d 86 cb ee ac 87 aa c3 47 d1 43 f9 60 5d 64 f6"
            + "50 db 4d 02 3e 70 e9 52 ca 49 fe 51 37 12 1c 74 bc 26 97 68 7e 24 87 46 d6 df 35 30 05 f3 bc e1"
            + "86 96 12 9c 81 53 55 6b 3b 6c 67 79 b3 7b f1 59 85 68 4f");
    // {server} send application_data record
    private static final byte[] SERVER_APP_RECORD = Hex.bytes("17 03 03 00 43 2e 93 7e 11 ef 4a c7 40 e5 38 ad"
            + "36 00 5f c4 a4 69 32 fc 32 25 d0 5f 82 aa 1b 36 e3 0e fa f9 7d 90 e6 df fc 60 2d cb 50 1a 59 a8"
            + "fc c4 9c 4b f2 e5 f0 a2 1c 00 47 c2 ab f3 32 54 0d d0 32 e1 67 c2 95 5d");
    // {server} send alert record (close_notify)
    private static final byte[] SERVER_ALERT_RECORD = Hex.bytes(
            "17 03 03 00 13 b5 8f d6 71 66 eb f5 99 d2 47 20 cf be 7e fa 7a 88 64 a9");

    private static byte[] payload() {
        byte[] data = new byte[50];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    @Test
    void clientRecordsAreReproducedByteForByte() throws TlsException {
        RecordWriter writer = new RecordWriter();
        writer.setVersion(ProtocolVersion.TLS13);
        writer.setProtection(RecordProtection.tls13(CRYPTO, AeadAlgorithm.AES_128_GCM, CLIENT_HS_KEY, CLIENT_HS_IV));
        ByteBuffer out = ByteBuffer.allocate(200);
        writer.write(ContentType.HANDSHAKE, ByteBuffer.wrap(CLIENT_FINISHED), out);
        assertArrayEquals(CLIENT_FINISHED_RECORD, Chunks.bytes(out.flip()));

        writer.setProtection(RecordProtection.tls13(CRYPTO, AeadAlgorithm.AES_128_GCM, CLIENT_AP_KEY, CLIENT_AP_IV));
        out.clear();
        writer.write(ContentType.APPLICATION_DATA, ByteBuffer.wrap(payload()), out);
        assertArrayEquals(CLIENT_APP_RECORD, Chunks.bytes(out.flip()));
        out.clear();
        writer.writeAlert(AlertMessage.CLOSE_NOTIFY, out);
        assertArrayEquals(CLIENT_ALERT_RECORD, Chunks.bytes(out.flip()));
    }

    @Test
    void serverRecordsAreReadInAnyChunking() throws TlsException {
        byte[] wire = Chunks.concat(SERVER_TICKET_RECORD, SERVER_APP_RECORD, SERVER_ALERT_RECORD);
        for (int maxChunk : new int[] {1, 3, 17, 100, wire.length}) {
            RecordReader reader = new RecordReader();
            reader.setVersion(ProtocolVersion.TLS13);
            reader.setProtection(RecordProtection.tls13(CRYPTO, AeadAlgorithm.AES_128_GCM, SERVER_AP_KEY, SERVER_AP_IV));
            reader.peerFinished();
            List<Chunks.Received> got = Chunks.feed(reader, wire, new Random(maxChunk), maxChunk);
            assertEquals(3, got.size());
            HandshakeFrame ticket = (HandshakeFrame) got.get(0).message();
            assertEquals(4, ticket.msgType(), "new_session_ticket");
            assertEquals(0xc9, ticket.body().remaining());
            assertArrayEquals(payload(), got.get(1).applicationData());
            assertEquals(AlertMessage.CLOSE_NOTIFY, got.get(2).message());
            assertTrue(reader.isClosed());
        }
    }

    @Test
    void clientFinishedIsReadBackUnderTheClientHandshakeKeys() throws TlsException {
        RecordReader reader = new RecordReader();
        reader.setVersion(ProtocolVersion.TLS13);
        reader.setProtection(RecordProtection.tls13(CRYPTO, AeadAlgorithm.AES_128_GCM, CLIENT_HS_KEY, CLIENT_HS_IV));
        assertEquals(new HandshakeFrame(CLIENT_FINISHED), reader.read(ByteBuffer.wrap(CLIENT_FINISHED_RECORD.clone())));
    }
}
