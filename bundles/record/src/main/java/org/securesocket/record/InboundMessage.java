package org.securesocket.record;

/**
 * What a {@link RecordReader} delivers: one whole handshake message, an alert the caller must act
 * on, a TLS 1.0 to 1.2 ChangeCipherSpec, or the application data of one record.
 */
public sealed interface InboundMessage permits HandshakeFrame, AlertMessage, ChangeCipherSpec, ApplicationData {
}
