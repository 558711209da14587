package org.securesocket.benchmarks.compare;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes {@code latest.md} from the result files of {@link Bench} (one per JDK): the machine, the
 * JDKs, per figure the median and min–max of each client and our advantage over JSSE and BCJSSE
 * (theirs divided by ours for times, CPU and memory; ours divided by theirs for rates), and last
 * one {@code ratio} line per figure, suffixed {@code _jdkN} for every JDK but 17.
 * Arguments: {@code out.md result-file...}.
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) throws IOException {
        StringBuilder md = new StringBuilder();
        List<String> ratios = new ArrayList<>();
        md.append("# Comparison: ours vs JSSE vs BCJSSE\n\n");
        md.append("Written by `benchmarks/run` on ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(".\n");
        md.append("Machine: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(", load average at the end ")
                .append(String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage())).append(".\n\n");
        md.append("Cells: median [min–max] over the runs. Advantage > 1 means we are better: their time, CPU or memory"
                + " divided by ours; our rate divided by theirs.\n");
        for (int i = 1; i < args.length; i++) {
            Results results = Results.read(Path.of(args[i]));
            String feature = results.meta().get("feature");
            String suffix = "17".equals(feature) ? "" : "_jdk" + feature;
            md.append("\n## JDK ").append(feature).append(": ").append(results.meta().get("jdk")).append(" (")
                    .append(results.meta().get("mode")).append(" mode)\n\n");
            md.append("| figure | unit | ours | JSSE | BCJSSE | adv. vs JSSE | adv. vs BCJSSE |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            Set<String> figures = new LinkedHashSet<>();
            results.series().keySet().forEach(k -> figures.add(k.figure()));
            for (String figure : figures) {
                Results.Series ours = results.series().get(new Results.Key(figure, "ours"));
                Results.Series jsse = results.series().get(new Results.Key(figure, "jsse"));
                Results.Series bc = results.series().get(new Results.Key(figure, "bcjsse"));
                Results.Series jca = results.series().get(new Results.Key(figure, "jca"));
                if (ours == null) {
                    md.append("| ").append(figure).append(" (reference) | ").append(jca.unit()).append(" | ")
                            .append(cell(jca)).append(" | | | | |\n");
                    continue;
                }
                String vsJsse = advantage(ours, jsse);
                String vsBc = advantage(ours, bc);
                md.append("| ").append(figure).append(" | ").append(ours.unit()).append(" | ").append(cell(ours))
                        .append(" | ").append(cell(jsse)).append(" | ").append(cell(bc)).append(" | ").append(vsJsse)
                        .append(" | ").append(vsBc).append(" |\n");
                ratios.add("ratio " + figure + suffix + " advantage_vs_jsse=" + vsJsse + " advantage_vs_bcjsse=" + vsBc);
            }
            for (String name : List.of("aes128gcm", "chacha20")) {
                Results.Series ours = results.series().get(new Results.Key("bulk_" + name, "ours"));
                Results.Series raw = results.series().get(new Results.Key("raw_jca_" + name, "jca"));
                Results.Series cpu = results.series().get(new Results.Key("bulk_" + name + "_cpu", "ours"));
                if (ours != null && raw != null && cpu != null) {
                    // 1 / (client CPU ms per MB): the rate our client thread would reach if it never waited
                    md.append(String.format(Locale.ROOT, "\nbulk_%s: over the socket ours is %.0f%% of the raw JCA"
                            + " cipher on the same run; bounded by our client thread's CPU alone (1000 / ms per MB ="
                            + " %.0f MB/s) %.0f%% (medians).\n", name, 100 * ours.median() / raw.median(),
                            1000 / cpu.median(), 100 * (1000 / cpu.median()) / raw.median()));
                }
            }
            engineBulk(results, md);
        }
        md.append("\n```\n");
        ratios.forEach(r -> md.append(r).append('\n'));
        md.append("```\n");
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        ratios.forEach(System.out::println);
    }

    /**
     * The in-memory bulk figures against the raw JCA cipher of the same run: each client's rate as
     * a share of the cipher's (the 80% target reads ours), and the bytes allocated per record split
     * into the JCA's own (the raw loop's) and the remainder.
     */
    private static void engineBulk(Results results, StringBuilder md) {
        for (String name : List.of("aes128gcm", "chacha20")) {
            Results.Series raw = results.series().get(new Results.Key("raw_jca_" + name, "jca"));
            if (raw == null || results.series().get(new Results.Key("bulk_memory_" + name, "ours")) == null) {
                continue;
            }
            md.append("\nbulk_memory_").append(name).append(" (client CPU only, in memory) against the raw JCA cipher, ")
                    .append(num(raw.median())).append(" MB/s on the same run:\n\n")
                    .append("| client | MB/s | share of raw JCA | B/record up: total / JCA / remainder"
                            + " | B/record down: total / JCA / remainder |\n|---|---|---|---|---|\n");
            Results.Series jcaUp = results.series().get(new Results.Key("raw_jca_" + name + "_alloc_per_record_up", "jca"));
            Results.Series jcaDown = results.series().get(
                    new Results.Key("raw_jca_" + name + "_alloc_per_record_down", "jca"));
            for (String stack : List.of("ours", "jsse", "bcjsse")) {
                Results.Series rate = results.series().get(new Results.Key("bulk_memory_" + name, stack));
                if (rate == null) {
                    continue;
                }
                md.append("| ").append(stack).append(" | ").append(num(rate.median())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.0f%%", 100 * rate.median() / raw.median())).append(" | ")
                        .append(split(results.series().get(new Results.Key("bulk_memory_" + name
                                + "_alloc_per_record_up", stack)), jcaUp)).append(" | ")
                        .append(split(results.series().get(new Results.Key("bulk_memory_" + name
                                + "_alloc_per_record_down", stack)), jcaDown)).append(" |\n");
            }
        }
    }

    private static String split(Results.Series total, Results.Series jca) {
        if (total == null || jca == null) {
            return "–";
        }
        return num(total.median()) + " / " + num(jca.median()) + " / " + num(total.median() - jca.median());
    }

    private static String cell(Results.Series s) {
        if (s == null) {
            return "–";
        }
        return num(s.median()) + " [" + num(s.min()) + "–" + num(s.max()) + "]";
    }

    private static String advantage(Results.Series ours, Results.Series theirs) {
        if (theirs == null || ours.median() == 0 || theirs.median() == 0) {
            return "n/a";
        }
        double ratio = ours.lowerIsBetter() ? theirs.median() / ours.median() : ours.median() / theirs.median();
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String num(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
