package org.securesocket.certstore.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;
import org.securesocket.x509.Pem;
import org.securesocket.x509.Transform;

/** Certificates from files a person supplies: PEM (any number of CERTIFICATE blocks) or one DER certificate. */
final class CertificateFiles {

    private CertificateFiles() {
    }

    /** Every certificate of the file; refuses a file without one, naming the file in every failure. */
    static List<Certificate> read(Path file) throws IOException {
        if (Files.size(file) > Transform.MAX_FILE_BYTES) {
            throw new IOException(file + ": larger than " + Transform.MAX_FILE_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Certificate> out = new ArrayList<>();
        try {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN ")) {
                for (Pem.Block block : Pem.decode(text)) {
                    if (block.label().equals(Pem.CERTIFICATE)) {
                        out.add(Certificate.read(block.der()));
                    }
                }
            } else {
                out.add(Certificate.read(bytes));
            }
        } catch (TlsException e) {
            throw new IOException(file + ": not a PEM or DER certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": holds no CERTIFICATE block");
        }
        return out;
    }
}
