package org.advrisk.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.report.Reports.Role;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Verdict;

/**
 * The first-screen summaries of the reproduction's parts, by role; a role without an entry gets
 * {@link #GENERIC}. Each sentence quotes the verdicts' own statistics with their 95% intervals.
 */
public final class PartSummaries {
    /** First figure; per verdict its first two conditions. */
    public static final PartSummary GENERIC = (vs, data) -> Sentences.generic(vs);

    private static final Map<Role, PartSummary> BY_ROLE = new EnumMap<>(Role.class);

    static {
        BY_ROLE.put(Role.CLAIM1, new PartSummary() {
            @Override
            public Plots.Plot figure(List<Plots.Plot> plots) {
                return PartSummary.byStem(plots, "risk-vs-n");
            }

            @Override
            public String sentence(List<Verdict> vs, RunData data) {
                return "‖θ̂‖² grows " + Sentences.value(vs, "‖θ̂‖²(n_max)/") + "× from n = " + Sentences.integer(vs, "n_min")
                        + " to " + Sentences.integer(vs, "n_max") + " while R falls (log-log slope "
                        + Sentences.value(vs, "slope of ln R on") + "); " + lastAdv(vs, "× the ground truth's α²‖θ*‖²") + ".";
            }
        });
        PartSummary trade = new PartSummary() {
            @Override
            public Plots.Plot figure(List<Plots.Plot> plots) {
                return PartSummary.byStem(plots, "regret-vs-n", "frontier");
            }

            @Override
            public String sentence(List<Verdict> vs, RunData data) {
                return "At n = " + Sentences.integer(vs, "n_max") + " the λ best for R leaves R_α at A = "
                        + Sentences.value(vs, "A(n_max)") + "× its minimum and the λ best for R_α leaves R at S = "
                        + Sentences.value(vs, "S(n_max)") + "× its minimum (log-log slopes of A, S: "
                        + Sentences.value(vs, "slope of ln A") + ", " + Sentences.value(vs, "slope of ln S") + ").";
            }
        };
        BY_ROLE.put(Role.CLAIM2, trade);
        BY_ROLE.put(Role.CONTRAST, trade);
        BY_ROLE.put(Role.CLAIM3, new PartSummary() {
            @Override
            public Plots.Plot figure(List<Plots.Plot> plots) {
                return PartSummary.byStem(plots, "risk-vs-n");
            }

            @Override
            public String sentence(List<Verdict> vs, RunData data) {
                return "Interpolator: E‖∇f̂‖² grows " + Sentences.value(vs, "E‖∇f̂‖²(n_max)/") + "× from n = "
                        + Sentences.integer(vs, "n_min") + " to " + Sentences.integer(vs, "n_max") + ", R falls (slope "
                        + Sentences.value(vs, "slope of ln R on") + "), R_α rises (slope "
                        + Sentences.value(vs, "slope of ln R_α") + "). Kernel ridge: A = " + Sentences.value(vs, "A(n_max)")
                        + ", S = " + Sentences.value(vs, "S(n_max)") + " at n_max.";
            }
        });
        BY_ROLE.put(Role.CLAIM3_NET, (vs, data) -> {
            StringBuilder b = new StringBuilder();
            for (Verdict v : vs) {
                Criterion c = v.criteria().isEmpty() ? null : v.criteria().get(0);
                int trials = data == null ? 0 : NetworkVerdicts.trials(data);
                b.append(b.length() == 0 ? "" : " ").append("Width m = ").append(Sentences.integer(List.of(v), "m"))
                        .append(", n = ").append(Sentences.integer(List.of(v), "n")).append(": the network's function")
                        .append(" differs from the kernel's by RMS ")
                        .append(c == null ? Sentences.number(List.of(v), "ratio") : Sentences.value(c))
                        .append(" of RMS f_kernel (allowed ").append(Sentences.number(List.of(v), "bound"))
                        .append(" = 3/√(m/2))").append(trials > 1 ? " over " + trials + " training sets" : "")
                        .append("; R_α (PGD) ").append(Sentences.number(List.of(v), Columns.ADV_RISK.name()))
                        .append(" vs the kernel's ").append(Sentences.number(List.of(v), Columns.ADV_RISK.name() + " (kernel)"))
                        .append(".");
            }
            return b.toString();
        });
        BY_ROLE.put(Role.ADVTRAIN, new PartSummary() {
            @Override
            public Plots.Plot figure(List<Plots.Plot> plots) {
                return PartSummary.byStem(plots, "frontier-advtrain", "frontier");
            }

            @Override
            public String sentence(List<Verdict> vs, RunData data) {
                return "At n_max ridge along λ: A = " + Sentences.value(vs, "A_λ") + ", S = " + Sentences.value(vs, "S_λ")
                        + "; adversarial training along δ: A = " + Sentences.value(vs, "A_δ") + ", S = "
                        + Sentences.value(vs, "S_δ") + " (escaping the trade-off needs both below 1.5).";
            }
        });
        BY_ROLE.put(Role.REAL_DATA, (vs, data) -> realData(vs));
        BY_ROLE.put(Role.REGIMES, new RegimesSummary());
    }

    private PartSummaries() {
    }

    /** The summary of a role ({@link #GENERIC} when it has none of its own). */
    public static PartSummary of(Role role) {
        return BY_ROLE.getOrDefault(role, GENERIC);
    }

    /** "R_α(n_max) reaches X [lo, hi]{tail} (α = a)" for the largest α's condition, or "". */
    private static String lastAdv(List<Verdict> vs, String tail) {
        Criterion last = null;
        for (Verdict v : vs) {
            for (Criterion c : v.criteria()) {
                if (c.name().startsWith("R_α(n_max)/")) {
                    last = c;
                }
            }
        }
        if (last == null) {
            return "no budget α > 0";
        }
        String name = last.name();
        String alpha = name.contains("(α = ") ? name.substring(name.indexOf("(α = ") + 1, name.length() - 1) : "";
        return "R_α(n_max) reaches " + Sentences.value(last) + tail + (alpha.isEmpty() ? "" : " (" + alpha + ")");
    }

    /** Per claim: how many (data set, α) hold, and each data set's first statistic at the first α. */
    private static String realData(List<Verdict> vs) {
        StringBuilder b = new StringBuilder();
        for (String claim : new String[] {"(i)", "(ii)"}) {
            List<Verdict> of = vs.stream().filter(v -> v.claim().startsWith(claim + " ")).toList();
            if (of.isEmpty()) {
                continue;
            }
            long holds = of.stream().filter(v -> v.decision() == Decision.HOLDS).count();
            b.append(b.length() == 0 ? "" : " ").append("Claim ").append(claim).append(" holds in ").append(holds)
                    .append(" of ").append(of.size()).append(" (data set, α)");
            java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
            String sep = ": ";
            for (Verdict v : of) {
                String set = v.setting().split("[:,]")[0];
                if (seen.add(set) && !v.criteria().isEmpty()) {
                    b.append(sep).append(set).append(" ").append(Sentences.named(v.criteria().get(0)));
                    sep = ", ";
                }
            }
            b.append(".");
        }
        return b.toString();
    }
}
