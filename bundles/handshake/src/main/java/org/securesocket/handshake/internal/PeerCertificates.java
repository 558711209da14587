package org.securesocket.handshake.internal;

import java.lang.ref.WeakReference;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.WeakHashMap;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;

/**
 * The server's certificates as a session keeps them: their DER encodings only, decoded again on
 * each access. A decoded certificate holds about six times its encoding (its names, extensions and
 * signed part as objects), and every established connection keeps its session: an idle connection
 * would otherwise carry some 6 KB for a two-certificate chain that is rarely looked at again.
 * The encodings are interned: connections to the same servers share one copy of each (about 0.9 KB
 * per connection for a two-certificate chain), kept as long as a session refers to it. They are
 * never exposed ({@link Certificate#read} and {@link Certificate#encoded} copy), so sharing is safe.
 * Unmodifiable; equal to any list of the same certificates ({@link Certificate} equality is by encoding).
 */
public final class PeerCertificates extends AbstractList<Certificate> implements RandomAccess {
    /** The encodings some session holds, each mapped to itself; an entry goes when no session holds it. */
    private static final Map<Der, WeakReference<Der>> INTERNED = new WeakHashMap<>();

    private final Der[] encodings;

    private PeerCertificates(Der[] encodings) {
        this.encodings = encodings;
    }

    /** A certificate's encoding, equal to another by content. */
    private static final class Der {
        final byte[] bytes;
        final int hash;

        Der(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Der d && hash == d.hash && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The one copy of {@code encoded} that sessions share. */
    private static Der intern(byte[] encoded) {
        Der der = new Der(encoded);
        synchronized (INTERNED) {
            WeakReference<Der> known = INTERNED.get(der);
            Der shared = known == null ? null : known.get();
            if (shared != null) {
                return shared;
            }
            INTERNED.put(der, new WeakReference<>(der));
            return der;
        }
    }

    /** The compact copy of {@code certificates} (itself when it is one already); no element may be null. */
    public static List<Certificate> of(List<Certificate> certificates) {
        if (certificates instanceof PeerCertificates compact) {
            return compact;
        }
        Der[] encodings = new Der[certificates.size()];
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = intern(certificates.get(i).encoded());
        }
        return new PeerCertificates(encodings);
    }

    @Override
    public Certificate get(int index) {
        try {
            return Certificate.read(encodings[index].bytes);
        } catch (TlsException e) {
            // every encoding kept here came from a decoded Certificate, which decodes again the same way
            throw new IllegalStateException("a kept certificate no longer decodes", e);
        }
    }

    @Override
    public int size() {
        return encodings.length;
    }
}
