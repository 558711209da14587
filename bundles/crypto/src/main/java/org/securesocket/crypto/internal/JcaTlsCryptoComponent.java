package org.securesocket.crypto.internal;

import org.osgi.service.component.annotations.Component;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.jca.JcaTlsCrypto;

/**
 * Registers the JCA provider, on the platform's strong random source, as the {@link TlsCrypto}
 * service with {@code crypto.provider=jca} so that consumers can select among providers. A thin
 * shell: all behaviour is {@link JcaTlsCrypto}'s.
 */
@Component(service = TlsCrypto.class, property = "crypto.provider=jca")
public final class JcaTlsCryptoComponent extends JcaTlsCrypto {
}
