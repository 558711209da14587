package org.securesocket.crypto.bc.internal;

import org.osgi.service.component.annotations.Component;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.bc.BcTlsCrypto;

/**
 * Registers the BouncyCastle provider, on the platform's strong random source, as the
 * {@link TlsCrypto} service {@code crypto.provider=bc}; the crypto bundle's composed provider binds
 * it and routes the primitives it does faster to it. A thin shell over {@link BcTlsCrypto}.
 */
@Component(service = TlsCrypto.class, property = "crypto.provider=bc")
public final class BcTlsCryptoComponent extends BcTlsCrypto {
}
