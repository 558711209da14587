/**
 * Strict DER (ITU-T X.690 section 10) reading and writing: definite minimal lengths only, bounded
 * nesting, every failure a {@link org.securesocket.common.TlsException} with the caller's error code.
 */
@Export
@Version("1.0.0")
package org.securesocket.x509.der;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
