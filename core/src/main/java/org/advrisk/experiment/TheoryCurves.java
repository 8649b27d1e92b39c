package org.advrisk.experiment;

import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.ntk.NtkData;
import org.advrisk.ntk.NtkEquivalent;
import org.advrisk.random.Distribution;
import org.advrisk.theory.DePrediction;
import org.advrisk.theory.DimensionRule;
import org.advrisk.theory.OracleFrontier;
import org.advrisk.theory.RankSummary;
import org.advrisk.theory.TheoryColumns;
import org.advrisk.theory.TheoryComposer;
import org.advrisk.theory.TheoryRequest;
import org.advrisk.theory.TheorySpectrum;

/**
 * Deterministic-equivalent curves of a run's setting at sample sizes that were not simulated (to draw
 * the theory beyond the largest simulated n): the same de_std_risk, de_adv_risk, de_norm_l2 columns
 * the rows carry, computed from the setting's columns (spectrum, theta, p_rule, sigma, design, noise,
 * attack, target) at any n. Linear family: {@link TheoryColumns} of the problem at n (p from the
 * rule); NTK family (K1): {@link NtkEquivalent} with d = p.
 */
public final class TheoryCurves {
    /** Largest n (and, for the linear family, p = p_rule(n) up to this many features) a curve is drawn to. */
    public static final long MAX_P = 10_000_000_000L;

    private TheoryCurves() {
    }

    /** Geometric grid of {@code count} sample sizes from nMin to factor × nMax. */
    public static int[] grid(double nMin, double nMax, double factor, int count) {
        int[] out = new int[count];
        double lo = Math.log(nMin);
        double hi = Math.log(factor * nMax);
        for (int i = 0; i < count; i++) {
            out[i] = (int) Math.round(Math.exp(lo + (hi - lo) * i / (count - 1)));
        }
        return out;
    }

    /** The DE predictions of a setting at n, λ, α (NaN when undefined there, e.g. λ = 0 with p ≤ n). */
    public static DePrediction at(Family family, Map<String, Object> setting, long seed, int n, double lambda,
                                         double alpha) {
        String spectrum = SizeRule.substitute(String.valueOf(setting.get(Columns.SPECTRUM.name())), n);
        String theta = SizeRule.substitute(String.valueOf(setting.get(Columns.THETA.name())), n);
        SizeRule pRule = SizeRule.parse("p", String.valueOf(setting.get(Columns.P_RULE.name())));
        long p = pRule.at(n);
        if (p > MAX_P) {
            throw new IllegalArgumentException("p: " + p + " at n = " + n + " is too large for a theory curve; allowed: up to "
                    + MAX_P);
        }
        double sigma = ((Number) setting.get(Columns.SIGMA.name())).doubleValue();
        String noise = String.valueOf(setting.get(Columns.NOISE.name()));
        AttackNorm attack = AttackNorm.parse(String.valueOf(setting.get(Columns.ATTACK.name())));
        if (family == Family.NTK) {
            NtkData data = new NtkData(SpectrumSpec.parse(spectrum).withSize(p), false,
                    GroundTruthSpec.parse(theta).withSize(p, seed), sigma, Distribution.parse("noise", noise));
            return new NtkEquivalent(data, n).columns(lambda, alpha, attack);
        }
        Point point = new Point(family, spectrum, theta, pRule, sigma, String.valueOf(setting.get(Columns.DESIGN.name())), noise, n, p);
        TheoryColumns columns = new TheoryColumns(LinearTrialEvaluator.problem(point, seed));
        Target target = Target.parse(String.valueOf(setting.get(Columns.TARGET.name())));
        if (setting.get(Columns.ATTACK_SCALE.name()) instanceof Number g) { // a shaped or label-preserving attacker
            var threat = new org.advrisk.linear.ThreatModel(g.doubleValue(),
                    Boolean.TRUE.equals(setting.get(Columns.LABEL_PRESERVING.name())));
            if (!threat.isIsotropic()) {
                return columns.columns(lambda, alpha, attack, target, threat);
            }
        }
        return columns.columns(lambda, alpha, attack, target);
    }

    /**
     * The orders of ‖θ̂‖² of the min-norm interpolator at (n, p) for a setting (docs/theory.md §3, k* with
     * b = 1): σ²n/Σ_{i>k*} λ_i and the cruder σ²n/tr Σ.
     *
     * @param order      σ²n/Σ_{i>k*} λ_i (NaN or ∞ when k* is not found)
     * @param lowerBound σ²n/tr Σ
     */
    public record NormBounds(double order, double lowerBound) {
    }

    /** {@link NormBounds} of a setting (spectrum and θ* as expressions of n, σ) at n and dimension p. */
    public static NormBounds normBounds(Map<String, Object> setting, long seed, int n, long p) {
        String template = String.valueOf(setting.get(Columns.SPECTRUM.name()));
        String thetaTemplate = String.valueOf(setting.get(Columns.THETA.name()));
        double sigma = ((Number) setting.get(Columns.SIGMA.name())).doubleValue();
        TheoryRequest problem = TheoryRequest.problem(SpectrumSpec.parse(SizeRule.substitute(template, n)),
                GroundTruthSpec.parse(SizeRule.substitute(thetaTemplate, n)), DimensionRule.parse(Long.toString(p)), sigma,
                noise(setting), seed, TheorySpectrum.DEFAULT_TRUNCATION, 1.0);
        RankSummary rs = TheoryComposer.at(problem, n).ranks();
        return new NormBounds(rs.normBoundTail(), rs.normBoundTrace());
    }

    /**
     * The oracle frontier ({@link OracleFrontier}) of a setting at n (p from the rule; the oracle needs only
     * the support of θ*, so a long spectrum is truncated right after it), or null when the setting has none:
     * a non-Gaussian design (also the NTK's sphere), or an attack other than l2 and linf.
     */
    public static OracleFrontier oracle(Family family, Map<String, Object> setting, long seed, int n, double alpha) {
        String spectrum = SizeRule.substitute(String.valueOf(setting.get(Columns.SPECTRUM.name())), n);
        Object design = setting.get(Columns.DESIGN.name());
        AttackNorm attack = AttackNorm.parse(String.valueOf(setting.get(Columns.ATTACK.name())));
        if (spectrum.trim().startsWith("sphere") || (design != null && !"gaussian".equals(String.valueOf(design)))
                || !(attack.isL2() || attack.q() == 1)) {
            return null;
        }
        String theta = SizeRule.substitute(String.valueOf(setting.get(Columns.THETA.name())), n);
        long p = SizeRule.parse("p", String.valueOf(setting.get(Columns.P_RULE.name()))).at(n);
        double sigma = ((Number) setting.get(Columns.SIGMA.name())).doubleValue();
        // the oracle needs only the support of θ*: one explicit eigenvalue before the tail is enough
        TheoryRequest problem = TheoryRequest.problem(SpectrumSpec.parse(spectrum), GroundTruthSpec.parse(theta),
                DimensionRule.parse(Long.toString(p)), sigma, noise(setting), seed, 1, 1.0);
        return TheoryComposer.at(problem, n).oracle(attack,
                Target.parse(String.valueOf(setting.get(Columns.TARGET.name()))), alpha);
    }

    /** The setting's noise distribution (gaussian when the setting has none). */
    private static Distribution noise(Map<String, Object> setting) {
        Object noise = setting.get(Columns.NOISE.name());
        return Distribution.parse("noise", noise == null ? "gaussian" : String.valueOf(noise));
    }
}
