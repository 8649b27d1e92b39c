package org.advrisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
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
    public static final String RULE_I = "Each condition is a statistic with a 95% bootstrap interval (training sets resampled within each n, B = " + org.advrisk.stats.Bootstrap.DEFAULT_REPLICATES + ", t-calibrated); a condition HOLDS when its whole interval is on the required side of the threshold, DOES NOT HOLD when it is wholly on the other side, and is INCONCLUSIVE otherwise; the verdict HOLDS when every condition holds, DOES NOT HOLD when one fails, INCONCLUSIVE otherwise. " + "Over n at λ = 0 (min-norm), per setting: the log-log slope of R on n < 0 (R falls); the slope of"
            + " ‖θ̂‖² > 0 and ‖θ̂‖²(n_max)/‖θ̂‖²(n_min) > 2; for every α > 0 the slope of R_α > 0 and R_α(n_max) > " + (int) FAR
            + "× the ground truth's α²‖θ*‖²_q. (Spearman ρ is printed, not ruled on.)";
    /** Rule of claim (ii), in words. */
    public static final String RULE_II = "Each condition is a statistic with a 95% bootstrap interval (training sets resampled within each n, B = " + org.advrisk.stats.Bootstrap.DEFAULT_REPLICATES + ", t-calibrated); a condition HOLDS when its whole interval is on the required side of the threshold, DOES NOT HOLD when it is wholly on the other side, and is INCONCLUSIVE otherwise; the verdict HOLDS when every condition holds, DOES NOT HOLD when one fails, INCONCLUSIVE otherwise. " + "Along the λ grid (including 0), per n: A = R_α(θ̂_λstd)/min_λ R_α and S = R(θ̂_λadv)/min_λ R, the argmins"
            + " recomputed on every resample. HOLDS when A(n_max) > " + REGRET + ", S(n_max) > " + REGRET
            + " and the log-log slopes of A and S on n are > 0.";
    /** Rule of the contrast setting, in words. */
    public static final String RULE_CONTRAST = "The claim (ii) rule applied where theory predicts a mild trade-off"
            + " (a κ between κ₀ and the signal eigenvalue serves both risks). HOLDS (as predicted) when the claim (ii)"
            + " rule clearly fails (one of its conditions' intervals lies wholly on the wrong side: A(n_max) or"
            + " S(n_max) < " + REGRET + ", or a slope < 0); INCONCLUSIVE when the claim (ii) rule is itself inconclusive.";

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
            double rhoR = spearman(ns, r);
            double rhoN = spearman(ns, nn);
            int last = ns.length - 1;
            List<VerdictStats.Q> qs = new ArrayList<>(List.of(new VerdictStats.Q(Columns.STD_RISK, 0, alphas[0]),
                    new VerdictStats.Q(Columns.NORM_L2_SQ, 0, alphas[0])));
            List<String> names = new ArrayList<>(List.of("slope of ln R on ln n", "slope of ln ‖θ̂‖² on ln n",
                    "‖θ̂‖²(n_max)/‖θ̂‖²(n_min)"));
            List<org.advrisk.stats.Statistic> st = new ArrayList<>(List.of(VerdictStats.slope(0),
                    VerdictStats.slope(1), VerdictStats.growth(1)));
            List<Boolean> up = new ArrayList<>(List.of(false, true, true));
            List<Double> th = new ArrayList<>(List.of(0.0, 0.0, 2.0));
            StringBuilder num = new StringBuilder();
            num.append("n ").append((int) ns[0]).append(" → ").append((int) ns[last]).append(": R ")
                    .append(RunData.fmt(r[0])).append(" → ").append(RunData.fmt(r[last])).append(" (ρ = ")
                    .append(RunData.fmt(rhoR)).append("); ‖θ̂‖² ").append(RunData.fmt(nn[0])).append(" → ")
                    .append(RunData.fmt(nn[last])).append(" (ρ = ").append(RunData.fmt(rhoN)).append(")");
            for (double a : alphas) {
                if (a == 0) {
                    continue;
                }
                double[] ra = RunData.series(gs, ns, a, Columns.ADV_RISK);
                double gt = RunData.series(gs, ns, a, Columns.GT_ADV_RISK)[last];
                double rho = spearman(ns, ra);
                double ratio = ra[last] / gt;
                int k = qs.size();
                qs.add(new VerdictStats.Q(Columns.ADV_RISK, 0, a));
                qs.add(new VerdictStats.Q(Columns.GT_ADV_RISK, 0, a));
                names.add("slope of ln R_α on ln n (α = " + RunData.fmt(a) + ")");
                names.add("R_α(n_max)/α²‖θ*‖² (α = " + RunData.fmt(a) + ")");
                st.add(VerdictStats.slope(k));
                st.add(VerdictStats.ratioAtMax(k, k + 1));
                up.add(true);
                up.add(true);
                th.add(0.0);
                th.add(FAR);
                num.append("; α = ").append(RunData.fmt(a)).append(": R_α ").append(RunData.fmt(ra[0])).append(" → ")
                        .append(RunData.fmt(ra[last])).append(" (ρ = ").append(RunData.fmt(rho)).append("), ")
                        .append(RunData.fmt(ratio)).append("× the ground truth's ").append(RunData.fmt(gt));
            }
            List<Criterion> cr = criteria(data, s, qs, names, st, up, th);
            out.add(new Verdict("(i) min-norm: standard risk falls while ‖θ̂‖ and the adversarial risk explode",
                    RunData.label(s), "mean over trials of R, ‖θ̂‖², R_α at λ = 0 for each n", num.toString(),
                    Decision.all(cr.stream().map(Criterion::decision).toList()), cr, RULE_I));
        }
        return out;
    }

    /** Rule of claim (iii), in words. */
    public static final String RULE_III = "Each condition is a statistic with a 95% bootstrap interval (training sets resampled within each n, B = " + org.advrisk.stats.Bootstrap.DEFAULT_REPLICATES + ", t-calibrated); a condition HOLDS when its whole interval is on the required side of the threshold, DOES NOT HOLD when it is wholly on the other side, and is INCONCLUSIVE otherwise; the verdict HOLDS when every condition holds, DOES NOT HOLD when one fails, INCONCLUSIVE otherwise. " + "NTK (K1 kernel interpolator, λ = 0, the limit of gradient descent), over n per"
            + " setting: slope of ln R on ln n < 0; slope of E‖∇f̂‖² > 0 and E‖∇f̂‖²(n_max)/E‖∇f̂‖²(n_min) > 2; at the"
            + " largest α the slope of R_α (PGD) > 0 and R_α(n_max) > the ground truth's α²‖θ*‖²_q. The numbers also"
            + " give the implicit ridge λ_eff = tr Σ/n, the correlation with linear ridge at λ_eff and the relative"
            + " error of the deterministic equivalent (linear ridge at λ_eff with the kernel's constant term as an"
            + " extra feature) at each n.";

    /** Whether a group is at infinite width (no m column, or m = inf). */
    public static boolean infiniteWidth(Group g) {
        return RunData.infiniteWidth(g);
    }

    /** Claim (iii) verdicts (NTK family), one per setting with at least 3 values of n at λ = 0. */
    public static List<Verdict> claimThree(RunData data) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, g -> g.number(Columns.LAMBDA) == 0 && infiniteWidth(g));
            double[] ns = RunData.distinct(gs, Columns.N);
            double[] alphas = RunData.distinct(gs, Columns.ALPHA);
            if (ns.length < 3) {
                continue;
            }
            int last = ns.length - 1;
            double[] r = RunData.series(gs, ns, alphas[0], Columns.STD_RISK);
            double[] g2 = RunData.series(gs, ns, alphas[0], Columns.NORM_L2_SQ);
            double a = alphas[alphas.length - 1];
            double[] ra = RunData.series(gs, ns, a, Columns.ADV_RISK);
            double gt = RunData.series(gs, ns, a, Columns.GT_ADV_RISK)[last];
            double[] lam = RunData.series(gs, ns, a, Columns.LAMBDA_EFF);
            double[] corr = RunData.series(gs, ns, a, Columns.LIN_CORR);
            double rhoR = spearman(ns, r);
            double rhoG = spearman(ns, g2);
            double rhoA = spearman(ns, ra);
            List<Criterion> cr = criteria(data, s, List.of(new VerdictStats.Q(Columns.STD_RISK, 0, alphas[0]),
                    new VerdictStats.Q(Columns.NORM_L2_SQ, 0, alphas[0]), new VerdictStats.Q(Columns.ADV_RISK, 0, a),
                    new VerdictStats.Q(Columns.GT_ADV_RISK, 0, a)), List.of("slope of ln R on ln n",
                    "slope of ln E‖∇f̂‖² on ln n", "E‖∇f̂‖²(n_max)/E‖∇f̂‖²(n_min)", "slope of ln R_α on ln n (α = "
                    + RunData.fmt(a) + ")", "R_α(n_max)/α²‖θ*‖² (α = " + RunData.fmt(a) + ")"),
                    List.of(VerdictStats.slope(0), VerdictStats.slope(1), VerdictStats.growth(1), VerdictStats.slope(2),
                            VerdictStats.ratioAtMax(2, 3)), List.of(false, true, true, true, true),
                    List.of(0.0, 0.0, 2.0, 0.0, 1.0));
            Decision holds = a > 0 ? Decision.all(cr.stream().map(Criterion::decision).toList()) : Decision.DOES_NOT_HOLD;
            String num = "n " + (int) ns[0] + " → " + (int) ns[last] + ": R " + RunData.fmt(r[0]) + " → "
                    + RunData.fmt(r[last]) + " (ρ = " + RunData.fmt(rhoR) + "); E‖∇f̂‖² " + RunData.fmt(g2[0]) + " → "
                    + RunData.fmt(g2[last]) + " (ρ = " + RunData.fmt(rhoG) + "); α = " + RunData.fmt(a) + ": R_α "
                    + RunData.fmt(ra[0]) + " → " + RunData.fmt(ra[last]) + " (ρ = " + RunData.fmt(rhoA) + "), ground truth "
                    + RunData.fmt(gt) + "; λ_eff " + RunData.fmt(lam[0]) + " → " + RunData.fmt(lam[last])
                    + ", correlation with linear ridge at λ_eff " + RunData.fmt(corr[0]) + " → " + RunData.fmt(corr[last]);
            out.add(new Verdict("(iii) NTK interpolator: standard risk falls while the adversarial risk rises",
                    RunData.label(s), "mean over trials of R, E‖∇f̂‖², R_α (PGD) at λ = 0 for each n",
                    num + deErrors(gs, ns, a), holds, cr, RULE_III));
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
                double d = g.number(Columns.D);
                double split = g.mean(Columns.SPLIT_PAIRS);
                StringBuilder num = new StringBuilder();
                num.append("n = ").append((int) g.number(Columns.N)).append(", d = ").append((int) d).append(", m = ").append(m)
                        .append(": RMS|f_net − f_kernel| = ").append(RunData.fmt(g.mean(Columns.KERNEL_GAP_RMS)))
                        .append(" / RMS f_kernel = ").append(RunData.fmt(g.mean(Columns.KERNEL_RMS))).append(" → ")
                        .append(RunData.fmt(ratio)).append(" vs ").append((int) GAP_FACTOR).append("/√(m/2) = ")
                        .append(RunData.fmt(bound)).append("; max gap ").append(RunData.fmt(g.mean(Columns.KERNEL_GAP)))
                        .append("; ‖Θ̂ − Θ‖/‖Θ‖ = ").append(RunData.fmt(g.mean(Columns.NTK_REL_ERR)))
                        .append("; relative weight movement ").append(RunData.fmt(g.mean(Columns.WEIGHT_MOVE)))
                        .append("; activation flips ").append(RunData.fmt(g.mean(Columns.FLIPPED)))
                        .append("; |f_net − f_lin| (network linearised at init, max) ").append(RunData.fmt(g.mean(Columns.LIN_GAP)))
                        .append("; train MSE ").append(RunData.fmt(g.mean(Columns.TRAIN_MSE)));
                num.append(". Risks, network");
                if (inf != null) {
                    num.append(" vs kernel (width inf, λ = 0)");
                }
                num.append(": R ").append(RunData.fmt(g.mean(Columns.STD_RISK)));
                if (inf != null) {
                    num.append(" vs ").append(RunData.fmt(inf.mean(Columns.STD_RISK)));
                }
                num.append("; R_α PGD (α = ").append(RunData.fmt(a)).append(") ").append(RunData.fmt(g.mean(Columns.ADV_RISK)));
                if (inf != null) {
                    num.append(" vs ").append(RunData.fmt(inf.mean(Columns.ADV_RISK)));
                }
                num.append("; first-order surrogate ").append(RunData.fmt(g.mean(Columns.ADV_RISK_FIRST_ORDER)));
                if (inf != null) {
                    num.append(" vs ").append(RunData.fmt(inf.mean(Columns.ADV_RISK_FIRST_ORDER)));
                }
                num.append(". Input gradients: mean ‖∇f_net‖ = ").append(RunData.fmt(g.mean(Columns.GRAD_NORM)))
                        .append(" vs mean ‖∇f_kernel‖ = ").append(RunData.fmt(g.mean(Columns.KERNEL_GRAD_NORM)))
                        .append("; along u = ∇f_kernel/‖∇f_kernel‖: a.e. ∇f_net·u = ")
                        .append(RunData.fmt(g.mean(Columns.GRAD_ALONG_KERNEL))).append(", central difference of f_net (h = ")
                        .append(RunData.fmt(org.advrisk.ntk.NtkTrial.FD_STEP)).append(") ")
                        .append(RunData.fmt(g.mean(Columns.FD_NET_SLOPE))).append(", of f_kernel ")
                        .append(RunData.fmt(g.mean(Columns.FD_KERNEL_SLOPE))).append("; pairs with equal activation give RMS ")
                        .append(RunData.fmt(g.mean(Columns.GRAD_SAME_RMS))).append(", the ").append(RunData.fmt(split))
                        .append(" pairs split by the kink per point give RMS ").append(RunData.fmt(g.mean(Columns.GRAD_SPLIT_RMS)))
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
            double[] lambdas = RunData.distinct(gs, Columns.LAMBDA);
            double[] ns = RunData.distinct(gs, Columns.N);
            if (lambdas.length < 3 || ns.length < 2) {
                continue;
            }
            for (double a : RunData.distinct(gs, Columns.ALPHA)) {
                if (a == 0) {
                    continue;
                }
                Trade tr = trade(data, s, a);
                String setting = RunData.label(s) + ", α = " + RunData.fmt(a);
                List<Criterion> cr = VerdictStats.regret(data, s, a, lambdas, REGRET);
                Decision met = Decision.all(cr.stream().map(Criterion::decision).toList());
                if (contrast) {
                    out.add(new Verdict("contrast: where theory predicts the trade-off is mild, the rule of (ii) is not met",
                            setting, "regret ratios A, S along λ from mean risks", tr.numbers(), met.negate(), cr,
                            RULE_CONTRAST));
                } else {
                    out.add(new Verdict("(ii) ridge: no λ makes both risks small", setting,
                            "regret ratios A, S along λ from mean risks", tr.numbers(), met, cr, RULE_II));
                }
            }
        }
        return out;
    }

    /** Rule of the NTK kernel-ridge part of claim (iii), in words. */
    public static final String RULE_III_RIDGE = "Each condition is a statistic with a 95% bootstrap interval (training sets resampled within each n, B = " + org.advrisk.stats.Bootstrap.DEFAULT_REPLICATES + ", t-calibrated); a condition HOLDS when its whole interval is on the required side of the threshold, DOES NOT HOLD when it is wholly on the other side, and is INCONCLUSIVE otherwise; the verdict HOLDS when every condition holds, DOES NOT HOLD when one fails, INCONCLUSIVE otherwise. " + "The rule of claim (ii) on the K1 kernel ridge path (λ grid including"
            + " 0, our convention; PGD R_α): A(n_max) > " + REGRET + ", S(n_max) > " + REGRET + ", slopes of ln A and"
            + " ln S on ln n > 0, at the largest budget α of the run (the interpolator verdict's); smaller budgets are"
            + " listed with their point values of A and S, not ruled on.";

    /** Claim (iii) kernel-ridge verdicts: one per setting with a λ grid (≥ 3 values) and at least 2 values of n. */
    public static List<Verdict> claimThreeRidge(RunData data) {
        List<Verdict> out = new ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, Verdicts::infiniteWidth);
            double[] lambdas = RunData.distinct(gs, Columns.LAMBDA);
            double[] ns = RunData.distinct(gs, Columns.N);
            double[] alphas = RunData.distinct(gs, Columns.ALPHA);
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
            List<Criterion> cr = VerdictStats.regret(data, s, a, lambdas, REGRET);
            out.add(new Verdict("(iii) NTK kernel ridge: no λ makes both risks small",
                    RunData.label(s) + ", α = " + RunData.fmt(a), "regret ratios A, S along the kernel ridge path from"
                    + " mean risks (PGD R_α)", num.toString(), Decision.all(cr.stream().map(Criterion::decision)
                    .toList()), cr, RULE_III_RIDGE));
        }
        return out;
    }

    /** The trade-off curve over n of one setting and α, whether the claim (ii) rule is met, and its numbers. */
    record Trade(List<TradeOff> curve, boolean met, String numbers) {
    }

    static Trade trade(RunData data, Map<String, Object> s, double a) {
        List<TradeOff> t = TradeOff.curve(data, s, a, Columns.STD_RISK, Columns.ADV_RISK);
        TradeOff last = t.get(t.size() - 1);
        boolean met = last.a() > REGRET && last.s() > REGRET && increasing(t, true) && increasing(t, false);
        StringBuilder num = new StringBuilder();
        for (TradeOff x : t) {
            num.append("n = ").append(x.n()).append(": A = ").append(RunData.fmt(x.a())).append(", S = ")
                    .append(RunData.fmt(x.s())).append("; ");
        }
        if (data.hasTheory()) {
            List<TradeOff> de = TradeOff.curve(data, s, a, Columns.DE_STD_RISK, Columns.DE_ADV_RISK);
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

    /** Bootstrap criteria for one setting (see {@link VerdictStats}). */
    static List<Criterion> criteria(RunData data, Map<String, Object> s, List<VerdictStats.Q> qs, List<String> names,
                                    List<org.advrisk.stats.Statistic> st, List<Boolean> up, List<Double> th) {
        boolean[] u = new boolean[up.size()];
        double[] t = new double[th.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = up.get(i);
            t[i] = th.get(i);
        }
        return VerdictStats.criteria(VerdictStats.cells(data, s, qs), names, st, u, t);
    }

    /** "; DE relative error at n: R …, E‖∇f̂‖² …, R_α …" when the rows carry de_* columns. */
    static String deErrors(List<Group> gs, double[] ns, double a) {
        double[] dr = RunData.series(gs, ns, a, Columns.DE_STD_RISK);
        if (Double.isNaN(dr[0])) {
            return "";
        }
        double[] r = RunData.series(gs, ns, a, Columns.STD_RISK);
        double[] dg = RunData.series(gs, ns, a, Columns.DE_NORM_L2);
        double[] g = RunData.series(gs, ns, a, Columns.NORM_L2_SQ);
        double[] da = RunData.series(gs, ns, a, Columns.DE_ADV_RISK);
        double[] ra = RunData.series(gs, ns, a, Columns.ADV_RISK);
        StringBuilder b = new StringBuilder("; deterministic equivalent (linear ridge at λ_eff), relative error DE/sim − 1"
                + " of R, E‖∇f̂‖², R_α:");
        for (int i = 0; i < ns.length; i++) {
            b.append(" n = ").append((int) ns[i]).append(": ").append(pct(dr[i] / r[i] - 1)).append(", ")
                    .append(pct(dg[i] * dg[i] / g[i] - 1)).append(", ").append(pct(da[i] / ra[i] - 1)).append(";");
        }
        return b.toString();
    }

    static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * v);
    }

    static double spearman(double[] x, double[] y) {
        return new SpearmansCorrelation().correlation(x, y);
    }
}
