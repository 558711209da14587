/**
 * X.509 for the TLS client: the certificate model, PEM and private-key transforms, path building
 * and RFC 5280 section 6 validation with the CA/Browser Forum's stricter rules, the RFC 9525
 * hostname check, and the {@link org.securesocket.x509.TrustStore} API the certificate store
 * implements. Signatures are checked only through {@link org.securesocket.crypto.TlsCrypto}.
 */
@Export
@Version("1.0.0")
package org.securesocket.x509;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
