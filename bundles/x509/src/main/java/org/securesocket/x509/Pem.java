package org.securesocket.x509;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.securesocket.common.ErrorCode;
import org.securesocket.common.TlsException;

/**
 * PEM textual encoding (RFC 7468, with the RFC 1421 headers OpenSSL writes for legacy encrypted
 * keys): every block of a text, in order. Text outside blocks is ignored, as RFC 7468 allows.
 */
public final class Pem {
    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String PRIVATE_KEY = "PRIVATE KEY";
    public static final String RSA_PRIVATE_KEY = "RSA PRIVATE KEY";
    public static final String EC_PRIVATE_KEY = "EC PRIVATE KEY";
    public static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** One block: its label and decoded contents; {@code encrypted} when RFC 1421 headers say so. */
    public record Block(String label, byte[] der, boolean encrypted) {
        public Block {
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }
    }

    private Pem() {
    }

    /** Every block of {@code text}; failures are {@code certificate.malformed}. */
    public static List<Block> decode(String text) throws TlsException {
        return decode(text, ErrorCode.CERTIFICATE_MALFORMED);
    }

    /**
     * Every block of {@code text}, failing with {@code code} when there is none, a block has no END
     * line (or a different label there) or its contents are not base64.
     */
    public static List<Block> decode(String text, ErrorCode code) throws TlsException {
        List<String> lines = lines(text);
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            i++;
            if (!line.startsWith(BEGIN)) {
                continue;
            }
            int beginLine = i;
            if (!line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
                throw new TlsException(code, "line " + beginLine + ": malformed BEGIN line '" + line + "'");
            }
            String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
            String endLine = END + label + DASHES;
            StringBuilder base64 = new StringBuilder();
            boolean encrypted = false;
            boolean ended = false;
            while (i < lines.size() && !ended) {
                String l = lines.get(i).strip();
                i++;
                if (l.equals(endLine)) {
                    ended = true;
                } else if (l.startsWith(END) || l.startsWith(BEGIN)) {
                    throw new TlsException(code, "line " + i + ": expected '" + endLine + "' to close the block"
                            + " begun on line " + beginLine + ", found '" + l + "'");
                } else if (l.indexOf(':') >= 0) {
                    // RFC 1421 header, e.g. "Proc-Type: 4,ENCRYPTED" of a legacy OpenSSL encrypted key
                    encrypted |= l.startsWith("Proc-Type:") && l.contains("ENCRYPTED");
                } else {
                    base64.append(l);
                }
            }
            if (!ended) {
                throw new TlsException(code, "the " + label + " block begun on line " + beginLine
                        + " has no '" + endLine + "' line");
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(base64.toString());
            } catch (IllegalArgumentException e) {
                throw new TlsException(code, "the " + label + " block begun on line " + beginLine
                        + " is not valid base64: " + e.getMessage());
            }
            if (der.length == 0) {
                throw new TlsException(code, "the " + label + " block begun on line " + beginLine + " is empty");
            }
            blocks.add(new Block(label, der, encrypted));
        }
        if (blocks.isEmpty()) {
            throw new TlsException(code, "no PEM block found (expected a '-----BEGIN ...-----' line)");
        }
        return List.copyOf(blocks);
    }

    /** The lines of {@code text}, ended by CR LF, LF or CR (no regular expression to compile for it). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    /** One block as PEM text with 64-character lines (RFC 7468 section 2). */
    public static String encode(String label, byte[] der) {
        StringBuilder sb = new StringBuilder(BEGIN).append(label).append(DASHES).append('\n');
        String b64 = Base64.getEncoder().encodeToString(der);
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append(END).append(label).append(DASHES).append('\n').toString();
    }
}
