package org.advrisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.Statistic;
import org.advrisk.stats.Verdict;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Verdicts computed from a run's numbers by rules stated in the report (never written by hand), as
 * values ({@link Verdict}: conditions with intervals, thresholds and decisions, the numbers, the rule;
 * rules in {@link VerdictRules}); {@link VerdictText} writes them. Claims (i) and (iii) over n here,
 * the trade-off claims along λ in {@link TradeVerdicts}, the finite network in {@link NetworkVerdicts}.
 */
public final class Verdicts {
    /** Rank correlation with n that counts as a clear trend. */
    public static final double RHO = 0.8;
    /** "Far above" the ground truth's adversarial risk: at least this factor. */
    public static final double FAR = 10;
    /** Regret ratio that counts as a clear trade-off. */
    public static final double REGRET = 1.5;
    /** Relative RMS gap allowed for a finite network of width m: {@code GAP_FACTOR}/√(m/2). */
    public static final double GAP_FACTOR = 3;

    private Verdicts() {
    }

    /** Claim (i) verdicts, one per setting with at least 3 values of n at λ = 0. */
    public static List<Verdict> claimOne(RunData data) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, g -> g.number(Columns.LAMBDA) == 0);
            double[] ns = RunData.distinct(gs, Columns.N);
            double[] alphas = RunData.distinct(gs, Columns.ALPHA);
            if (ns.length < 3) {
                continue;
            }
            double[] r = RunData.series(gs, ns, alphas[0], Columns.STD_RISK);
            double[] nn = RunData.series(gs, ns, alphas[0], Columns.NORM_L2_SQ);
            int last = ns.length - 1;
            Conditions c = new Conditions();
            c.add(new VerdictStats.Q(Columns.STD_RISK, 0, alphas[0]));
            c.add(new VerdictStats.Q(Columns.NORM_L2_SQ, 0, alphas[0]));
            c.rule("slope of ln R on ln n", VerdictStats.slope(0), false, 0);
            c.rule("slope of ln ‖θ̂‖² on ln n", VerdictStats.slope(1), true, 0);
            c.rule("‖θ̂‖²(n_max)/‖θ̂‖²(n_min)", VerdictStats.growth(1), true, 2);
            Numbers.Builder num = Numbers.builder().words("n ").integer("n_min", ns[0]).words(" → ")
                    .integer("n_max", ns[last]);
            trend(num.words(": R "), "R", r, ns);
            trend(num.words("; ‖θ̂‖² "), "‖θ̂‖²", nn, ns);
            for (double a : alphas) {
                if (a == 0) {
                    continue;
                }
                double[] ra = RunData.series(gs, ns, a, Columns.ADV_RISK);
                double gt = RunData.series(gs, ns, a, Columns.GT_ADV_RISK)[last];
                int k = c.quantities();
                c.add(new VerdictStats.Q(Columns.ADV_RISK, 0, a));
                c.add(new VerdictStats.Q(Columns.GT_ADV_RISK, 0, a));
                c.rule("slope of ln R_α on ln n (α = " + RunData.fmt(a) + ")", VerdictStats.slope(k), true, 0);
                c.rule("R_α(n_max)/α²‖θ*‖² (α = " + RunData.fmt(a) + ")", VerdictStats.ratioAtMax(k, k + 1), true, FAR);
                num.words("; α = ").real("alpha", a).words(": R_α ");
                trend(num, "R_α", ra, ns);
                num.words(", ").real("R_α(n_max)/gt", ra[last] / gt).words("× the ground truth's ").real("gt", gt);
            }
            List<Criterion> cr = c.criteria(data, s);
            out.add(new Verdict("(i) min-norm: standard risk falls while ‖θ̂‖ and the adversarial risk explode",
                    RunData.label(s), "mean over trials of R, ‖θ̂‖², R_α at λ = 0 for each n", num.build(),
                    Decision.all(cr.stream().map(Criterion::decision).toList()), cr, VerdictRules.RULE_I));
        }
        return out;
    }

    /** Claim (iii) verdicts (NTK family), one per setting with at least 3 values of n at λ = 0. */
    public static List<Verdict> claimThree(RunData data) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, g -> g.number(Columns.LAMBDA) == 0 && RunData.infiniteWidth(g));
            double[] ns = RunData.distinct(gs, Columns.N);
            double[] alphas = RunData.distinct(gs, Columns.ALPHA);
            if (ns.length < 3) {
                continue;
            }
            int last = ns.length - 1;
            double a = alphas[alphas.length - 1];
            double[] ra = RunData.series(gs, ns, a, Columns.ADV_RISK);
            double[] lam = RunData.series(gs, ns, a, Columns.LAMBDA_EFF);
            double[] corr = RunData.series(gs, ns, a, Columns.LIN_CORR);
            Conditions c = new Conditions();
            c.add(new VerdictStats.Q(Columns.STD_RISK, 0, alphas[0]));
            c.add(new VerdictStats.Q(Columns.NORM_L2_SQ, 0, alphas[0]));
            c.add(new VerdictStats.Q(Columns.ADV_RISK, 0, a));
            c.add(new VerdictStats.Q(Columns.GT_ADV_RISK, 0, a));
            c.rule("slope of ln R on ln n", VerdictStats.slope(0), false, 0);
            c.rule("slope of ln E‖∇f̂‖² on ln n", VerdictStats.slope(1), true, 0);
            c.rule("E‖∇f̂‖²(n_max)/E‖∇f̂‖²(n_min)", VerdictStats.growth(1), true, 2);
            c.rule("slope of ln R_α on ln n (α = " + RunData.fmt(a) + ")", VerdictStats.slope(2), true, 0);
            c.rule("R_α(n_max)/α²‖θ*‖² (α = " + RunData.fmt(a) + ")", VerdictStats.ratioAtMax(2, 3), true, 1);
            List<Criterion> cr = c.criteria(data, s);
            Decision holds = a > 0 ? Decision.all(cr.stream().map(Criterion::decision).toList()) : Decision.DOES_NOT_HOLD;
            Numbers.Builder num = Numbers.builder().words("n ").integer("n_min", ns[0]).words(" → ")
                    .integer("n_max", ns[last]);
            trend(num.words(": R "), "R", RunData.series(gs, ns, alphas[0], Columns.STD_RISK), ns);
            trend(num.words("; E‖∇f̂‖² "), "E‖∇f̂‖²", RunData.series(gs, ns, alphas[0], Columns.NORM_L2_SQ), ns);
            num.words("; α = ").real("alpha", a).words(": R_α ");
            trend(num, "R_α", ra, ns);
            num.words(", ground truth ").real("gt", RunData.series(gs, ns, a, Columns.GT_ADV_RISK)[last])
                    .words("; λ_eff ").real("λ_eff(n_min)", lam[0]).words(" → ").real("λ_eff(n_max)", lam[last])
                    .words(", correlation with linear ridge at λ_eff ").real("corr(n_min)", corr[0]).words(" → ")
                    .real("corr(n_max)", corr[last]);
            deErrors(num, gs, ns, a);
            out.add(new Verdict("(iii) NTK interpolator: standard risk falls while the adversarial risk rises",
                    RunData.label(s), "mean over trials of R, E‖∇f̂‖², R_α (PGD) at λ = 0 for each n", num.build(),
                    holds, cr, VerdictRules.RULE_III));
        }
        return out;
    }

    /** Claim (iii) finite-network verdicts ({@link NetworkVerdicts}). */
    public static List<Verdict> network(RunData data) {
        return NetworkVerdicts.of(data);
    }

    /** Claim (ii) (or contrast) verdicts ({@link TradeVerdicts}). */
    public static List<Verdict> claimTwo(RunData data, boolean contrast) {
        return TradeVerdicts.claimTwo(data, contrast);
    }

    /** Claim (iii) kernel-ridge verdicts ({@link TradeVerdicts}). */
    public static List<Verdict> claimThreeRidge(RunData data) {
        return TradeVerdicts.claimThreeRidge(data);
    }

    /** Whether a group is at infinite width (no m column, or m = inf). */
    public static boolean infiniteWidth(Group g) {
        return RunData.infiniteWidth(g);
    }

    /** "first → last (ρ = …)" of a quantity along n. */
    private static void trend(Numbers.Builder num, String name, double[] v, double[] ns) {
        num.real(name + "(n_min)", v[0]).words(" → ").real(name + "(n_max)", v[v.length - 1]).words(" (ρ = ")
                .real("rho(n, " + name + ")", spearman(ns, v)).words(")");
    }

    /** "; deterministic equivalent …: n = …: R, E‖∇f̂‖², R_α relative errors;" when the rows carry de_* columns. */
    private static void deErrors(Numbers.Builder num, List<Group> gs, double[] ns, double a) {
        double[] dr = RunData.series(gs, ns, a, Columns.DE_STD_RISK);
        if (Double.isNaN(dr[0])) {
            return;
        }
        double[] r = RunData.series(gs, ns, a, Columns.STD_RISK);
        double[] dg = RunData.series(gs, ns, a, Columns.DE_NORM_L2);
        double[] g = RunData.series(gs, ns, a, Columns.NORM_L2_SQ);
        double[] da = RunData.series(gs, ns, a, Columns.DE_ADV_RISK);
        double[] ra = RunData.series(gs, ns, a, Columns.ADV_RISK);
        num.words("; deterministic equivalent (linear ridge at λ_eff), relative error DE/sim − 1 of R, E‖∇f̂‖², R_α:");
        for (int i = 0; i < ns.length; i++) {
            num.words(" n = ").integer("n", ns[i]).words(": ").percent("R DE/sim − 1", dr[i] / r[i] - 1).words(", ")
                    .percent("E‖∇f̂‖² DE/sim − 1", dg[i] * dg[i] / g[i] - 1).words(", ")
                    .percent("R_α DE/sim − 1", da[i] / ra[i] - 1).words(";");
        }
    }

    static double spearman(double[] x, double[] y) {
        return new SpearmansCorrelation().correlation(x, y);
    }

    /** The quantities a rule's conditions read and the conditions themselves (name, statistic, side, threshold). */
    static final class Conditions {
        private final List<VerdictStats.Q> qs = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<Statistic> stats = new ArrayList<>();
        private final List<Boolean> above = new ArrayList<>();
        private final List<Double> thresholds = new ArrayList<>();

        void add(VerdictStats.Q q) {
            qs.add(q);
        }

        int quantities() {
            return qs.size();
        }

        void rule(String name, Statistic statistic, boolean isAbove, double threshold) {
            names.add(name);
            stats.add(statistic);
            above.add(isAbove);
            thresholds.add(threshold);
        }

        /** The conditions with their bootstrap intervals (see {@link VerdictStats}). */
        List<Criterion> criteria(RunData data, Map<String, Object> s) {
            boolean[] u = new boolean[above.size()];
            double[] t = new double[thresholds.size()];
            for (int i = 0; i < u.length; i++) {
                u[i] = above.get(i);
                t[i] = thresholds.get(i);
            }
            return VerdictStats.criteria(VerdictStats.cells(data, s, qs), names, stats, u, t);
        }
    }
}
