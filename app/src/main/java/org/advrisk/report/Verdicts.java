package org.advrisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.experiment.Aggregation.Group;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Verdicts computed from a run's numbers by rules stated in the report (never written by hand).
 */
public final class Verdicts {
    /** Rank correlation with n that counts as a clear trend. */
    public static final double RHO = 0.8;
    /** "Far above" the ground truth's adversarial risk: at least this factor. */
    public static final double FAR = 10;
    /** Regret ratio that counts as a clear trade-off. */
    public static final double REGRET = 1.5;

    /** Rule of claim (i), in words. */
    public static final String RULE_I = "Over n at λ = 0 (min-norm), per setting: standard risk R falls (Spearman ρ(n, R) ≤ −"
            + RHO + " and R(n_max) < R(n_min)); ‖θ̂‖² rises (ρ ≥ " + RHO + " and at least ×2 from n_min to n_max); for every"
            + " α > 0 the adversarial risk R_α rises (ρ ≥ " + RHO + ") and ends at least " + (int) FAR
            + "× above the ground truth's α²‖θ*‖²_q at n_max.";
    /** Rule of claim (ii), in words. */
    public static final String RULE_II = "Along the λ grid (including 0), per n: A = R_α(θ̂_λstd)/min_λ R_α and"
            + " S = R(θ̂_λadv)/min_λ R (THEORY.md §6). HOLDS when A > " + REGRET + " and S > " + REGRET
            + " at the largest n and both increase with n (Spearman ρ(n, ·) ≥ " + RHO + " over 3 or more n; with 2 n,"
            + " larger at the larger n).";
    /** Rule of the contrast setting, in words. */
    public static final String RULE_CONTRAST = "The claim (ii) rule applied where theory predicts a mild trade-off"
            + " (a κ between κ₀ and the signal eigenvalue serves both risks). HOLDS (as predicted) when the claim (ii)"
            + " rule is NOT met: A ≤ " + REGRET + " or S ≤ " + REGRET + " at the largest n, or one of them does not"
            + " increase with n.";

    private Verdicts() {
    }

    /** Claim (i) verdicts, one per setting with at least 3 values of n at λ = 0. */
    public static List<Verdict> claimOne(RunData data) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, g -> g.number("lambda") == 0);
            double[] ns = RunData.distinct(gs, "n");
            double[] alphas = RunData.distinct(gs, "alpha");
            if (ns.length < 3) {
                continue;
            }
            double[] r = series(gs, ns, alphas[0], "std_risk");
            double[] nn = series(gs, ns, alphas[0], "norm_l2_sq");
            double rhoR = spearman(ns, r);
            double rhoN = spearman(ns, nn);
            int last = ns.length - 1;
            boolean holds = rhoR <= -RHO && r[last] < r[0] && rhoN >= RHO && nn[last] >= 2 * nn[0];
            StringBuilder num = new StringBuilder();
            num.append("n ").append((int) ns[0]).append(" → ").append((int) ns[last]).append(": R ")
                    .append(RunData.fmt(r[0])).append(" → ").append(RunData.fmt(r[last])).append(" (ρ = ")
                    .append(RunData.fmt(rhoR)).append("); ‖θ̂‖² ").append(RunData.fmt(nn[0])).append(" → ")
                    .append(RunData.fmt(nn[last])).append(" (ρ = ").append(RunData.fmt(rhoN)).append(")");
            for (double a : alphas) {
                if (a == 0) {
                    continue;
                }
                double[] ra = series(gs, ns, a, "adv_risk");
                double gt = series(gs, ns, a, "gt_adv_risk")[last];
                double rho = spearman(ns, ra);
                double ratio = ra[last] / gt;
                holds &= rho >= RHO && ratio >= FAR;
                num.append("; α = ").append(RunData.fmt(a)).append(": R_α ").append(RunData.fmt(ra[0])).append(" → ")
                        .append(RunData.fmt(ra[last])).append(" (ρ = ").append(RunData.fmt(rho)).append("), ")
                        .append(RunData.fmt(ratio)).append("× the ground truth's ").append(RunData.fmt(gt));
            }
            out.add(new Verdict("(i) min-norm: standard risk falls while ‖θ̂‖ and the adversarial risk explode",
                    RunData.label(s), "mean over trials of R, ‖θ̂‖², R_α at λ = 0 for each n", num.toString(), holds,
                    RULE_I));
        }
        return out;
    }

    /** Claim (ii) (or contrast) verdicts, one per setting and α > 0 with a λ grid and at least 2 values of n. */
    public static List<Verdict> claimTwo(RunData data, boolean contrast) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, g -> true);
            double[] lambdas = RunData.distinct(gs, "lambda");
            double[] ns = RunData.distinct(gs, "n");
            if (lambdas.length < 3 || ns.length < 2) {
                continue;
            }
            for (double a : RunData.distinct(gs, "alpha")) {
                if (a == 0) {
                    continue;
                }
                List<TradeOff> t = TradeOff.curve(data, s, a, "std_risk", "adv_risk");
                TradeOff last = t.get(t.size() - 1);
                boolean met = last.a() > REGRET && last.s() > REGRET && increasing(t, true) && increasing(t, false);
                StringBuilder num = new StringBuilder();
                for (TradeOff x : t) {
                    num.append("n = ").append(x.n()).append(": A = ").append(RunData.fmt(x.a())).append(", S = ")
                            .append(RunData.fmt(x.s())).append("; ");
                }
                if (data.hasTheory()) {
                    List<TradeOff> de = TradeOff.curve(data, s, a, "de_std_risk", "de_adv_risk");
                    if (!de.isEmpty()) {
                        TradeOff d = de.get(de.size() - 1);
                        num.append("DE at n = ").append(d.n()).append(": A = ").append(RunData.fmt(d.a()))
                                .append(", S = ").append(RunData.fmt(d.s())).append("; ");
                    }
                }
                if (t.size() >= 3) {
                    double[] tn = t.stream().mapToDouble(TradeOff::n).toArray();
                    num.append("ρ(n, A) = ").append(RunData.fmt(spearman(tn, t.stream().mapToDouble(TradeOff::a).toArray())))
                            .append(", ρ(n, S) = ").append(RunData.fmt(spearman(tn, t.stream().mapToDouble(TradeOff::s)
                                    .toArray()))).append("; ");
                }
                num.append("at n = ").append(last.n()).append(": R_α(θ̂_λstd) = ").append(RunData.fmt(last.advAtStd()))
                        .append(" vs ground truth ").append(RunData.fmt(last.gt())).append(", frontier gap G = ")
                        .append(RunData.fmt(last.gap()));
                String setting = RunData.label(s) + ", α = " + RunData.fmt(a);
                if (contrast) {
                    out.add(new Verdict("contrast: where theory predicts the trade-off is mild, the rule of (ii) is not met",
                            setting, "regret ratios A, S along λ from mean risks", num.toString(), !met, RULE_CONTRAST));
                } else {
                    out.add(new Verdict("(ii) ridge: no λ makes both risks small", setting,
                            "regret ratios A, S along λ from mean risks", num.toString(), met, RULE_II));
                }
            }
        }
        return out;
    }

    /** Whether A (or S) increases with n by the rule's test. */
    static boolean increasing(List<TradeOff> t, boolean a) {
        double[] ns = new double[t.size()];
        double[] v = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            ns[i] = t.get(i).n();
            v[i] = a ? t.get(i).a() : t.get(i).s();
        }
        if (t.size() >= 3) {
            return spearman(ns, v) >= RHO;
        }
        return v[v.length - 1] > v[0];
    }

    /** Mean of a column at each n (for one α). */
    static double[] series(List<Group> gs, double[] ns, double alpha, String column) {
        double[] out = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            out[i] = Double.NaN;
            for (Group g : gs) {
                if (g.number("n") == ns[i] && g.number("alpha") == alpha) {
                    out[i] = g.mean(column);
                    break;
                }
            }
        }
        return out;
    }

    /** A key column's value at each n (for one α). */
    static double[] keySeries(List<Group> gs, double[] ns, double alpha, String column) {
        double[] out = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            out[i] = Double.NaN;
            for (Group g : gs) {
                if (g.number("n") == ns[i] && g.number("alpha") == alpha) {
                    out[i] = g.number(column);
                    break;
                }
            }
        }
        return out;
    }

    static double spearman(double[] x, double[] y) {
        return new SpearmansCorrelation().correlation(x, y);
    }
}
