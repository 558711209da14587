/**
 * The composed provider: {@link org.securesocket.crypto.compose.ComposedTlsCrypto} routes each
 * primitive to the fastest of the providers it is given, by the measurements recorded in
 * {@link org.securesocket.crypto.compose.Primitive}. In OSGi it is the highest-ranked
 * {@code TlsCrypto} service and follows the providers as they come and go.
 */
@Export
@Version("1.0.0")
package org.securesocket.crypto.compose;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
