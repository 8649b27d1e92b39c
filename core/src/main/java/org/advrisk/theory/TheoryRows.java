package org.advrisk.theory;

import java.util.Locale;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowTypes;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;

/**
 * The rows of {@code advrisk theory}'s sections, built by column (types {@link RowTypes#THEORY_RANKS},
 * {@link RowTypes#THEORY_DE}, {@link RowTypes#THEORY_TRADEOFF}, {@link RowTypes#THEORY_FRONTIER}, {@link RowTypes#THEORY_ORACLE}); the
 * explorer serves the same trade-off row.
 */
public final class TheoryRows {
    private TheoryRows() {
    }

    /**
     * One effective-rank row.
     *
     * @param p          the dimension (a Long, or "inf")
     * @param truncation explicit eigenvalues before the analytic tail
     */
    public static Row ranks(RankSummary r, Object p, long truncation) {
        return RowTypes.THEORY_RANKS.row().set(Columns.N, r.n()).set(Columns.P, p).set(Columns.TRUNCATION, truncation)
                .set(Columns.B, r.b()).set(Columns.R0, r.r0()).set(Columns.K_STAR, r.kStar().value())
                .set(Columns.K_STAR_STATUS, r.kStar().status().name().toLowerCase(Locale.ROOT))
                .set(Columns.R0_OVER_N, r.r0OverN()).set(Columns.K_STAR_OVER_N, r.kStarOverN())
                .set(Columns.N_OVER_R_K_STAR, r.nOverRkStar()).set(Columns.R_K_STAR, r.rKStar())
                .set(Columns.VARIANCE_PROXY, r.varianceProxy()).set(Columns.NORM_BOUND_TRACE, r.normBoundTrace())
                .set(Columns.NORM_BOUND_TAIL, r.normBoundTail()).build();
    }

    /**
     * One deterministic-equivalent row at (n, λ) of {@code d} for one attack, target and α.
     *
     * @param p  the dimension (a Long, or "inf")
     * @param gt the ground truth's adversarial risk
     */
    public static Row de(DePoint d, Object p, AttackNorm attack, Target target, double alpha, Distribution noise,
                         double gt) {
        return RowTypes.THEORY_DE.row().set(Columns.N, d.n()).set(Columns.P, p).set(Columns.LAMBDA, d.lambda())
                .set(Columns.ALPHA, alpha).set(Columns.ATTACK, attack.label()).set(Columns.TARGET, target.label())
                .set(Columns.KAPPA, d.kappa()).set(Columns.DF1, d.df1()).set(Columns.DF2, d.df2())
                .set(Columns.TAU2, d.tau2()).set(Columns.BIAS, d.bias()).set(Columns.VARIANCE, d.variance())
                .set(Columns.STD_RISK, d.stdRisk()).set(Columns.ADV_RISK, d.adversarialRisk(attack, target, alpha, noise))
                .set(Columns.GT_ADV_RISK, gt).set(Columns.NORM_L2, Math.sqrt(d.normL2Sq()))
                .set(Columns.NORM_SQ_SIGNAL, d.normSignal()).set(Columns.NORM_SQ_NOISE, d.normNoise())
                .set(Columns.NORM_DUAL, d.dualNorm(attack, target)).set(Columns.ALPHA_C, d.crossoverBudget())
                .set(Columns.EMPIRICAL, DePoint.isEmpirical(attack)).set(Columns.TAIL_RATIO, d.tailRatio()).build();
    }

    /**
     * One deterministic-equivalent row for a shaped or label-preserving attacker ({@link ThreatEquivalent}, l2):
     * the columns of {@link #de} with attack_scale, label_preserving and the attacker's R_α, dual norm and
     * ground-truth risk.
     */
    public static Row de(DePoint d, Object p, AttackNorm attack, Target target, double alpha, Distribution noise,
                         TheorySpectrum spectrum, org.advrisk.linear.ThreatModel threat) {
        ThreatEquivalent t = ThreatEquivalent.of(spectrum, d, threat.attackScale());
        double gt = org.advrisk.linear.LinearRisks.groundTruthAdversarial(t.truthDual(threat.labelPreserving()), alpha,
                target, d.sigma(), noise);
        return de(d, p, attack, target, alpha, noise, gt).toBuilder().set(Columns.ATTACK_SCALE, threat.attackScale())
                .set(Columns.LABEL_PRESERVING, threat.labelPreserving())
                .put(Columns.ADV_RISK, ThreatEquivalent.adversarialRisk(spectrum, d, threat, attack, target, alpha, noise))
                .put(Columns.NORM_DUAL, t.dual(attack, target, threat.labelPreserving())).build();
    }

    /** One trade-off row (also served by the explorer's API). */
    public static Row tradeoff(TradeOff t) {
        return RowTypes.THEORY_TRADEOFF.row().set(Columns.N, t.n()).set(Columns.ATTACK, t.attack().label())
                .set(Columns.TARGET, t.target().label()).set(Columns.ALPHA, t.alpha())
                .set(Columns.GRID_SIZE, t.points().size()).set(Columns.MIN_NORM_INCLUDED, t.minNormIncluded())
                .set(Columns.LAMBDA_STD, t.lambdaStd()).set(Columns.STD_RISK_MIN, t.stdRisk()[t.iStd()])
                .set(Columns.ADV_RISK_AT_LAMBDA_STD, t.advRisk()[t.iStd()]).set(Columns.LAMBDA_ADV, t.lambdaAdv())
                .set(Columns.ADV_RISK_MIN, t.advRisk()[t.iAdv()]).set(Columns.STD_RISK_AT_LAMBDA_ADV, t.stdRisk()[t.iAdv()])
                .set(Columns.REGRET_A, t.adversarialRegret()).set(Columns.REGRET_S, t.standardRegret())
                .set(Columns.GT_ADV_RISK, t.groundTruth()).set(Columns.ADV_AT_LAMBDA_STD_OVER_GT, t.advAtStdOverGroundTruth())
                .set(Columns.ADV_MIN_OVER_GT, t.bestAdvOverGroundTruth()).set(Columns.MIN_NORM_ADV_RISK, t.minNormAdvRisk())
                .set(Columns.FRONTIER_SIZE, t.frontier().length).set(Columns.OPTIMUM_AT_GRID_EDGE, t.optimumAtGridEdge())
                .build();
    }

    /** The Pareto point {@code i} of a trade-off. */
    public static Row frontier(TradeOff t, int i) {
        return RowTypes.THEORY_FRONTIER.row().set(Columns.N, t.n()).set(Columns.ATTACK, t.attack().label())
                .set(Columns.TARGET, t.target().label()).set(Columns.ALPHA, t.alpha())
                .set(Columns.LAMBDA, t.points().get(i).lambda()).set(Columns.STD_RISK, t.stdRisk()[i])
                .set(Columns.ADV_RISK, t.advRisk()[i]).build();
    }

    /**
     * The point {@code i} of an oracle frontier at sample size n (the oracle itself does not depend on n;
     * p may, through the dimension rule).
     *
     * @param p the dimension (a Long, or "inf")
     */
    public static Row oracle(long n, Object p, OracleFrontier f, int i) {
        return RowTypes.THEORY_ORACLE.row().set(Columns.N, n).set(Columns.P, p).set(Columns.ATTACK, f.attack().label())
                .set(Columns.TARGET, f.target().label()).set(Columns.ALPHA, f.alpha()).set(Columns.MU, f.mu(i))
                .set(Columns.STD_RISK, f.stdRisk()[i]).set(Columns.ADV_RISK, f.advRisk()[i])
                .set(Columns.GT_ADV_RISK, f.groundTruth()).set(Columns.NORM_L2, Math.sqrt(f.points().get(i).normL2Sq()))
                .set(Columns.NORM_DUAL, f.normDual()[i]).set(Columns.PARETO, f.pareto()[i]).build();
    }
}
