package org.securesocket.crypto.internal;

import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.securesocket.crypto.TlsCrypto;
import org.securesocket.crypto.compose.ComposedTlsCrypto;

/**
 * Registers the composition of every other {@code TlsCrypto} service (those with a
 * {@code crypto.provider} name) with a higher ranking than theirs, so that consumers asking for
 * "the" TlsCrypto get it. It lives in the crypto bundle next to the JCA provider: without the
 * BouncyCastle bundle it composes the JCA provider alone, and when that bundle comes or goes the
 * routing changes in place: consumers keep the same service object and nothing rebinds. Immediate,
 * so that the one instance and its bindings live as long as the component is satisfied (a delayed
 * one would be disposed, and its providers unbound, whenever its last user ungets it).
 */
@Component(service = TlsCrypto.class, immediate = true,
        property = {"crypto.provider=composed", "service.ranking:Integer=100"})
public final class ComposedTlsCryptoComponent extends ComposedTlsCrypto {
    /** Providers by service id: the earlier registered is preferred among unmeasured ones. */
    private final Map<Long, TlsCrypto> providers = new TreeMap<>();

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(&(crypto.provider=*)(!(crypto.provider=composed)))")
    void addProvider(TlsCrypto provider, Map<String, Object> properties) {
        synchronized (providers) {
            providers.put((Long) properties.get("service.id"), provider);
            setProviders(providers.values());
        }
    }

    void removeProvider(TlsCrypto provider, Map<String, Object> properties) {
        synchronized (providers) {
            providers.remove((Long) properties.get("service.id"));
            setProviders(providers.values());
        }
    }
}
