/**
 * The sans-I/O TLS 1.0 to 1.3 record layer. A {@link org.securesocket.record.RecordReader} turns bytes
 * received from the wire, in chunks of any size, into {@link org.securesocket.record.InboundMessage}s
 * (whole handshake messages, alerts, ChangeCipherSpec, application data); a
 * {@link org.securesocket.record.RecordWriter} turns content into records, fragmented by the
 * negotiated {@link org.securesocket.record.PlaintextLimit}. The handshake switches each direction's
 * {@link org.securesocket.record.RecordProtection} at the moments its protocol version prescribes.
 * Nothing here touches a socket: {@link java.nio.ByteBuffer}s in, {@link java.nio.ByteBuffer}s out.
 *
 * <p>How a connection drives it (a sketch of the TLS 1.3 client side):
 * <pre>{@code
 * RecordWriter out = new RecordWriter();          // initial ClientHello goes out as 0x0301
 * RecordReader in = new RecordReader();           // 64 KiB handshake messages at most
 * out.write(ContentType.HANDSHAKE, clientHello, netOut);
 * ...
 * InboundMessage m;
 * while ((m = in.read(netIn)) != null) {          // null: feed more bytes
 *     switch (m) {                                 // (or instanceof chains on Java 17)
 *         case HandshakeFrame f -> state = state.handle(f);
 *             // on ServerHello: in.setVersion(TLS13); out.setVersion(TLS13);
 *             //   in.setProtection(RecordProtection.tls13(crypto, aead, serverHsKey, serverHsIv));
 *             // on the server Finished: in.peerFinished(); then the application keys
 *         case ApplicationData d -> app.accept(d.data());   // valid until the next read
 *         case AlertMessage a -> ...;                        // close_notify or a warning
 *         case ChangeCipherSpec c -> ...;                    // TLS 1.2: install the read keys
 *     }
 * }
 * if (out.keyUpdateDue()) { ... send KeyUpdate, then out.setProtection(next keys) ... }
 * }</pre>
 * Every failure is a {@link org.securesocket.common.TlsException} whose alert is the one to send.
 */
@Export
@Version("1.0.0")
package org.securesocket.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
