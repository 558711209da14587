package org.securesocket.handshake;

import org.securesocket.common.TlsException;
import org.securesocket.record.AlertMessage;
import org.securesocket.record.PlaintextLimit;
import org.securesocket.record.ProtocolVersion;
import org.securesocket.record.RecordProtection;

/**
 * What the handshake asks of the connection that owns the record layer: send a message, a
 * ChangeCipherSpec or an alert, fix the version, and switch each direction's keys.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface RecordLayer {

    /** Queues an encoded handshake message (header included) under the current write protection. */
    void sendHandshake(byte[] encoded) throws TlsException;

    /** Queues a ChangeCipherSpec record. */
    void sendChangeCipherSpec() throws TlsException;

    /** Queues an alert record. */
    void sendAlert(AlertMessage alert) throws TlsException;

    /** The negotiated version, for record headers and checks. */
    void setVersion(ProtocolVersion version);

    void setReadProtection(RecordProtection protection) throws TlsException;

    void setWriteProtection(RecordProtection protection) throws TlsException;

    /**
     * Bounds the content of the records that follow, each way: what we accept from the peer and
     * what we send (a negotiated max_fragment_length, RFC 6066 section 4, or record_size_limit).
     */
    void setPlaintextLimits(PlaintextLimit read, PlaintextLimit write);
}
