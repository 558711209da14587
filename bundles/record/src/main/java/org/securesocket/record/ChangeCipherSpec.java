package org.securesocket.record;

/**
 * A ChangeCipherSpec message of TLS 1.0 to 1.2 (RFC 5246 section 7.1): a record of the single byte
 * {@code 1}. The handshake answers it by installing the pending read protection. TLS 1.3
 * middlebox-compatibility CCS records (RFC 8446 appendix D.4) never surface: the reader drops them.
 */
public enum ChangeCipherSpec implements InboundMessage {
    INSTANCE;

    /** The only valid content byte. */
    public static final int VALUE = 1;
}
