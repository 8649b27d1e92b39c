package org.advrisk.report;

import org.advrisk.stats.Numbers;
import org.advrisk.stats.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Regret;
import org.advrisk.stats.TrialCells;

/**
 * The verdicts of the part "who the attacker is" (issue 22): the claim (i) setting under budgets shaped by
 * the covariance (attack_scale G) and label-preserving attacks, on the same training sets. Three rules
 * ({@link #RULE_SPREAD}, {@link #RULE_LABEL}, {@link #RULE_RIDGE}), each with bootstrap intervals over training
 * sets (a training set keeps all its attackers and λ values together).
 */
final class AttackerVerdicts {
    /** "The harm disappears": R_α(θ̂_mn)/R_α(θ*) at n_max below this factor (claim (i)'s rule asks for > 10). */
    static final double SPREAD = 2;
    /** "Keeps the harm": the label-preserving R_α at n_max is at least this fraction of the isotropic one. */
    static final double KEEP = 0.5;

    static final String RULE_SPREAD = VerdictRules.BOOTSTRAP + "Min-norm (λ = 0) with budgets in units of each"
            + " direction's spread (G = 1: {δ : ‖Σ^{−1/2}δ‖₂ ≤ α}, the ground truth pays α²θ*ᵀΣθ*), at the largest α: HOLDS"
            + " when the ratio R_α(θ̂)/R_α(θ*) at n_max is < " + (int) SPREAD + " (claim (i)'s rule asks for > "
            + (int) Verdicts.FAR + "× with the isotropic ball) and the slope of ln R_α on ln n is < 0 (it does not"
            + " grow with n).";
    static final String RULE_LABEL = VerdictRules.BOOTSTRAP + "Min-norm (λ = 0), l2 attacks restricted to δ ⊥ θ*"
            + " (the ground truth's prediction never moves, so it pays 0; the ratio is therefore taken to the isotropic"
            + " ground truth's α²‖θ*‖², as in claim (i)), at the largest α: HOLDS when the slope of ln R_α on ln n is"
            + " > 0, R_α(n_max) > " + (int) Verdicts.FAR + "× α²‖θ*‖² and R_α(n_max) is at least " + KEEP
            + "× the isotropic attacker's R_α(n_max) on the same training sets.";
    static final String RULE_RIDGE = VerdictRules.BOOTSTRAP + "Ridge along the λ grid (with 0) at G = 1 (budgets in"
            + " units of each direction's spread), the regret ratios of claim (ii): A = R_α(θ̂_λstd)/min_λ R_α and"
            + " S = R(θ̂_λadv)/min_λ R at n_max. HOLDS (the trade-off disappears) when both are < " + Verdicts.REGRET
            + "; the isotropic attacker's A and S on the same training sets are printed beside them.";

    private AttackerVerdicts() {
    }

    /** One quantity: a column at λ and α among the rows of one setting. */
    record Sel(Map<String, Object> setting, Column column, double lambda, double alpha) {
    }

    /** The setting of a threat (G, label constraint), or null when the run has none. */
    static Map<String, Object> setting(RunData data, double g, boolean lp) {
        for (Map<String, Object> s : data.settings()) {
            if (s.get(Columns.ATTACK_SCALE.name()) instanceof Number x && x.doubleValue() == g
                    && Boolean.valueOf(lp).equals(s.get(Columns.LABEL_PRESERVING.name()))) {
                return s;
            }
        }
        return null;
    }

    static double largestAlpha(RunData data, Map<String, Object> s) {
        double[] as = RunData.distinct(data.groups(s, g -> true), Columns.ALPHA);
        return as[as.length - 1];
    }

    /** The three verdicts (none when the run lacks the G = 0, G = 1 or label-preserving attackers). */
    static List<Verdict> verdicts(RunData data) {
        Map<String, Object> iso = setting(data, 0, false);
        Map<String, Object> spread = setting(data, 1, false);
        Map<String, Object> label = setting(data, 0, true);
        if (iso == null || spread == null || label == null) {
            return List.of();
        }
        double a = largestAlpha(data, iso);
        List<Group> gs = data.groups(iso, g -> g.number(Columns.LAMBDA) == 0);
        double[] ns = RunData.distinct(gs, Columns.N);
        if (ns.length < 3) {
            return List.of();
        }
        String where = RunData.label(iso).replace(", attack scale G = 0", "") + ", α = " + RunData.fmt(a);
        List<Verdict> out = new ArrayList<>();
        // (1) G = 1
        TrialCells c1 = cells(data, List.of(new Sel(spread, Columns.ADV_RISK, 0, a),
                new Sel(spread, Columns.GT_ADV_RISK, 0, a), new Sel(iso, Columns.ADV_RISK, 0, a),
                new Sel(iso, Columns.GT_ADV_RISK, 0, a)));
        List<Criterion> cr1 = VerdictStats.criteria(c1, List.of("R_α(θ̂)/R_α(θ*) at n_max (G = 1)",
                "slope of ln R_α on ln n (G = 1)"), List.of(VerdictStats.ratioAtMax(0, 1), VerdictStats.slope(0)),
                new boolean[] {false, false}, new double[] {SPREAD, 0});
        Numbers.Builder n1 = Numbers.builder().words("n ").integer("n_min", ns[0]).words(" → ").integer("n_max",
                ns[ns.length - 1]).words(": R_α(θ̂)/R_α(θ*) at G = 1 ");
        ratios(n1, data, spread, a, "G = 1", 1);
        n1.words("; G = 0.5 ");
        Map<String, Object> half = setting(data, 0.5, false);
        if (half != null) {
            ratios(n1, data, half, a, "G = 0.5", 1);
        }
        n1.words("; isotropic (G = 0) ");
        ratios(n1, data, iso, a, "G = 0", 1);
        out.add(new Verdict("beyond (i): with budgets in units of each direction's spread (G = 1) the harm of claim (i)"
                + " disappears", where, "mean over trials of R_α(θ̂_mn) and R_α(θ*) per n, G = 1", n1.build(),
                Decision.all(cr1.stream().map(Criterion::decision).toList()), cr1, RULE_SPREAD));
        // (2) label-preserving
        TrialCells c2 = cells(data, List.of(new Sel(label, Columns.ADV_RISK, 0, a), new Sel(iso, Columns.GT_ADV_RISK, 0, a),
                new Sel(iso, Columns.ADV_RISK, 0, a)));
        List<Criterion> cr2 = VerdictStats.criteria(c2, List.of("slope of ln R_α on ln n (label-preserving)",
                "R_α(n_max)/α²‖θ*‖² (label-preserving)", "R_α(n_max) label-preserving / isotropic"),
                List.of(VerdictStats.slope(0), VerdictStats.ratioAtMax(0, 1), VerdictStats.ratioAtMax(0, 2)),
                new boolean[] {true, true, true}, new double[] {0, Verdicts.FAR, KEEP});
        Numbers.Builder n2 = Numbers.builder().words("n ").integer("n_min", ns[0]).words(" → ").integer("n_max",
                ns[ns.length - 1]).words(": R_α(θ̂)/α²‖θ*‖² label-preserving ");
        ratios(n2, data, label, a, "label-preserving", gtIso(data, iso, a));
        n2.words("; isotropic ");
        ratios(n2, data, iso, a, "isotropic", 1);
        out.add(new Verdict("beyond (i): label-preserving attacks (δ ⊥ θ*) keep the harm of claim (i)", where,
                "mean over trials of R_α(θ̂_mn) per n, label-preserving and isotropic", n2.build(),
                Decision.all(cr2.stream().map(Criterion::decision).toList()), cr2, RULE_LABEL));
        // (3) ridge's A and S at G = 1
        double[] lambdas = RunData.distinct(data.groups(spread, g -> true), Columns.LAMBDA);
        if (lambdas.length >= 3) {
            List<Sel> sels = new ArrayList<>();
            for (Map<String, Object> s : List.of(spread, iso)) {
                for (Column col : List.of(Columns.STD_RISK, Columns.ADV_RISK)) {
                    for (double l : lambdas) {
                        sels.add(new Sel(s, col, l, a));
                    }
                }
            }
            int g = lambdas.length;
            TrialCells c3 = cells(data, sels);
            List<Criterion> cr3 = VerdictStats.criteria(c3, List.of("A(n_max) at G = 1", "S(n_max) at G = 1"),
                    List.of(Regret.at(-1, 0, g, true), Regret.at(-1, 0, g, false)), new boolean[] {false, false},
                    new double[] {Verdicts.REGRET, Verdicts.REGRET});
            List<org.advrisk.stats.Interval> isoAs = org.advrisk.stats.Bootstrap.standard(VerdictStats.SEED).intervals(c3,
                    List.of(Regret.at(-1, 2 * g, g, true), Regret.at(-1, 2 * g, g, false)));
            Numbers.Builder n3 = Numbers.builder().words("at n = ").integer("n_max", ns[ns.length - 1])
                    .words(": G = 1: A = ").real("A(G=1)", cr3.get(0).interval().estimate()).words(", S = ")
                    .real("S(G=1)", cr3.get(1).interval().estimate()).words("; isotropic (G = 0): A = ")
                    .real("A(G=0)", isoAs.get(0).estimate()).words(" [").real("A(G=0) lo", isoAs.get(0).lo()).words(", ")
                    .real("A(G=0) hi", isoAs.get(0).hi()).words("], S = ").real("S(G=0)", isoAs.get(1).estimate())
                    .words(" [").real("S(G=0) lo", isoAs.get(1).lo()).words(", ").real("S(G=0) hi", isoAs.get(1).hi())
                    .words("]");
            out.add(new Verdict("beyond (ii): with budgets in units of each direction's spread (G = 1) ridge's trade-off"
                    + " disappears (A and S near 1)", where, "regret ratios A, S along λ from mean risks, G = 1",
                    n3.build(), Decision.all(cr3.stream().map(Criterion::decision).toList()), cr3, RULE_RIDGE));
        }
        return out;
    }

    private static double gtIso(RunData data, Map<String, Object> iso, double a) {
        List<Group> gs = data.groups(iso, g -> g.number(Columns.LAMBDA) == 0);
        double[] ns = RunData.distinct(gs, Columns.N);
        return RunData.series(gs, ns, a, Columns.GT_ADV_RISK)[ns.length - 1];
    }

    /** "r(n_min) → r(n_max)" of mean R_α over its own ground truth (ref = 1) or over a fixed reference. */
    private static void ratios(Numbers.Builder num, RunData data, Map<String, Object> s, double a, String name,
                               double ref) {
        double[] r = ratioSeries(data, s, a, ref);
        num.real(name + " ratio(n_min)", r[0]).words(" → ").real(name + " ratio(n_max)", r[r.length - 1]);
    }

    /** Mean R_α over (ref = 1: the threat's own mean ground-truth risk; else ref) at each n, λ = 0. */
    static double[] ratioSeries(RunData data, Map<String, Object> s, double a, double ref) {
        List<Group> gs = data.groups(s, g -> g.number(Columns.LAMBDA) == 0);
        double[] ns = RunData.distinct(gs, Columns.N);
        double[] adv = RunData.series(gs, ns, a, Columns.ADV_RISK);
        double[] gt = RunData.series(gs, ns, a, Columns.GT_ADV_RISK);
        double[] out = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            out[i] = adv[i] / (ref == 1 ? gt[i] : ref);
        }
        return out;
    }

    /** Per n, per training set, the selected quantities (each from its own setting); incomplete trials dropped. */
    static TrialCells cells(RunData data, List<Sel> sels) {
        TreeMap<Double, TreeMap<Integer, double[]>> byN = new TreeMap<>();
        TreeMap<Double, TreeMap<Integer, Integer>> count = new TreeMap<>();
        for (Map<String, Object> r : data.rows()) {
            double n = ((Number) r.get(Columns.N.name())).doubleValue();
            int trial = ((Number) r.get(Columns.TRIAL.name())).intValue();
            double lambda = ((Number) r.get(Columns.LAMBDA.name())).doubleValue();
            double alpha = ((Number) r.get(Columns.ALPHA.name())).doubleValue();
            for (int k = 0; k < sels.size(); k++) {
                Sel q = sels.get(k);
                if (q.lambda() != lambda || q.alpha() != alpha || !(r.get(q.column().name()) instanceof Number v)
                        || !matches(r, q.setting())) {
                    continue;
                }
                byN.computeIfAbsent(n, x -> new TreeMap<>()).computeIfAbsent(trial, x -> new double[sels.size()])[k]
                        = v.doubleValue();
                count.computeIfAbsent(n, x -> new TreeMap<>()).merge(trial, 1, Integer::sum);
            }
        }
        List<Double> ns = new ArrayList<>();
        List<double[][]> values = new ArrayList<>();
        for (Map.Entry<Double, TreeMap<Integer, double[]>> e : byN.entrySet()) {
            List<double[]> trials = new ArrayList<>();
            for (Map.Entry<Integer, double[]> t : e.getValue().entrySet()) {
                if (count.get(e.getKey()).get(t.getKey()) == sels.size()
                        && java.util.Arrays.stream(t.getValue()).allMatch(Double::isFinite)) {
                    trials.add(t.getValue());
                }
            }
            if (!trials.isEmpty()) {
                ns.add(e.getKey());
                values.add(trials.toArray(new double[0][]));
            }
        }
        List<String> names = sels.stream().map(q -> q.column().name() + "@λ=" + q.lambda()).toList();
        return new TrialCells(ns.stream().mapToDouble(Double::doubleValue).toArray(), names, values);
    }

    private static boolean matches(Map<String, Object> row, Map<String, Object> setting) {
        for (Map.Entry<String, Object> e : setting.entrySet()) {
            if (!RunData.same(row.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
