/**
 * The default crypto provider on the JDK's JCA: {@link org.securesocket.crypto.jca.JcaTlsCrypto},
 * constructible in plain Java and registered as the {@code TlsCrypto} service in OSGi.
 */
@Export
@Version("1.0.0")
package org.securesocket.crypto.jca;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
