package org.securesocket.common;

/** Who raised the alert a {@link TlsException} carries. */
public enum AlertSource {
    /** We detected the failure and send (or sent) the alert. */
    US,
    /** The peer sent a fatal alert. */
    PEER
}
