package org.securesocket.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code securesocket gateway} as the launcher runs it: a separate JVM with the framework and the
 * shell on its class path, given the runtime's bundle directory.
 */
public class GatewayIT {

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private record Run(int status, String output) {
    }

    private static Run gateway(Path bundles) throws IOException, InterruptedException {
        Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
        // The launcher's class path: the framework, the shell, and the bundles its commands use in plain Java.
        StringBuilder classPath = new StringBuilder(RuntimeDirectory.framework().toString());
        try (var jars = Files.list(RuntimeDirectory.bundles())) {
            jars.filter(jar -> jar.getFileName().toString().startsWith("org.securesocket.")).sorted()
                    .forEach(jar -> classPath.append(File.pathSeparator).append(jar));
        }
        Process process = new ProcessBuilder(javaCommand.toString(), "-cp", classPath.toString(),
                "org.securesocket.shell.internal.Main", "gateway", "--bundles", bundles.toString())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gateway did not exit within 60 s:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    @Test
    public void reportsEveryBundleActiveAndExitsZero() throws Exception {
        Run run = gateway(RuntimeDirectory.bundles());
        assertEquals(run.output(), 0, run.status());
        for (Path jar : RuntimeDirectory.bundleJars()) {
            String name = symbolicName(jar);
            assertTrue(name + " not reported active:\n" + run.output(),
                    run.output().lines().anyMatch(line -> line.contains(" ACTIVE ") && line.contains(" " + name + " ")));
        }
        assertTrue(run.output(), run.output().contains("components:"));
        assertTrue(run.output(), run.output().contains("gateway: every bundle is active"));
    }

    /** The jar's Bundle-SymbolicName (not always its file name: bcprov-jdk18on.jar is bcprov). */
    private static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
        }
    }

    @Test
    public void aBundleThatDoesNotResolveMakesItFail() throws Exception {
        Path bundles = temporary.newFolder("bundles").toPath();
        for (Path jar : RuntimeDirectory.bundleJars()) {
            Files.copy(jar, bundles.resolve(jar.getFileName()));
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.unresolvable");
        main.putValue("Import-Package", "org.example.nowhere");
        try (OutputStream out = Files.newOutputStream(bundles.resolve("unresolvable.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.finish();
        }

        Run run = gateway(bundles);
        assertEquals(run.output(), 1, run.status());
        List<String> lines = run.output().lines().toList();
        assertTrue(run.output(), lines.stream().anyMatch(
                line -> line.contains(" INSTALLED ") && line.contains("org.example.unresolvable")));
        assertTrue(run.output(), run.output().contains("org.example.nowhere"));
        assertTrue(run.output(), run.output().contains("gateway: FAILED"));
    }
}
