package org.advrisk.report;

import org.advrisk.stats.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;

/**
 * The first-screen sentence of {@link RegimesPart}: per activation the decisions over the regimes, R(n_max) as
 * a share of the null risk and the attack's cost over the ground truth's (the first regime with its 95%
 * interval, the others' estimates in brackets).
 */
final class RegimesSummary implements PartSummary {
    @Override
    public String sentence(List<Verdict> vs, RunData data) {
        Map<String, List<Verdict>> byActivation = new LinkedHashMap<>();
        for (Verdict v : vs) {
            byActivation.computeIfAbsent(v.setting().split(",")[0], k -> new ArrayList<>()).add(v);
        }
        StringBuilder b = new StringBuilder();
        if (!vs.isEmpty()) {
            b.append("At n = ").append(Sentences.integer(vs, "n_max")).append(" (kernel; lazy, rich): ");
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Verdict>> e : byActivation.entrySet()) {
            parts.add(e.getKey() + " " + decisions(e.getValue()) + ", R/‖θ*‖²_Σ = " + values(e.getValue(), 1)
                    + ", attack cost " + values(e.getValue(), 2) + "× the ground truth's");
        }
        return b.append(String.join("; ", parts)).append(".").toString();
    }

    /** "HOLDS" when every regime agrees, else each regime's decision in order. */
    private static String decisions(List<Verdict> vs) {
        Decision first = vs.get(0).decision();
        if (vs.stream().allMatch(v -> v.decision() == first)) {
            return first.word();
        }
        List<String> each = new ArrayList<>();
        for (Verdict v : vs) {
            each.add(v.decision().word());
        }
        return String.join(" / ", each);
    }

    /** Condition k: the first verdict's value with its interval, the others' estimates in brackets. */
    private static String values(List<Verdict> vs, int k) {
        if (vs.get(0).criteria().size() <= k) {
            return "n/a";
        }
        StringBuilder b = new StringBuilder(Sentences.value(vs.get(0).criteria().get(k)));
        List<String> rest = new ArrayList<>();
        for (Verdict v : vs.subList(1, vs.size())) {
            List<Criterion> cs = v.criteria();
            rest.add(cs.size() > k ? RunData.fmt(cs.get(k).interval().estimate()) : "n/a");
        }
        return rest.isEmpty() ? b.toString() : b.append(" (").append(String.join(", ", rest)).append(")").toString();
    }
}
