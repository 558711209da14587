/**
 * The TLS-shaped crypto SPI: {@link org.securesocket.crypto.TlsCrypto} and the objects it creates,
 * the algorithm tables, and the key derivation functions built on them.
 */
@Export
@Version("1.0.0")
package org.securesocket.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
