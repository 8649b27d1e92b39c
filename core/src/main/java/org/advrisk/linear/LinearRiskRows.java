package org.advrisk.linear;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.advrisk.columns.Columns;
import org.advrisk.columns.RowTypes;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruth;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;

/**
 * The one place where linear estimates become output rows: for every path parameter value, attack,
 * target and budget, R = ‖θ̂ − θ*‖²_Σ and R_α = E(|e| + α‖·‖_q)² from the estimate's exact l2
 * quantities ({@link PathPoint}) and, when a non-l2 attack or a non-Gaussian design needs them, its
 * q-norms and test moments ({@link ThetaSummary}). Ridge, adversarial training and any path that holds
 * θ̂ ({@link ThetaPath}) go through it, so their numbers are comparable by construction.
 */
public final class LinearRiskRows {
    private LinearRiskRows() {
    }

    /** The exponents q of the non-l2 attacks of the query (distinct, in order). */
    public static double[] exponents(LinearQuery query) {
        Set<Double> qs = new LinkedHashSet<>();
        for (AttackNorm a : query.attacks()) {
            if (!a.isL2()) {
                qs.add(a.q());
            }
        }
        return qs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Rows of a fitted path at the parameter values {@code query.lambdas()} (λ for ridge; the path's own
     * parameter otherwise, reported in the {@code lambda} field of the row).
     */
    public static List<LinearRiskRow> of(LinearPath path, LinearQuery query, long seed, long trial) {
        return of(path, query.lambdas(), query, seed, trial);
    }

    /**
     * Rows of a fitted path at the given values of its own parameter (gradient flow's times may include
     * +∞, which a λ list refuses); the query gives the attacks, targets, budgets and test size.
     */
    public static List<LinearRiskRow> of(LinearPath path, double[] params, LinearQuery query, long seed, long trial) {
        LinearProblem problem = path.problem();
        PathPoint[] points = path.at(params);
        boolean gaussian = problem.design() == Distribution.GAUSSIAN;
        double[] exponents = exponents(query);
        ThetaSummary[] summaries = null;
        if (exponents.length > 0 || !gaussian) {
            summaries = path.summarize(params, exponents, gaussian ? 0 : query.testSize());
        }
        ThreatNorms threats = query.isotropicOnly() ? null : ThreatNorms.of(path, params, points, query);
        List<LinearRiskRow> rows = new ArrayList<>();
        for (int li = 0; li < params.length; li++) {
            rows.addAll(of(problem, points[li], summaries == null ? null : summaries[li], threats, li, query, seed,
                    trial));
        }
        return rows;
    }

    /**
     * Rows of one estimate from its quantities: one per (attack, target, α) of the query. The summary may
     * be null when the design is Gaussian and every attack is l2.
     */
    public static List<LinearRiskRow> of(LinearProblem problem, PathPoint pt, ThetaSummary summary,
                                         LinearQuery query, long seed, long trial) {
        return of(problem, pt, summary, null, 0, query, seed, trial);
    }

    /**
     * Rows of one estimate, one per (attack, target, threat model, α); threats (null for a query with only
     * the isotropic attacker) gives the shaped and label-preserving norms at index {@code k}.
     */
    static List<LinearRiskRow> of(LinearProblem problem, PathPoint pt, ThetaSummary summary, ThreatNorms threats,
                                  int k, LinearQuery query, long seed, long trial) {
        if (threats == null && !query.isotropicOnly()) {
            throw new IllegalArgumentException("rows: shaped or label-preserving attacks need the path (ThreatNorms)");
        }
        boolean gaussian = problem.design() == Distribution.GAUSSIAN;
        if (summary == null && (!gaussian || exponents(query).length > 0)) {
            throw new IllegalArgumentException("rows: non-l2 attacks and non-gaussian designs need the θ̂ summary");
        }
        GroundTruth theta = problem.theta();
        double sigma = problem.sigma();
        List<LinearRiskRow> rows = new ArrayList<>();
        for (AttackNorm attack : query.attacks()) {
            double isoGtDual = theta.norm(attack.q());
            for (Target target : query.targets()) {
                double m2 = target == Target.NOISY ? pt.stdRisk() + sigma * sigma : pt.stdRisk();
                double m1;
                double m1Se;
                if (gaussian) {
                    m1 = LinearRisks.gaussianErrorMoments(pt.stdRisk(), target, sigma, problem.noise())[1];
                    m1Se = 0;
                } else {
                    m1 = target == Target.NOISY ? summary.meanAbsNoisy() : summary.meanAbsClean();
                    m1Se = target == Target.NOISY ? summary.seNoisy() : summary.seClean();
                }
                for (ThreatModel threat : query.threats()) {
                    boolean iso = threat.isIsotropic();
                    double dual = iso ? dualNorm(attack, target, pt, summary) : threats.dual(k, attack, target, threat);
                    double gtDual = iso ? isoGtDual : threats.truthDual(attack, threat);
                    for (double alpha : query.alphas()) {
                        double adv = LinearRisks.adversarial(m2, m1, dual, alpha);
                        double gt = LinearRisks.groundTruthAdversarial(gtDual, alpha, target, sigma, problem.noise());
                        var row = RowTypes.LINEAR.row().set(Columns.TRIAL, trial).set(Columns.SEED, seed)
                                .set(Columns.N, problem.n()).set(Columns.P, problem.p())
                                .set(Columns.LAMBDA, pt.lambda()).set(Columns.ALPHA, alpha)
                                .set(Columns.ATTACK, attack.label()).set(Columns.TARGET, target.label());
                        if (!query.isotropicOnly()) {
                            row.set(Columns.ATTACK_SCALE, threat.attackScale())
                                    .set(Columns.LABEL_PRESERVING, threat.labelPreserving());
                        }
                        rows.add(new LinearRiskRow(row.set(Columns.DESIGN, problem.design().label())
                                .set(Columns.STD_RISK, pt.stdRisk()).set(Columns.ADV_RISK, adv)
                                .set(Columns.ADV_RISK_SE, 2 * alpha * dual * m1Se).set(Columns.GT_ADV_RISK, gt)
                                .set(Columns.NORM_L2, pt.normL2()).set(Columns.NORM_DUAL, dual)
                                .set(Columns.ALPHA_C, LinearRisks.crossoverBudget(pt.stdRisk(), pt.normL2Sq()))
                                .set(Columns.TRAIN_MSE, pt.trainMse()).build()));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Rows of one explicit θ̂ (p coordinates) fitted on sampled explicit data, at parameter value param:
     * the same numbers a path holding θ̂ gives (test points, if needed, from the data's source streams).
     */
    public static List<LinearRiskRow> ofTheta(DesignData data, double param, double[] theta, LinearQuery query) {
        SampleSource src = data.source().orElseThrow(() -> new IllegalArgumentException(
                "rows: population risks need sampled data (a source); a table has none"));
        ThetaPath path = ThetaPath.of(Columns.LAMBDA.name(), data, new double[] {param}, new double[][] {theta});
        return of(path, new double[] {param}, query, src.seed(), src.trial());
    }

    private static double dualNorm(AttackNorm attack, Target target, PathPoint pt, ThetaSummary s) {
        if (attack.isL2()) {
            return target == Target.CONSISTENT ? Math.sqrt(pt.errL2Sq()) : pt.normL2();
        }
        return target == Target.CONSISTENT ? s.normError(attack.q()) : s.normTheta(attack.q());
    }
}
