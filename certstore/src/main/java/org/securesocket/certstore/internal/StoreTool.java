package org.securesocket.certstore.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.securesocket.common.TlsException;
import org.securesocket.x509.Certificate;

/**
 * The store's build tool, cross-platform (plain Java). Two commands:
 * <pre>
 * index  CA_DIR INDEX_FILE SOURCE VERSION
 *     checks that CA_DIR holds exactly ca0.der ... caN.der, each one DER certificate, and writes
 *     their index (the build runs this on src/main/resources/ca)
 * bundle CERT_DIR OUT_JAR SOURCE VERSION [TEMPLATE_JAR]
 *     makes a store bundle from every PEM or DER file of CERT_DIR (by file name order, duplicates
 *     kept once): a copy of TEMPLATE_JAR (by default the certstore jar this runs from) whose
 *     ca/ folder holds these certificates, numbered from ca0, and their index
 * </pre>
 * Failures print one line and exit with status 1.
 */
public final class StoreTool {

    private StoreTool() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args));
        } catch (NoSuchFileException e) {
            System.err.println("StoreTool: no such file or directory: " + e.getMessage());
            System.exit(1);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("StoreTool: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs one command; the result is a one-line summary. */
    static String run(String... args) throws IOException, TlsException {
        if (args.length == 5 && args[0].equals("index")) {
            StoreIndex index = StoreIndex.of(args[3], args[4], numberedRoots(Path.of(args[1])));
            Path out = Path.of(args[2]);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, index.write(), StandardCharsets.UTF_8);
            return summary(index, out);
        }
        if ((args.length == 5 || args.length == 6) && args[0].equals("bundle")) {
            List<Certificate> roots = folder(Path.of(args[1]));
            StoreIndex index = StoreIndex.of(args[3], args[4], roots);
            Path out = Path.of(args[2]);
            writeBundle(args.length == 6 ? Path.of(args[5]) : ownJar(), out, index, roots);
            return summary(index, out);
        }
        throw new IllegalArgumentException("usage: index CA_DIR INDEX_FILE SOURCE VERSION"
                + " | bundle CERT_DIR OUT_JAR SOURCE VERSION [TEMPLATE_JAR]");
    }

    /** The certificates of ca0.der ... caN.der; any gap, other file or unparsable file fails. */
    static List<Certificate> numberedRoots(Path dir) throws IOException {
        Map<Integer, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                String name = file.getFileName().toString();
                if (!name.matches("ca(0|[1-9][0-9]{0,4})\\.der")) {
                    throw new IOException(dir + ": " + name + " is not named caN.der (N = 0, 1, ... without gaps)");
                }
                files.put(Integer.parseInt(name.substring(2, name.length() - 4)), file);
            }
        }
        List<Certificate> roots = new ArrayList<>();
        for (Map.Entry<Integer, Path> e : files.entrySet()) {
            if (e.getKey() != roots.size()) {
                throw new IOException(dir + ": ca" + roots.size() + ".der is missing (the numbering must be consecutive;"
                        + " next is ca" + e.getKey() + ".der)");
            }
            try {
                roots.add(Certificate.read(Files.readAllBytes(e.getValue())));
            } catch (TlsException ex) {
                throw new IOException(e.getValue() + ": not a DER certificate: " + ex.getMessage(), ex);
            }
        }
        if (roots.isEmpty()) {
            throw new IOException(dir + ": holds no ca0.der");
        }
        return roots;
    }

    /** Every certificate of every file of {@code dir}, by file name, each distinct certificate once. */
    static List<Certificate> folder(Path dir) throws IOException {
        Map<Certificate, Boolean> roots = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                CertificateFiles.read(file).forEach(c -> roots.put(c, true));
            }
        }
        if (roots.isEmpty()) {
            throw new IOException(dir + ": holds no certificate file");
        }
        return List.copyOf(roots.keySet());
    }

    private static void writeBundle(Path template, Path out, StoreIndex index, List<Certificate> roots)
            throws IOException {
        long time = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(template));
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            boolean manifest = false;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                manifest |= e.getName().equals("META-INF/MANIFEST.MF");
                time = e.getTime();
                if (!e.getName().startsWith("ca/")) {
                    zip.putNextEntry(copyOf(e));
                    in.transferTo(zip);
                }
            }
            if (!manifest) {
                throw new IOException(template + " is not a certstore bundle (no manifest)");
            }
            put(zip, "ca/", new byte[0], time);
            for (int i = 0; i < roots.size(); i++) {
                put(zip, "ca/" + index.entries().get(i).fileName(), roots.get(i).encoded(), time);
            }
            put(zip, StoreIndex.RESOURCE, index.write().getBytes(StandardCharsets.UTF_8), time);
        }
    }

    private static ZipEntry copyOf(ZipEntry e) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        return copy;
    }

    private static void put(ZipOutputStream zip, String name, byte[] data, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static Path ownJar() throws IOException {
        try {
            Path jar = Path.of(StoreTool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IOException("StoreTool is not running from the certstore jar: give TEMPLATE_JAR");
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the certstore jar: give TEMPLATE_JAR", e);
        }
    }

    private static String summary(StoreIndex index, Path out) {
        Instant now = Instant.now();
        long expired = index.entries().stream().filter(e -> e.expiredAt(now)).count();
        long weak = index.entries().stream().filter(IndexEntry::weak).count();
        return "StoreTool: " + out + ": " + index.entries().size() + " roots (ca0 to ca" + (index.entries().size() - 1)
                + "), " + expired + " expired now, " + weak + " with a weak or unsupported key; " + index.source()
                + ", version " + index.version();
    }
}
