package org.securesocket.handshake.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;

/**
 * The server's certificates as a session keeps them: their DER encodings only, decoded again on
 * each access. A decoded certificate holds about six times its encoding (its names, extensions and
 * signed part as objects), and every established connection keeps its session: an idle connection
 * would otherwise carry some 6 KB for a two-certificate chain that is rarely looked at again.
 * Unmodifiable; equal to any list of the same certificates ({@link Certificate} equality is by encoding).
 */
public final class PeerCertificates extends AbstractList<Certificate> implements RandomAccess {
    private final byte[][] encodings;

    private PeerCertificates(byte[][] encodings) {
        this.encodings = encodings;
    }

    /** The compact copy of {@code certificates} (itself when it is one already); no element may be null. */
    public static List<Certificate> of(List<Certificate> certificates) {
        if (certificates instanceof PeerCertificates compact) {
            return compact;
        }
        byte[][] encodings = new byte[certificates.size()][];
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = certificates.get(i).encoded();
        }
        return new PeerCertificates(encodings);
    }

    @Override
    public Certificate get(int index) {
        try {
            return Certificate.read(encodings[index]);
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
