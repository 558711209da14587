/**
 * The sans-I/O TLS 1.0 to 1.3 record layer. A {@link org.securesocket.record.RecordReader} turns bytes
 * received from the wire, in chunks of any size, into {@link org.securesocket.record.InboundMessage}s
 * (whole handshake messages, alerts, ChangeCipherSpec, application data); a
 * {@link org.securesocket.record.RecordWriter} turns content into records, fragmented by the
 * negotiated {@link org.securesocket.record.PlaintextLimit}. The handshake switches each direction's
 * {@link org.securesocket.record.RecordProtection} at the moments its protocol version prescribes.
 * Nothing here touches a socket: {@link java.nio.ByteBuffer}s in, {@link java.nio.ByteBuffer}s out.
 */
@Export
@Version("1.0.0")
package org.securesocket.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
