package org.securesocket.x509.internal;

/** Where a certificate sits in a path; the profile rules differ by position. */
public enum Role {
    /** The end-entity certificate the peer presented first. */
    LEAF,
    /** A CA certificate taken from the peer's list. */
    INTERMEDIATE,
    /** A CA certificate from the trust store. */
    ANCHOR
}
