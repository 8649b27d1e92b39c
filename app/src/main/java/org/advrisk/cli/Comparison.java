package org.advrisk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.advrisk.io.AtomicFiles;
import org.advrisk.io.JsonMappers;
import org.advrisk.report.Reports;
import org.advrisk.stats.Verdict;
import org.advrisk.report.VerdictFlips;

/**
 * {@code reproduce}'s comparison with the other mode: finds the other reproduction ({@code --compare}
 * or the newest sibling), writes {@value Reports#FLIPS} into the run directory (the report shows it)
 * and returns the lines for stdout.
 */
final class Comparison {
    private Comparison() {
    }

    /** Writes the comparison and returns its text, or {@code null} when there is nothing to compare with. */
    static String write(Path root, boolean quick, Path compare, List<Verdict> verdicts) throws IOException {
        Optional<Path> other = compare != null ? Optional.of(compare) : VerdictFlips.sibling(root, quick);
        Path file = root.resolve(Reports.FLIPS);
        if (other.isEmpty()) {
            Files.deleteIfExists(file);
            return null;
        }
        String mode = quick ? "default" : "--quick";
        List<Verdict> theirs;
        try {
            theirs = Reports.verdicts(other.get());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            return "advrisk: not compared with the " + mode + " reproduction in " + other.get() + ": its verdicts could"
                    + " not be computed (" + e.getMessage() + "); finish it, or give --compare DIR" + System.lineSeparator();
        }
        List<VerdictFlips.Flip> flips = VerdictFlips.between(verdicts, theirs);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("compared_with", other.get().toAbsolutePath().normalize().toString());
        o.put("other_mode", quick ? "default" : "quick");
        ArrayNode a = o.putArray("flips");
        StringBuilder sb = new StringBuilder("compared with the " + mode + " reproduction in " + other.get() + ": "
                + (flips.isEmpty() ? "no verdict differs" : flips.size() + " verdict" + (flips.size() == 1 ? "" : "s")
                + " differ") + System.lineSeparator());
        for (VerdictFlips.Flip f : flips) {
            ObjectNode n = a.addObject();
            n.put("claim", f.claim());
            n.put("setting", f.setting());
            n.put("here", f.here());
            n.put("there", f.there());
            sb.append("  FLIPS  ").append(f.claim()).append(": ").append(f.here()).append(" here, ").append(f.there())
                    .append(" in the ").append(mode).append(" run").append(System.lineSeparator());
        }
        AtomicFiles.write(file, JsonMappers.PRETTY.writeValueAsString(o) + "\n");
        return sb.toString();
    }
}
