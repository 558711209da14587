/**
 * The public API of the stack: {@link org.securesocket.securesocket.SecureSocket}, a blocking TLS
 * client socket, built on the sans-I/O {@link org.securesocket.securesocket.TlsConnection}, and the
 * {@link org.securesocket.securesocket.SecureSocketOptions} both take (a typed builder, or the
 * original's option dictionary as a {@code Map}); in OSGi the
 * {@link org.securesocket.securesocket.SecureSocketFactory} service with the Config Admin policy
 * ({@link org.securesocket.securesocket.TlsPolicyConfig}) and named
 * {@link org.securesocket.securesocket.TlsProfile}s.
 */
@Export
@Version("1.0.0")
package org.securesocket.securesocket;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
