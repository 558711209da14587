/**
 * The client handshake, sans-I/O: every handshake message as a paired codec ({@code read} /
 * {@code write}), extensions as a table, the cipher suite table, the {@link
 * org.securesocket.handshake.HandshakePolicy} and the {@link org.securesocket.handshake.ClientHandshake}
 * that runs the state chain. A connection feeds it handshake frames and ChangeCipherSpec signals and
 * gives it a {@link org.securesocket.handshake.RecordLayer} to send messages and switch keys on.
 */
@Export
@Version("1.0.0")
package org.securesocket.handshake;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
