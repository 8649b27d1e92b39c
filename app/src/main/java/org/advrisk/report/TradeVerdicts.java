package org.advrisk.report;

import static org.advrisk.report.Verdicts.REGRET;
import static org.advrisk.report.Verdicts.RHO;
import static org.advrisk.report.Verdicts.spearman;

import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Decision;
import org.advrisk.stats.Numbers;
import org.advrisk.stats.Verdict;

/**
 * The trade-off verdicts along a λ grid: claim (ii) for ridge, its contrast setting, and claim (iii)'s
 * NTK kernel ridge path (regret ratios A and S with bootstrap intervals, {@link VerdictStats#regret}).
 */
final class TradeVerdicts {
    private TradeVerdicts() {
    }

    /** Claim (ii) (or contrast) verdicts, one per setting and α > 0 with a λ grid and at least 2 values of n. */
    static List<Verdict> claimTwo(RunData data, boolean contrast) {
        List<Verdict> out = new java.util.ArrayList<>();
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
                            VerdictRules.RULE_CONTRAST));
                } else {
                    out.add(new Verdict("(ii) ridge: no λ makes both risks small", setting,
                            "regret ratios A, S along λ from mean risks", tr.numbers(), met, cr, VerdictRules.RULE_II));
                }
            }
        }
        return out;
    }

    /** Claim (iii) kernel-ridge verdicts: one per setting with a λ grid (≥ 3 values) and at least 2 values of n. */
    static List<Verdict> claimThreeRidge(RunData data) {
        List<Verdict> out = new java.util.ArrayList<>();
        for (Map<String, Object> s : data.settings()) {
            List<Group> gs = data.groups(s, RunData::infiniteWidth);
            double[] lambdas = RunData.distinct(gs, Columns.LAMBDA);
            double[] ns = RunData.distinct(gs, Columns.N);
            double[] alphas = RunData.distinct(gs, Columns.ALPHA);
            double a = alphas[alphas.length - 1];
            if (lambdas.length < 3 || ns.length < 2 || a == 0) {
                continue;
            }
            Trade tr = trade(data, s, a);
            Numbers.Builder num = Numbers.builder().append(tr.numbers());
            for (double b : alphas) {
                if (b == 0 || b == a) {
                    continue;
                }
                Trade other = trade(data, s, b);
                TradeOff l = other.curve().get(other.curve().size() - 1);
                num.words(". Not in the rule: α = ").real("alpha", b).words(": ");
                regrets(num, other.curve());
                num.words("the rule would ").words(other.met() ? "be met" : "NOT be met").words(" at this budget (A = ")
                        .real("A(n_max)", l.a()).words(", S = ").real("S(n_max)", l.s()).words(" at n = ")
                        .integer("n_max", l.n()).words(")");
            }
            List<Criterion> cr = VerdictStats.regret(data, s, a, lambdas, REGRET);
            out.add(new Verdict("(iii) NTK kernel ridge: no λ makes both risks small",
                    RunData.label(s) + ", α = " + RunData.fmt(a), "regret ratios A, S along the kernel ridge path from"
                    + " mean risks (PGD R_α)", num.build(), Decision.all(cr.stream().map(Criterion::decision)
                    .toList()), cr, VerdictRules.RULE_III_RIDGE));
        }
        return out;
    }

    /** The trade-off curve over n of one setting and α, whether the claim (ii) rule is met, and its numbers. */
    record Trade(List<TradeOff> curve, boolean met, Numbers numbers) {
    }

    static Trade trade(RunData data, Map<String, Object> s, double a) {
        List<TradeOff> t = TradeOff.curve(data, s, a, Columns.STD_RISK, Columns.ADV_RISK);
        TradeOff last = t.get(t.size() - 1);
        boolean met = last.a() > REGRET && last.s() > REGRET && increasing(t, true) && increasing(t, false);
        Numbers.Builder num = Numbers.builder();
        regrets(num, t);
        if (data.hasTheory()) {
            List<TradeOff> de = TradeOff.curve(data, s, a, Columns.DE_STD_RISK, Columns.DE_ADV_RISK);
            if (!de.isEmpty()) {
                TradeOff d = de.get(de.size() - 1);
                num.words("DE at n = ").integer("n", d.n()).words(": A = ").real("DE A", d.a()).words(", S = ")
                        .real("DE S", d.s()).words("; ");
            }
        }
        if (t.size() >= 3) {
            double[] tn = t.stream().mapToDouble(TradeOff::n).toArray();
            num.words("ρ(n, A) = ").real("rho(n, A)", spearman(tn, t.stream().mapToDouble(TradeOff::a).toArray()))
                    .words(", ρ(n, S) = ").real("rho(n, S)", spearman(tn, t.stream().mapToDouble(TradeOff::s).toArray()))
                    .words("; ");
        }
        num.words("at n = ").integer("n_max", last.n()).words(": R_α(θ̂_λstd) = ").real("R_α(λ_std)", last.advAtStd())
                .words(" vs ground truth ").real("gt", last.gt()).words(", frontier gap G = ").real("G", last.gap());
        return new Trade(t, met, num.build());
    }

    /** "n = …: A = …, S = …; " for each n of a trade-off curve. */
    private static void regrets(Numbers.Builder num, List<TradeOff> curve) {
        for (TradeOff x : curve) {
            num.words("n = ").integer("n", x.n()).words(": A = ").real("A", x.a()).words(", S = ").real("S", x.s())
                    .words("; ");
        }
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
}
