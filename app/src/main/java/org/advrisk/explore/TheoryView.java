package org.advrisk.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowTypes;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.theory.BenignDiagnosis;
import org.advrisk.theory.DePoint;
import org.advrisk.theory.DeterministicEquivalent;
import org.advrisk.theory.OracleFrontier;
import org.advrisk.theory.RankSummary;
import org.advrisk.theory.TheoryAt;
import org.advrisk.theory.TheoryComposer;
import org.advrisk.theory.TheorySpectrum;
import org.advrisk.theory.ThreatEquivalent;
import org.advrisk.theory.TradeOff;

/**
 * Computes everything the page draws for one {@link TheoryRequest}, the way {@code advrisk theory}
 * computes it (TheoryProblem, DeterministicEquivalent, TradeOff, EffectiveRanks, BenignDiagnosis):
 * the risks over the trade-off's λ grid at n (panels a, b), the chosen λ, and per n of the n grid the
 * min-norm risks, ‖θ̂‖², the effective-rank ratios (panel c) and the regret ratios A, S (panel d).
 */
final class TheoryView {
    private TheoryView() {
    }

    /** Refuses a request whose work exceeds {@link Limits#MAX_THEORY_WORK} before allocating anything. */
    static void checkCost(TheoryRequest r) {
        double work = 0;
        String driver = Columns.P.name();
        List<Long> ns = new ArrayList<>();
        ns.add(r.n());
        for (long m : r.gridWithN()) {
            ns.add(m);
        }
        double perN = r.grid().length + 2.0;
        for (long m : ns) {
            double[] g = groups(r.spectrum(), r.theta(), r, m);
            work += g[0] * perN;
            if (g[1] == 1) {
                driver = "truncation";
            }
        }
        if (work > Limits.MAX_THEORY_WORK) {
            throw new IllegalArgumentException(driver + ": this view needs about " + Limits.sci(work)
                    + " eigenvalue-group passes (groups x (tradeoff-lambda values + 2) over n and the n-grid), more than the"
                    + " explorer's limit " + Limits.sci(Limits.MAX_THEORY_WORK) + "; use a smaller p or truncation, fewer"
                    + " tradeoff-lambda values or a shorter n-grid (advrisk theory has no such limit)");
        }
    }

    /** Number of eigenvalue groups at n, and 1 when the truncation (not p) sets it. */
    private static double[] groups(SpectrumSpec s, GroundTruthSpec theta, TheoryRequest r, long n) {
        double k = theta instanceof GroundTruthSpec.Top t ? t.k() : theta instanceof GroundTruthSpec.Random x ? x.k() : 1;
        double head = Math.max(k, r.truncation());
        boolean constant = s instanceof SpectrumSpec.Isotropic || s instanceof SpectrumSpec.TwoLevel
                || s instanceof SpectrumSpec.Geometric g && g.r() == 1.0
                || s instanceof SpectrumSpec.PowerLaw pw && pw.a() == 0 && pw.b() == 0;
        if (constant) {
            double spikes = s instanceof SpectrumSpec.TwoLevel tl ? tl.spikes() : 0;
            return new double[] {Math.max(k, spikes) + 1, 0};
        }
        if (r.p().isInfinite()) {
            return new double[] {head, 1};
        }
        double p = r.p().at(n);
        return p <= head ? new double[] {p, 0} : new double[] {head, 1};
    }

    /** The view as a JSON-ready map (NaN and ±∞ still to be mapped to null). */
    static Map<String, Object> compute(TheoryRequest r) {
        long start = System.nanoTime();
        checkCost(r);
        List<String> warnings = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();

        org.advrisk.theory.TheoryRequest problem = problem(r);
        TheoryAt at = TheoryComposer.at(problem, r.n());
        TheorySpectrum ts = at.spectrum();
        TradeOff t = tradeOff(at, r);
        DePoint chosen = at.equivalent().at(r.lambda());
        double gt = shaped(r) ? t.groundTruth() : at.groundTruth(r.attack(), r.target(), r.alpha());

        out.put(Columns.SPECTRUM.name(), ts.label());
        out.put(Columns.P.name(), at.p());
        out.put(Columns.N.name(), r.n());
        out.put(Columns.ATTACK.name(), r.attack().label());
        out.put(Columns.TARGET.name(), r.target().label());
        out.put(Columns.ALPHA.name(), r.alpha());
        out.put(Columns.EMPIRICAL.name(), DePoint.isEmpirical(r.attack()));
        out.put(Columns.GT_ADV_RISK.name(), gt);
        if (shaped(r)) {
            out.put(Columns.ATTACK_SCALE.name(), r.threat().attackScale());
            out.put(Columns.LABEL_PRESERVING.name(), r.threat().labelPreserving());
        }

        int m = t.points().size();
        double[] lambdas = new double[m];
        double[] normSq = new double[m];
        double maxTail = chosen.tailRatio();
        for (int i = 0; i < m; i++) {
            DePoint pt = t.points().get(i);
            lambdas[i] = pt.lambda();
            normSq[i] = pt.normL2Sq();
            maxTail = Math.max(maxTail, pt.tailRatio());
        }
        Map<String, Object> path = new LinkedHashMap<>();
        path.put(Columns.LAMBDA.name(), lambdas);
        path.put(Columns.STD_RISK.name(), t.stdRisk());
        path.put(Columns.ADV_RISK.name(), t.advRisk());
        path.put(Columns.NORM_SQ.name(), normSq);
        path.put("frontier", t.frontier());
        path.put(Columns.MIN_NORM_INCLUDED.name(), t.minNormIncluded());
        out.put("path", path);
        if (shaped(r)) {
            warnings.add("the oracle frontier is drawn for the isotropic attacker only (attack-scale 0, not label-preserving)");
        } else {
            out.put("oracle", oracle(at, r));
        }
        out.put("chosen", point(chosen, r, gt, at));
        if (shaped(r) && Double.isNaN(adversarial(chosen, r, at))) {
            warnings.add("no deterministic equivalent of R_alpha for attack-scale " + r.threat().attackScale()
                    + " with an analytic tail (p = inf): only attack-scale 0 and 1 there");
        }
        out.put("tradeoff", org.advrisk.theory.TheoryRows.tradeoff(t).toMap());

        List<Map<String, Object>> byN = new ArrayList<>();
        List<RankSummary> summaries = new ArrayList<>();
        List<TradeOff> trades = new ArrayList<>();
        for (long n : r.gridWithN()) {
            TheoryAt atN = TheoryComposer.at(problem, n);
            DeterministicEquivalent d = atN.equivalent();
            RankSummary rs = atN.ranks();
            summaries.add(rs);
            Row.Builder row = RowTypes.EXPLORE_BY_N.row().set(Columns.N, n).set(Columns.P, atN.p())
                    .set(Columns.MIN_NORM, d.minNormAllowed());
            if (d.minNormAllowed()) {
                DePoint z = d.at(0);
                maxTail = Math.max(maxTail, z.tailRatio());
                row.set(Columns.STD_RISK, z.stdRisk())
                        .set(Columns.ADV_RISK, adversarial(z, r, atN))
                        .set(Columns.NORM_SQ, z.normL2Sq());
            } else {
                row.set(Columns.STD_RISK, Double.NaN).set(Columns.ADV_RISK, Double.NaN).set(Columns.NORM_SQ, Double.NaN);
            }
            TradeOff tn = tradeOff(atN, r);
            trades.add(tn);
            row.set(Columns.GT_ADV_RISK, shaped(r) ? tn.groundTruth() : atN.groundTruth(r.attack(), r.target(), r.alpha()))
                    .set(Columns.R0_OVER_N, rs.r0OverN()).set(Columns.K_STAR, rs.kStar().value())
                    .set(Columns.K_STAR_STATUS, rs.kStar().status().name().toLowerCase(Locale.ROOT))
                    .set(Columns.K_STAR_OVER_N, rs.kStarOverN()).set(Columns.N_OVER_R_K_STAR, rs.nOverRkStar())
                    .set(Columns.REGRET_A, tn.adversarialRegret()).set(Columns.REGRET_S, tn.standardRegret())
                    .set(Columns.LAMBDA_STD, tn.lambdaStd()).set(Columns.LAMBDA_ADV, tn.lambdaAdv())
                    .set(Columns.OPTIMUM_AT_GRID_EDGE, tn.optimumAtGridEdge());
            byN.add(row.build().toMap());
        }
        out.put("by_n", byN);
        BenignDiagnosis diagnosis = BenignDiagnosis.of(summaries);
        Map<String, Object> dg = new LinkedHashMap<>();
        dg.put("verdict", diagnosis.verdict().label());
        dg.put("reason", diagnosis.reason());
        dg.put("rule", BenignDiagnosis.RULE);
        out.put("diagnosis", dg);
        Map<String, Object> tv = new LinkedHashMap<>();
        tv.put("verdict", TradeOff.verdict(trades));
        tv.put("rule", TradeOff.VERDICT_RULE);
        tv.put("clear_regret", TradeOff.CLEAR_REGRET);
        out.put("tradeoff_verdict", tv);
        if (maxTail > 0.01) {
            warnings.add(String.format(Locale.ROOT, "the tail approximation has lambda_{P+1}/kappa = %.3g > 0.01;"
                    + " increase truncation", maxTail));
        }
        if (t.optimumAtGridEdge()) {
            warnings.add("lambda_std or lambda_adv sits at an end of tradeoff-lambda: the optimum may lie outside;"
                    + " widen the grid");
        }
        out.put("warnings", warnings);
        out.put("compute_ms", (System.nanoTime() - start) / 1e6);
        return out;
    }

    /**
     * The oracle frontier at n (panel b): the best (R, R_α) of any linear predictor knowing Σ and θ*, on its
     * automatic μ grid (OracleFrontier; a Gaussian design is assumed, as by the rest of the view).
     */
    static Map<String, Object> oracle(TheoryAt at, TheoryRequest r) {
        OracleFrontier f = at.oracle(r.attack(), r.target(), r.alpha());
        double[] mu = new double[f.size()];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = f.mu(i);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Columns.MU.name(), mu);
        m.put(Columns.STD_RISK.name(), f.stdRisk());
        m.put(Columns.ADV_RISK.name(), f.advRisk());
        m.put(Columns.NORM_DUAL.name(), f.normDual());
        m.put(Columns.PARETO.name(), f.pareto());
        return m;
    }

    /** The view's problem as the core's typed theory request (the view takes single values through TheoryAt). */
    static org.advrisk.theory.TheoryRequest problem(TheoryRequest r) {
        return org.advrisk.theory.TheoryRequest.problem(r.spectrum(), r.theta(), r.p(), r.sigma(), r.noise(), r.seed(),
                r.truncation(), r.b());
    }

    private static Map<String, Object> point(DePoint d, TheoryRequest r, double gt, TheoryAt at) {
        double dual = shaped(r) ? ThreatEquivalent.of(at.spectrum(), d, r.threat().attackScale()).dual(r.attack(),
                r.target(), r.threat().labelPreserving()) : d.dualNorm(r.attack(), r.target());
        return RowTypes.EXPLORE_CHOSEN.row().set(Columns.LAMBDA, d.lambda()).set(Columns.KAPPA, d.kappa())
                .set(Columns.STD_RISK, d.stdRisk())
                .set(Columns.ADV_RISK, adversarial(d, r, at))
                .set(Columns.GT_ADV_RISK, gt).set(Columns.BIAS, d.bias()).set(Columns.VARIANCE, d.variance())
                .set(Columns.NORM_L2, Math.sqrt(d.normL2Sq())).set(Columns.NORM_SQ, d.normL2Sq())
                .set(Columns.NORM_DUAL, dual).set(Columns.ALPHA_C, d.crossoverBudget())
                .set(Columns.TAIL_RATIO, d.tailRatio()).build().toMap();
    }

    /** True for an attacker other than the paper's isotropic ball (attack-scale > 0 or label-preserving). */
    private static boolean shaped(TheoryRequest r) {
        return !r.threat().isIsotropic();
    }

    /** The trade-off over the view's λ grid for the view's attacker. */
    private static TradeOff tradeOff(TheoryAt at, TheoryRequest r) {
        return shaped(r) ? at.tradeOff(r.grid(), r.attack(), r.target(), r.alpha(), r.threat())
                : at.tradeOff(r.grid(), r.attack(), r.target(), r.alpha());
    }

    /** R_α's equivalent at one point for the view's attacker ({@link ThreatEquivalent} when shaped). */
    private static double adversarial(DePoint d, TheoryRequest r, TheoryAt at) {
        return shaped(r) ? ThreatEquivalent.adversarialRisk(at.spectrum(), d, r.threat(), r.attack(), r.target(),
                r.alpha(), r.noise()) : d.adversarialRisk(r.attack(), r.target(), r.alpha(), r.noise());
    }
}
