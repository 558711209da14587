package org.securesocket.benchmarks.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measurements of one JDK's run, one value per run for each figure and client, kept in the
 * order first measured and written as tab-separated lines
 * ({@code figure stack unit better values...}, {@code better} being {@code lower} or {@code higher}).
 */
final class Results {
    record Key(String figure, String stack) {
    }

    record Series(String unit, boolean lowerIsBetter, List<Double> values) {
        double median() {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    private final Map<Key, Series> series = new LinkedHashMap<>();
    private final Map<String, String> meta = new LinkedHashMap<>();

    void meta(String key, String value) {
        meta.put(key, value);
    }

    Map<String, String> meta() {
        return meta;
    }

    Map<Key, Series> series() {
        return series;
    }

    void add(String figure, String stack, String unit, boolean lowerIsBetter, double value) {
        record(figure, stack, unit, lowerIsBetter, value);
        System.err.printf(Locale.ROOT, "  %-40s %-7s %12.1f %s%n", figure, stack, value, unit);
    }

    private void record(String figure, String stack, String unit, boolean lowerIsBetter, double value) {
        series.computeIfAbsent(new Key(figure, stack), k -> new Series(unit, lowerIsBetter, new ArrayList<>()))
                .values().add(value);
    }

    /** Parses the lines {@link #write} produced (also from a child process's output). */
    void parse(String line) {
        if (line.startsWith("#meta\t")) {
            String[] f = line.split("\t", 3);
            meta.put(f[1], f[2]);
        } else if (line.startsWith("#row\t")) {
            String[] f = line.split("\t");
            for (int i = 5; i < f.length; i++) {
                record(f[1], f[2], f[3], "lower".equals(f[4]), Double.parseDouble(f[i]));
            }
        }
    }

    void write(PrintStream out) {
        meta.forEach((k, v) -> out.println("#meta\t" + k + "\t" + v));
        series.forEach((k, s) -> {
            StringBuilder line = new StringBuilder("#row\t" + k.figure() + "\t" + k.stack() + "\t" + s.unit() + "\t"
                    + (s.lowerIsBetter() ? "lower" : "higher"));
            s.values().forEach(v -> line.append('\t').append(v));
            out.println(line);
        });
        out.flush();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            write(out);
        }
    }

    static Results read(Path file) throws IOException {
        Results results = new Results();
        Files.readAllLines(file).forEach(results::parse);
        return results;
    }
}
