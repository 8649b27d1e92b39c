package org.advrisk.report;

import static org.advrisk.report.Verdicts.GAP_FACTOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.TrialCells;
import org.advrisk.stats.Verdict;

/**
 * Claim (iii)'s finite network: one verdict per setting and finite width (at λ = 0, the largest α),
 * the network's function against the infinite-width kernel's on the test points, with the laziness
 * diagnostics, the risks next to the kernel's and the input gradients as numbers. The ratio's 95% interval
 * is the bootstrap over training sets (each with its own initialisation) of the other verdicts.
 */
final class NetworkVerdicts {
    /** The rule's statistic. */
    static final String STATISTIC = "RMS|f_net − f_kernel| / RMS f_kernel";

    private NetworkVerdicts() {
    }

    static List<Verdict> of(RunData data) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, g -> g.number(Columns.LAMBDA) == 0);
            double[] alphas = RunData.distinct(gs, Columns.ALPHA);
            double a = alphas[alphas.length - 1];
            for (Group g : gs) {
                if (!(g.key().get(Columns.M.name()) instanceof Number mm) || g.number(Columns.ALPHA) != a) {
                    continue;
                }
                int m = mm.intValue();
                Group inf = null;
                for (Group h : gs) {
                    if ("inf".equals(String.valueOf(h.key().get(Columns.M.name()))) && h.number(Columns.ALPHA) == a
                            && h.number(Columns.N) == g.number(Columns.N)) {
                        inf = h;
                    }
                }
                double ratio = g.mean(Columns.KERNEL_GAP_RMS) / g.mean(Columns.KERNEL_RMS);
                double bound = GAP_FACTOR / Math.sqrt(m / 2.0);
                TrialCells cells = cells(data, s, m, a, g.number(Columns.N));
                List<Criterion> criteria = VerdictStats.criteria(cells, List.of(STATISTIC),
                        List.of(VerdictStats.ratioAtMax(0, 1)), new boolean[] {false}, new double[] {bound});
                out.add(new Verdict("(iii) one finite network trained by GD tracks the kernel", RunData.label(s)
                        + ", m = " + m, "f_net vs f_kernel on the test points, laziness, risks, input gradients",
                        numbers(g, inf, m, a, ratio, bound), org.advrisk.stats.Decision.all(criteria.stream().map(Criterion::decision).toList()), criteria,
                        VerdictRules.RULE_III_NET));
            }
        }
        return out;
    }

    /**
     * Per training set (trial, with its own network initialisation), RMS|f_net − f_kernel| and RMS f_kernel
     * of the width-m network at one n, λ = 0 and budget α: the bootstrap's cells (one n).
     */
    static TrialCells cells(RunData data, Map<String, Object> setting, int m, double alpha, double n) {
        java.util.TreeMap<Integer, double[]> byTrial = new java.util.TreeMap<>();
        for (Map<String, Object> r : data.rows()) {
            boolean match = true;
            for (Map.Entry<String, Object> e : setting.entrySet()) {
                match &= RunData.same(r.get(e.getKey()), e.getValue());
            }
            if (!match || !(r.get(Columns.M.name()) instanceof Number w) || w.intValue() != m
                    || ((Number) r.get(Columns.N.name())).doubleValue() != n
                    || ((Number) r.get(Columns.LAMBDA.name())).doubleValue() != 0
                    || ((Number) r.get(Columns.ALPHA.name())).doubleValue() != alpha
                    || !(r.get(Columns.KERNEL_GAP_RMS.name()) instanceof Number gap)
                    || !(r.get(Columns.KERNEL_RMS.name()) instanceof Number rms)) {
                continue;
            }
            byTrial.put(((Number) r.get(Columns.TRIAL.name())).intValue(),
                    new double[] {gap.doubleValue(), rms.doubleValue()});
        }
        return new TrialCells(new double[] {n}, List.of(Columns.KERNEL_GAP_RMS.name(), Columns.KERNEL_RMS.name()),
                java.util.Collections.singletonList(byTrial.values().toArray(new double[0][])));
    }

    /** The number of training sets with a finite-width network. */
    static int trials(RunData data) {
        return (int) data.rows().stream().filter(r -> r.get(Columns.M.name()) instanceof Number)
                .map(r -> r.get(Columns.TRIAL.name())).distinct().count();
    }

    private static Numbers numbers(Group g, Group inf, int m, double a, double ratio, double bound) {
        double d = g.number(Columns.D);
        double split = g.mean(Columns.SPLIT_PAIRS);
        Numbers.Builder num = Numbers.builder().words("n = ").integer("n", g.number(Columns.N)).words(", d = ")
                .integer("d", d).words(", m = ").integer("m", m)
                .words(": RMS|f_net − f_kernel| = ").real(Columns.KERNEL_GAP_RMS.name(), g.mean(Columns.KERNEL_GAP_RMS))
                .words(" / RMS f_kernel = ").real(Columns.KERNEL_RMS.name(), g.mean(Columns.KERNEL_RMS)).words(" → ")
                .real("ratio", ratio).words(" vs ").integer("gap factor", GAP_FACTOR).words("/√(m/2) = ")
                .real("bound", bound);
        mean(num, "; max gap ", g, Columns.KERNEL_GAP);
        mean(num, "; ‖Θ̂ − Θ‖/‖Θ‖ = ", g, Columns.NTK_REL_ERR);
        mean(num, "; relative weight movement ", g, Columns.WEIGHT_MOVE);
        mean(num, "; activation flips ", g, Columns.FLIPPED);
        mean(num, "; |f_net − f_lin| (network linearised at init, max) ", g, Columns.LIN_GAP);
        mean(num, "; train MSE ", g, Columns.TRAIN_MSE);
        num.words(". Risks, network");
        if (inf != null) {
            num.words(" vs kernel (width inf, λ = 0)");
        }
        versus(num, ": R ", g, inf, Columns.STD_RISK);
        versus(num.words("; R_α PGD (α = ").real("alpha", a).words(")"), " ", g, inf, Columns.ADV_RISK);
        versus(num, "; first-order surrogate ", g, inf, Columns.ADV_RISK_FIRST_ORDER);
        mean(num, ". Input gradients: mean ‖∇f_net‖ = ", g, Columns.GRAD_NORM);
        mean(num, " vs mean ‖∇f_kernel‖ = ", g, Columns.KERNEL_GRAD_NORM);
        mean(num, "; along u = ∇f_kernel/‖∇f_kernel‖: a.e. ∇f_net·u = ", g, Columns.GRAD_ALONG_KERNEL);
        num.words(", central difference of f_net (h = ").real("h", org.advrisk.ntk.NtkTrial.FD_STEP).words(")");
        mean(num, " ", g, Columns.FD_NET_SLOPE);
        mean(num, ", of f_kernel ", g, Columns.FD_KERNEL_SLOPE);
        mean(num, "; pairs with equal activation give RMS ", g, Columns.GRAD_SAME_RMS);
        num.words(", the ").real(Columns.SPLIT_PAIRS.name(), split);
        mean(num, " pairs split by the kink per point give RMS ", g, Columns.GRAD_SPLIT_RMS);
        return num.words(" (√(split·d/m) = ").real("√(split·d/m)", Math.sqrt(split * d / m)).words(")").build();
    }

    /** words, then the group's mean of a column (named after it). */
    private static void mean(Numbers.Builder num, String words, Group g, Column c) {
        num.words(words).real(c.name(), g.mean(c));
    }

    /** words, the network's mean, and " vs " the kernel's when there is one. */
    private static void versus(Numbers.Builder num, String words, Group g, Group inf, Column c) {
        mean(num, words, g, c);
        if (inf != null) {
            num.words(" vs ").real(c.name() + " (kernel)", inf.mean(c));
        }
    }
}
