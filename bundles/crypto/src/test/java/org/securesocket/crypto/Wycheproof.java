package org.securesocket.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.securesocket.common.TlsException;

/**
 * Runs the Wycheproof vectors of one file (copied with their LICENSE under {@code /wycheproof/}) and
 * holds the project's bar: every {@code valid} vector accepted with the expected output, every
 * {@code invalid} one refused with a typed error or a false, {@code acceptable} ones decided per flag
 * by the caller, and nothing skipped but what an explicit, named rule skips. Prints
 * {@code wycheproof <file>: passed N / total M (skipped K: reasons)}.
 */
public final class Wycheproof {

    /** What an implementation did with one vector. */
    public enum Outcome {
        /** It produced the expected output or said "valid". */
        ACCEPTED,
        /** It refused: a TlsException, a false, a tag or padding mismatch. */
        REJECTED,
        /** It produced an output that differs from the expected one. */
        WRONG_OUTPUT
    }

    /** One test vector with its group. */
    public record Case(String file, JsonObject group, JsonObject test) {
        public int id() {
            return test.get("tcId").getAsInt();
        }

        public String result() {
            return test.get("result").getAsString();
        }

        public Set<String> flags() {
            Set<String> flags = new TreeSet<>();
            test.getAsJsonArray("flags").forEach(f -> flags.add(f.getAsString()));
            return flags;
        }

        public byte[] hex(String name) {
            return Hex.decode(test.get(name).getAsString());
        }

        public String str(String name) {
            return test.get(name).getAsString();
        }

        public byte[] groupHex(String name) {
            return Hex.decode(group.get(name).getAsString());
        }

        public String groupStr(String name) {
            return group.get(name).getAsString();
        }

        public int groupInt(String name) {
            return group.get(name).getAsInt();
        }

        /** Outcome of comparing a produced value with the expected one. */
        public Outcome compare(byte[] produced, String expectedField) {
            return java.util.Arrays.equals(produced, hex(expectedField)) ? Outcome.ACCEPTED : Outcome.WRONG_OUTPUT;
        }
    }

    /** Runs one vector. */
    @FunctionalInterface
    public interface Operation {
        Outcome run(Case c) throws Exception;
    }

    /** The skip rule: a reason to skip, or null to run the vector. */
    @FunctionalInterface
    public interface Skip {
        String reason(Case c);
    }

    /** The decision for {@code acceptable} vectors: whether this implementation must accept it. */
    @FunctionalInterface
    public interface Acceptable {
        boolean mustAccept(Case c);
    }

    public static final Skip NO_SKIP = c -> null;

    /** For files without {@code acceptable} vectors: meeting one is a test failure to decide about. */
    public static final Acceptable NONE_EXPECTED = c -> {
        throw new AssertionError(c.file() + " tcId " + c.id() + " is acceptable " + c.flags() + ": decide its flags");
    };

    private Wycheproof() {
    }

    public static void run(String file, String provider, Skip skip, Acceptable acceptable, Operation op) {
        JsonObject root = load(file);
        int total = root.get("numberOfTests").getAsInt();
        int passed = 0;
        int counted = 0;
        Map<String, Integer> skips = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (JsonElement g : root.getAsJsonArray("testGroups")) {
            JsonObject group = g.getAsJsonObject();
            for (JsonElement t : group.getAsJsonArray("tests")) {
                Case c = new Case(file, group, t.getAsJsonObject());
                counted++;
                String reason = skip.reason(c);
                if (reason != null) {
                    skips.merge(reason, 1, Integer::sum);
                    continue;
                }
                boolean mustAccept = switch (c.result()) {
                    case "valid" -> true;
                    case "invalid" -> false;
                    default -> acceptable.mustAccept(c);
                };
                Outcome outcome;
                String why = "";
                try {
                    outcome = op.run(c);
                } catch (TlsException e) {
                    outcome = Outcome.REJECTED;
                    why = " " + e;
                } catch (Exception | AssertionError e) {
                    failures.add("tcId " + c.id() + " (" + c.result() + " " + c.flags() + "): threw " + e);
                    continue;
                }
                if (outcome == (mustAccept ? Outcome.ACCEPTED : Outcome.REJECTED)) {
                    passed++;
                } else {
                    failures.add("tcId " + c.id() + " (" + c.result() + " " + c.flags() + " " + c.str("comment")
                            + "): " + outcome + why);
                }
            }
        }
        int skipped = skips.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("wycheproof " + file + " [" + provider + "]: passed " + passed + " / total " + total
                + " (skipped " + skipped + (skips.isEmpty() ? "" : ": " + skips) + ")");
        assertEquals(total, counted, file + ": numberOfTests disagrees with the vectors read");
        assertEquals(total - skipped, passed, file + " failures: "
                + failures.subList(0, Math.min(failures.size(), 15)));
    }

    private static JsonObject load(String file) {
        try (InputStream in = Wycheproof.class.getResourceAsStream("/wycheproof/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /wycheproof/" + file);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return JsonParser.parseReader(reader).getAsJsonObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
