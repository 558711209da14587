package org.securesocket.itests.consumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.securesocket.common.TlsException;
import org.securesocket.x509.PathValidator;
import org.securesocket.x509.TrustStore;

/**
 * A DS component standing for the stack's consumers of the trust store (CertStoreIT installs it in
 * its own bundle, with the descriptor consumer/component.xml): a static reference to the
 * PathValidator and the dynamic, greedy, optional reference to the TrustStore that every consumer
 * holds. It validates chains on request and reports how often it was activated, how many stores it
 * was bound to, and any unexpected exception it met. Registered as a {@code Function} so that the
 * test talks to it through a JDK type only.
 */
public final class TrustStoreConsumer implements Function<List<byte[]>, Map<String, Object>> {
    private static final AtomicInteger ACTIVATIONS = new AtomicInteger();

    private final AtomicInteger bindings = new AtomicInteger();
    private final AtomicInteger unexpected = new AtomicInteger();
    private volatile TrustStore trustStore;
    private PathValidator validator;

    void activate() {
        ACTIVATIONS.incrementAndGet();
    }

    void bindValidator(PathValidator service) {
        validator = service;
    }

    void bindTrustStore(TrustStore service) {
        bindings.incrementAndGet();
        trustStore = service;
    }

    void unbindTrustStore(TrustStore service) {
        if (trustStore == service) {
            trustStore = null;
        }
    }

    /** {@code result}: {@code valid}, the error code, or {@code no trust store}; and the counters. */
    @Override
    public Map<String, Object> apply(List<byte[]> chain) {
        Map<String, Object> out = new HashMap<>();
        TrustStore store = trustStore;
        try {
            if (store == null) {
                out.put("result", "no trust store");
            } else {
                out.put("storeVersion", store.version());
                validator.validate(chain, store, null);
                out.put("result", "valid");
            }
        } catch (TlsException e) {
            out.put("result", e.code().code());
            out.put("message", e.getMessage());
        } catch (RuntimeException e) {
            unexpected.incrementAndGet();
            out.put("result", "unexpected " + e);
        }
        out.put("activations", ACTIVATIONS.get());
        out.put("bindings", bindings.get());
        out.put("unexpected", unexpected.get());
        return out;
    }
}
