package org.securesocket.certstore.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;

/**
 * The roots a store bundle carries: its index and every {@code ca/caN.der} it lists, each checked
 * against the index's fingerprint, so a bundle whose files and index disagree never starts.
 */
record BundledRoots(StoreIndex index, List<Certificate> certificates) {
    /** Largest index or root file read; a root is a few kilobytes, the index about 40 kB. */
    static final int MAX_RESOURCE_BYTES = 4 * 1024 * 1024;

    /** Reads one resource of the store by its path, e.g. {@code ca/ca12.der}. */
    @FunctionalInterface
    interface Resources {
        InputStream open(String path) throws IOException;
    }

    BundledRoots {
        certificates = List.copyOf(certificates);
    }

    /** The roots of this class's own jar or bundle. */
    static BundledRoots load() throws IOException, TlsException {
        ClassLoader loader = BundledRoots.class.getClassLoader();
        return load(path -> {
            InputStream in = loader.getResourceAsStream(path);
            if (in == null) {
                throw new FileNotFoundException("the store has no resource " + path);
            }
            return in;
        });
    }

    static BundledRoots load(Resources resources) throws IOException, TlsException {
        StoreIndex index;
        try {
            index = StoreIndex.read(new String(read(resources, StoreIndex.RESOURCE), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(StoreIndex.RESOURCE + ": " + e.getMessage(), e);
        }
        List<Certificate> certificates = new ArrayList<>();
        for (IndexEntry entry : index.entries()) {
            byte[] der = read(resources, "ca/" + entry.fileName());
            if (!Arrays.equals(KeyIdentifiers.sha256(der), entry.sha256())) {
                throw new IOException("ca/" + entry.fileName() + " is not the root the index lists (SHA-256 "
                        + KeyIdentifiers.colons(entry.sha256()) + "): rebuild the store with StoreTool");
            }
            certificates.add(Certificate.read(der));
        }
        return new BundledRoots(index, certificates);
    }

    private static byte[] read(Resources resources, String path) throws IOException {
        try (InputStream in = resources.open(path)) {
            byte[] bytes = in.readNBytes(MAX_RESOURCE_BYTES + 1);
            if (bytes.length > MAX_RESOURCE_BYTES) {
                throw new IOException(path + " is larger than " + MAX_RESOURCE_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
