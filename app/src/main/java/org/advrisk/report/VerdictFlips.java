package org.advrisk.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.advrisk.experiment.Json;
import org.advrisk.stats.Verdict;

/**
 * Verdicts that differ between two reproductions (typically {@code --quick} and the default run):
 * the same claim on the same setting with a different decision. A verdict is matched by claim and
 * setting, or by claim alone when that claim appears once in both runs (the quick and default
 * settings differ in their n grid).
 */
public final class VerdictFlips {
    private VerdictFlips() {
    }

    /**
     * One verdict that flips.
     *
     * @param claim   the claim
     * @param setting its setting in this run
     * @param here    this run's decision
     * @param there   the other run's decision
     */
    public record Flip(String claim, String setting, String here, String there) {
    }

    /** The verdicts of {@code here} whose decision differs from their match in {@code there}. */
    public static List<Flip> between(List<Verdict> here, List<Verdict> there) {
        List<Flip> out = new ArrayList<>();
        for (Verdict v : here) {
            Verdict match = null;
            for (Verdict w : there) {
                if (w.claim().equals(v.claim()) && w.setting().equals(v.setting())) {
                    match = w;
                }
            }
            if (match == null && count(here, v.claim()) == 1 && count(there, v.claim()) == 1) {
                match = there.stream().filter(w -> w.claim().equals(v.claim())).findFirst().orElseThrow();
            }
            if (match != null && match.decision() != v.decision()) {
                out.add(new Flip(v.claim(), v.setting(), v.decision().word(), match.decision().word()));
            }
        }
        return out;
    }

    private static long count(List<Verdict> vs, String claim) {
        return vs.stream().filter(v -> v.claim().equals(claim)).count();
    }

    /**
     * The most recently written reproduction of the other mode ({@code quick} = this run's mode) in
     * the same parent directory as {@code root}, if any: what {@code reproduce} compares with when no
     * {@code --compare} is given.
     */
    public static Optional<Path> sibling(Path root, boolean quick) throws IOException {
        Path parent = root.toAbsolutePath().normalize().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.empty();
        }
        Path self = root.toAbsolutePath().normalize();
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(Files::isDirectory)
                    .filter(d -> !d.equals(self))
                    .filter(d -> isMode(d, !quick))
                    .max(Comparator.comparingLong(VerdictFlips::modified));
        }
    }

    /** True when {@code dir} holds a finished-or-partial reproduction in the given mode. */
    public static boolean isMode(Path dir, boolean quick) {
        Path idx = dir.resolve(Reports.REPRODUCE);
        if (!Files.isRegularFile(idx)) {
            return false;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(idx.toFile());
            return n.path("quick").isBoolean() && n.path("quick").asBoolean() == quick;
        } catch (IOException e) {
            return false;
        }
    }

    private static long modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(Reports.REPRODUCE)).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
