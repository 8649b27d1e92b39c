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
            + " S = R(θ̂_λadv)/min_λ R (docs/theory.md §6). HOLDS when A > " + REGRET + " and S > " + REGRET
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

    /** Rule of claim (iii), in words. */
    public static final String RULE_III = "NTK (K1 kernel interpolator, λ = 0, the limit of gradient descent), over n per"
            + " setting: standard risk R falls (Spearman ρ(n, R) ≤ −" + RHO + " and R(n_max) < R(n_min)); E‖∇f̂‖² rises"
            + " (ρ ≥ " + RHO + " and at least ×2 from n_min to n_max); at the largest α the adversarial risk R_α (PGD)"
            + " rises (ρ ≥ " + RHO + " and R_α(n_max) > R_α(n_min)) and ends above the ground truth's α²‖θ*‖²_q. The"
            + " numbers also give the implicit ridge λ_eff = tr Σ/n of the linearisation and the correlation of the NTK's"
            + " predictions with linear ridge at λ_eff (docs/ntk.md §3).";

    /** Whether a group is at infinite width (no m column, or m = inf). */
    public static boolean infiniteWidth(Group g) {
        Object m = g.key().get("m");
        return m == null || "inf".equals(String.valueOf(m));
    }

    /** Claim (iii) verdicts (NTK family), one per setting with at least 3 values of n at λ = 0. */
    public static List<Verdict> claimThree(RunData data) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, g -> g.number("lambda") == 0 && infiniteWidth(g));
            double[] ns = RunData.distinct(gs, "n");
            double[] alphas = RunData.distinct(gs, "alpha");
            if (ns.length < 3) {
                continue;
            }
            int last = ns.length - 1;
            double[] r = series(gs, ns, alphas[0], "std_risk");
            double[] g2 = series(gs, ns, alphas[0], "norm_l2_sq");
            double a = alphas[alphas.length - 1];
            double[] ra = series(gs, ns, a, "adv_risk");
            double gt = series(gs, ns, a, "gt_adv_risk")[last];
            double[] lam = series(gs, ns, a, "lambda_eff");
            double[] corr = series(gs, ns, a, "lin_corr");
            double rhoR = spearman(ns, r);
            double rhoG = spearman(ns, g2);
            double rhoA = spearman(ns, ra);
            boolean holds = rhoR <= -RHO && r[last] < r[0] && rhoG >= RHO && g2[last] >= 2 * g2[0] && rhoA >= RHO
                    && ra[last] > ra[0] && ra[last] > gt && a > 0;
            String num = "n " + (int) ns[0] + " → " + (int) ns[last] + ": R " + RunData.fmt(r[0]) + " → "
                    + RunData.fmt(r[last]) + " (ρ = " + RunData.fmt(rhoR) + "); E‖∇f̂‖² " + RunData.fmt(g2[0]) + " → "
                    + RunData.fmt(g2[last]) + " (ρ = " + RunData.fmt(rhoG) + "); α = " + RunData.fmt(a) + ": R_α "
                    + RunData.fmt(ra[0]) + " → " + RunData.fmt(ra[last]) + " (ρ = " + RunData.fmt(rhoA) + "), ground truth "
                    + RunData.fmt(gt) + "; λ_eff " + RunData.fmt(lam[0]) + " → " + RunData.fmt(lam[last])
                    + ", correlation with linear ridge at λ_eff " + RunData.fmt(corr[0]) + " → " + RunData.fmt(corr[last]);
            out.add(new Verdict("(iii) NTK interpolator: standard risk falls while the adversarial risk rises",
                    RunData.label(s), "mean over trials of R, E‖∇f̂‖², R_α (PGD) at λ = 0 for each n", num, holds,
                    RULE_III));
        }
        return out;
    }

    /** Relative RMS gap allowed for a finite network of width m: {@code GAP_FACTOR}/√(m/2). */
    public static final double GAP_FACTOR = 3;

    /** Rule of the finite-network part of claim (iii), in words. */
    public static final String RULE_III_NET = "One network of finite width m (antisymmetric start, first layer trained"
            + " by full-batch GD with η = 1/λ_max(Θ̂(0))) against the infinite-width K1 kernel predictor after the same"
            + " GD steps, on the test points: HOLDS when RMS|f_net − f_kernel| / RMS f_kernel ≤ " + (int) GAP_FACTOR
            + "/√(m/2). Why this threshold: the network's function is the empirical-NTK predictor up to its"
            + " non-linearity (lin_gap, O(1/m)-small), and the empirical NTK averages m/2 independent neuron pairs,"
            + " each an O(1) relative fluctuation of the kernel, so the predictor's relative error is O(1/√(m/2)) (the"
            + " measured ‖Θ̂ − Θ‖/‖Θ‖ is shown next to it); " + (int) GAP_FACTOR + " is the margin. The numbers also"
            + " give the laziness diagnostics, the risks of the network next to the kernel's (width inf), and the input"
            + " gradients, which do NOT track the kernel's pointwise (see the part's text).";

    /** Claim (iii) finite-network verdicts: one per setting and finite width (at λ = 0, the largest α). */
    public static List<Verdict> network(RunData data) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, g -> g.number("lambda") == 0);
            double[] alphas = RunData.distinct(gs, "alpha");
            double a = alphas[alphas.length - 1];
            for (Group g : gs) {
                if (!(g.key().get("m") instanceof Number mm) || g.number("alpha") != a) {
                    continue;
                }
                int m = mm.intValue();
                Group inf = null;
                for (Group h : gs) {
                    if ("inf".equals(String.valueOf(h.key().get("m"))) && h.number("alpha") == a
                            && h.number("n") == g.number("n")) {
                        inf = h;
                    }
                }
                double ratio = g.mean("kernel_gap_rms") / g.mean("kernel_rms");
                double bound = GAP_FACTOR / Math.sqrt(m / 2.0);
                double d = g.number("d");
                double split = g.mean("split_pairs");
                StringBuilder num = new StringBuilder();
                num.append("n = ").append((int) g.number("n")).append(", d = ").append((int) d).append(", m = ").append(m)
                        .append(": RMS|f_net − f_kernel| = ").append(RunData.fmt(g.mean("kernel_gap_rms")))
                        .append(" / RMS f_kernel = ").append(RunData.fmt(g.mean("kernel_rms"))).append(" → ")
                        .append(RunData.fmt(ratio)).append(" vs ").append((int) GAP_FACTOR).append("/√(m/2) = ")
                        .append(RunData.fmt(bound)).append("; max gap ").append(RunData.fmt(g.mean("kernel_gap")))
                        .append("; ‖Θ̂ − Θ‖/‖Θ‖ = ").append(RunData.fmt(g.mean("ntk_rel_err")))
                        .append("; relative weight movement ").append(RunData.fmt(g.mean("weight_move")))
                        .append("; activation flips ").append(RunData.fmt(g.mean("flipped")))
                        .append("; |f_net − f_lin| (network linearised at init, max) ").append(RunData.fmt(g.mean("lin_gap")))
                        .append("; train MSE ").append(RunData.fmt(g.mean("train_mse")));
                num.append(". Risks, network");
                if (inf != null) {
                    num.append(" vs kernel (width inf, λ = 0)");
                }
                num.append(": R ").append(RunData.fmt(g.mean("std_risk")));
                if (inf != null) {
                    num.append(" vs ").append(RunData.fmt(inf.mean("std_risk")));
                }
                num.append("; R_α PGD (α = ").append(RunData.fmt(a)).append(") ").append(RunData.fmt(g.mean("adv_risk")));
                if (inf != null) {
                    num.append(" vs ").append(RunData.fmt(inf.mean("adv_risk")));
                }
                num.append("; first-order surrogate ").append(RunData.fmt(g.mean("adv_risk_first_order")));
                if (inf != null) {
                    num.append(" vs ").append(RunData.fmt(inf.mean("adv_risk_first_order")));
                }
                num.append(". Input gradients: mean ‖∇f_net‖ = ").append(RunData.fmt(g.mean("grad_norm")))
                        .append(" vs mean ‖∇f_kernel‖ = ").append(RunData.fmt(g.mean("kernel_grad_norm")))
                        .append("; along u = ∇f_kernel/‖∇f_kernel‖: a.e. ∇f_net·u = ")
                        .append(RunData.fmt(g.mean("grad_along_kernel"))).append(", central difference of f_net (h = ")
                        .append(RunData.fmt(org.advrisk.ntk.NtkTrial.FD_STEP)).append(") ")
                        .append(RunData.fmt(g.mean("fd_net_slope"))).append(", of f_kernel ")
                        .append(RunData.fmt(g.mean("fd_kernel_slope"))).append("; pairs with equal activation give RMS ")
                        .append(RunData.fmt(g.mean("grad_same_rms"))).append(", the ").append(RunData.fmt(split))
                        .append(" pairs split by the kink per point give RMS ").append(RunData.fmt(g.mean("grad_split_rms")))
                        .append(" (√(split·d/m) = ").append(RunData.fmt(Math.sqrt(split * d / m))).append(")");
                out.add(new Verdict("(iii) one finite network trained by GD tracks the kernel", RunData.label(s)
                        + ", m = " + m, "f_net vs f_kernel on the test points, laziness, risks, input gradients",
                        num.toString(), ratio <= bound, RULE_III_NET));
            }
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
                Trade tr = trade(data, s, a);
                String setting = RunData.label(s) + ", α = " + RunData.fmt(a);
                if (contrast) {
                    out.add(new Verdict("contrast: where theory predicts the trade-off is mild, the rule of (ii) is not met",
                            setting, "regret ratios A, S along λ from mean risks", tr.numbers(), !tr.met(), RULE_CONTRAST));
                } else {
                    out.add(new Verdict("(ii) ridge: no λ makes both risks small", setting,
                            "regret ratios A, S along λ from mean risks", tr.numbers(), tr.met(), RULE_II));
                }
            }
        }
        return out;
    }

    /** Rule of the NTK kernel-ridge part of claim (iii), in words. */
    public static final String RULE_III_RIDGE = "The rule of claim (ii) on the K1 kernel ridge path (λ grid including"
            + " 0, our convention; PGD R_α): A = R_α(λ_std)/min_λ R_α and S = R(λ_adv)/min_λ R per n; HOLDS when A > "
            + REGRET + " and S > " + REGRET + " at the largest n and both increase with n (Spearman ρ(n, ·) ≥ " + RHO
            + "). Applied at the largest budget α of the run, the budget of the interpolator verdict, where R_α at"
            + " λ = 0 already rises over these n; smaller budgets are listed with their A, S and whether the rule"
            + " would be met, but are not part of the verdict (there R_α at λ = 0 is U-shaped over these n, so the"
            + " trade-off builds up later in n).";

    /** Claim (iii) kernel-ridge verdicts: one per setting with a λ grid (≥ 3 values) and at least 2 values of n. */
    public static List<Verdict> claimThreeRidge(RunData data) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, Verdicts::infiniteWidth);
            double[] lambdas = RunData.distinct(gs, "lambda");
            double[] ns = RunData.distinct(gs, "n");
            double[] alphas = RunData.distinct(gs, "alpha");
            double a = alphas[alphas.length - 1];
            if (lambdas.length < 3 || ns.length < 2 || a == 0) {
                continue;
            }
            Trade tr = trade(data, s, a);
            StringBuilder num = new StringBuilder(tr.numbers());
            for (double b : alphas) {
                if (b == 0 || b == a) {
                    continue;
                }
                Trade other = trade(data, s, b);
                TradeOff l = other.curve().get(other.curve().size() - 1);
                num.append(". Not in the rule: α = ").append(RunData.fmt(b)).append(": ");
                for (TradeOff x : other.curve()) {
                    num.append("n = ").append(x.n()).append(": A = ").append(RunData.fmt(x.a())).append(", S = ")
                            .append(RunData.fmt(x.s())).append("; ");
                }
                num.append("the rule would ").append(other.met() ? "be met" : "NOT be met").append(" at this budget (A = ")
                        .append(RunData.fmt(l.a())).append(", S = ").append(RunData.fmt(l.s())).append(" at n = ")
                        .append(l.n()).append(")");
            }
            out.add(new Verdict("(iii) NTK kernel ridge: no λ makes both risks small",
                    RunData.label(s) + ", α = " + RunData.fmt(a), "regret ratios A, S along the kernel ridge path from"
                    + " mean risks (PGD R_α)", num.toString(), tr.met(), RULE_III_RIDGE));
        }
        return out;
    }

    /** The trade-off curve over n of one setting and α, whether the claim (ii) rule is met, and its numbers. */
    record Trade(List<TradeOff> curve, boolean met, String numbers) {
    }

    static Trade trade(RunData data, Map<String, Object> s, double a) {
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
        return new Trade(t, met, num.toString());
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
