package org.securesocket.shell.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.securesocket.common.TlsException;
import org.securesocket.shell.Command;
import org.securesocket.shell.CommandContext;
import org.securesocket.shell.UsageException;
import org.securesocket.x509.Transform;

/**
 * The original's {@code Transform} on the command line: {@code pem2der IN OUT} and {@code pkcs8 IN OUT}.
 * Paths are the caller's (relative ones against the working directory the launcher keeps).
 */
final class TransformCommand implements Command {

    /** One file-to-file conversion of {@link Transform}; returns what to report. */
    @FunctionalInterface
    interface Conversion {
        String convert(Path in, Path out) throws IOException;
    }

    private final String name;
    private final String summary;
    private final Conversion conversion;

    private TransformCommand(String name, String summary, Conversion conversion) {
        this.name = name;
        this.summary = summary;
        this.conversion = conversion;
    }

    /** PEM (every block: certificates, keys) to DER, blocks concatenated. */
    static TransformCommand pemToDer() {
        return new TransformCommand("pem2der", "convert every PEM block of a file to DER",
                (in, out) -> Transform.pemToDer(in, out) + " PEM block(s) written as DER to " + out);
    }

    /** A private key (PKCS#8, PKCS#1 RSA or SEC1 EC; PEM or DER) to a PKCS#8 PrivateKeyInfo DER file. */
    static TransformCommand pkcs8() {
        return new TransformCommand("pkcs8", "wrap a PKCS#1 RSA or SEC1 EC private key (PEM or DER) into PKCS#8 DER",
                (in, out) -> {
                    Transform.privateKeyToPrivateKeyInfo(in, out);
                    return "PKCS#8 PrivateKeyInfo written to " + out;
                });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String usage() {
        return "IN OUT";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException {
        if (args.size() != 2) {
            throw new UsageException(name + " takes an input and an output file, not " + args);
        }
        try {
            context.out().println(conversion.convert(Path.of(args.get(0)), Path.of(args.get(1))));
            return OK;
        } catch (TlsException e) {
            context.err().println("securesocket " + name + ": " + e.code().code() + ": " + e.getMessage());
            return FAILURE;
        } catch (IOException e) {
            context.err().println("securesocket " + name + ": " + e);
            return FAILURE;
        }
    }
}
