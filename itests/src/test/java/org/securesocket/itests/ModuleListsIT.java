package org.securesocket.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * A bundle module is listed in three places: the parent's modules, this module's dependencies
 * (which make the runtime) and the Karaf features file. These tests fail when a bundle module
 * of the repository is missing from the runtime or from the features.
 */
public class ModuleListsIT {

    /**
     * Every bundle module: bundles/NAME and certstore, each making org.securesocket.NAME, a hyphen in
     * the directory name being a dot in the artifact (bundles/crypto-bc makes org.securesocket.crypto.bc).
     */
    private static List<String> bundleArtifactIds() throws IOException {
        Path root = Path.of(System.getProperty("securesocket.root"));
        try (Stream<Path> modules = Files.list(root.resolve("bundles"))) {
            Stream<Path> all = Stream.concat(modules, Stream.of(root.resolve("certstore")));
            List<String> artifactIds = all.filter(module -> Files.isRegularFile(module.resolve("pom.xml")))
                    .map(module -> "org.securesocket." + module.getFileName().toString().replace('-', '.'))
                    .sorted()
                    .toList();
            assertTrue("no bundle module under " + root.resolve("bundles"), !artifactIds.isEmpty());
            return artifactIds;
        }
    }

    @Test
    public void everyBundleModuleIsInTheRuntime() throws IOException {
        List<String> missing = bundleArtifactIds().stream()
                .filter(artifactId -> !Files.isRegularFile(RuntimeDirectory.bundles().resolve(artifactId + ".jar")))
                .toList();
        assertTrue("bundle modules missing from the runtime: add them as dependencies of itests/pom.xml: "
                + missing, missing.isEmpty());
    }

    @Test
    public void everyBundleModuleIsInTheFeatures() throws IOException {
        Path features = Path.of(System.getProperty("securesocket.root"), "features", "src", "main", "feature",
                "feature.xml");
        String xml = Files.readString(features);
        List<String> missing = bundleArtifactIds().stream()
                .filter(artifactId -> !xml.contains("<bundle>mvn:org.securesocket/" + artifactId + "/"))
                .toList();
        assertTrue("bundle modules missing from " + features + ": " + missing, missing.isEmpty());
    }
}
