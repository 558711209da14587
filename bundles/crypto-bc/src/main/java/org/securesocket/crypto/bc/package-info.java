/**
 * A crypto provider on BouncyCastle's lightweight API: {@link org.securesocket.crypto.bc.BcTlsCrypto},
 * constructible in plain Java and registered as the {@code TlsCrypto} service {@code crypto.provider=bc}
 * in OSGi, where the composed provider of the crypto bundle picks it up.
 */
@Export
@Version("1.0.0")
package org.securesocket.crypto.bc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
