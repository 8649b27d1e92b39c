package org.advrisk.linear;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.advrisk.random.Distribution;

/**
 * Evaluates one training set: samples it, fits the whole ridge path with one eigendecomposition,
 * and returns a row per (λ, attack, target, α) with exact standard and adversarial risks.
 * θ̂ is rebuilt from the design streams only when a non-l2 norm or a non-Gaussian design needs it.
 */
public final class LinearTrial {
    private LinearTrial() {
    }

    /** Runs training set {@code trial} of the problem ({@link TailMode#AUTO}). */
    public static List<LinearRiskRow> evaluate(LinearProblem problem, LinearQuery query, long seed, long trial,
                                               int threads) {
        return evaluate(problem, query, seed, trial, threads, TailMode.AUTO);
    }

    /**
     * Runs training set {@code trial} with the given tail mode, resolved by {@link #resolve}: when the
     * query needs θ̂ itself (a non-l2 attack or a non-Gaussian design) AUTO streams every feature.
     */
    public static List<LinearRiskRow> evaluate(LinearProblem problem, LinearQuery query, long seed, long trial,
                                               int threads, TailMode mode) {
        RidgePath path = RidgePath.fit(problem, seed, trial, threads, resolve(problem, query, mode));
        return evaluate(path, query, seed, trial);
    }

    /** True when the query needs θ̂ itself: a non-l2 attack norm, or a non-Gaussian design (test sample). */
    public static boolean needsTheta(LinearProblem problem, LinearQuery query) {
        if (problem.design() != Distribution.GAUSSIAN) {
            return true;
        }
        for (AttackNorm a : query.attacks()) {
            if (!a.isL2()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tail mode actually used: AUTO becomes STREAM when θ̂ is needed; EXACT with a query that needs
     * θ̂ is refused with a message.
     */
    public static TailMode resolve(LinearProblem problem, LinearQuery query, TailMode mode) {
        if (!needsTheta(problem, query)) {
            return mode;
        }
        if (mode == TailMode.EXACT) {
            throw new IllegalArgumentException("exact-tail: on cannot serve this query: l1/linf/lp attack norms"
                    + " and non-gaussian designs need θ̂ itself, which only the streaming path rebuilds;"
                    + " use --exact-tail auto|off, or only l2 attacks with a gaussian design");
        }
        return TailMode.STREAM;
    }

    /** Evaluates an already fitted path. */
    public static List<LinearRiskRow> evaluate(RidgePath path, LinearQuery query, long seed, long trial) {
        LinearProblem problem = path.problem();
        double[] lambdas = query.lambdas();
        PathPoint[] points = path.at(lambdas);
        ThetaSummary[] summaries = null;
        double[] exponents = exponents(query);
        if (needsSummaries(problem, query)) {
            summaries = path.summarize(lambdas, exponents, testSize(problem, query));
        }
        return rows(problem, query, points, summaries, seed, trial);
    }

    /** The dual exponents q of the non-l2 attacks of the query (what {@link ThetaSummary} must hold). */
    static double[] exponents(LinearQuery query) {
        Set<Double> qs = new LinkedHashSet<>();
        for (AttackNorm a : query.attacks()) {
            if (!a.isL2()) {
                qs.add(a.q());
            }
        }
        return qs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether rows need θ̂'s summaries: a non-l2 attack, or a non-Gaussian design (test sample). */
    static boolean needsSummaries(LinearProblem problem, LinearQuery query) {
        return exponents(query).length > 0 || problem.design() != Distribution.GAUSSIAN;
    }

    /** Test points for the summaries: 0 for a Gaussian design (exact), else the query's. */
    static int testSize(LinearProblem problem, LinearQuery query) {
        return problem.design() == Distribution.GAUSSIAN ? 0 : query.testSize();
    }

    /**
     * The risk rows of any estimator from its l2 quantities (one {@link PathPoint} per fitted point) and,
     * when {@link #needsSummaries} holds, its {@link ThetaSummary}s: the one code path for every estimator.
     */
    static List<LinearRiskRow> rows(LinearProblem problem, LinearQuery query, PathPoint[] points,
                                    ThetaSummary[] summaries, long seed, long trial) {
        boolean gaussian = problem.design() == Distribution.GAUSSIAN;
        GroundTruth theta = problem.theta();
        double sigma = problem.sigma();
        List<LinearRiskRow> rows = new ArrayList<>();
        for (int li = 0; li < points.length; li++) {
            PathPoint pt = points[li];
            for (AttackNorm attack : query.attacks()) {
                double gtDual = theta.norm(attack.q());
                for (Target target : query.targets()) {
                    double dual = dualNorm(attack, target, pt, summaries == null ? null : summaries[li]);
                    double m2 = target == Target.NOISY ? pt.stdRisk() + sigma * sigma : pt.stdRisk();
                    double m1;
                    double m1Se;
                    if (gaussian) {
                        m1 = LinearRisks.gaussianErrorMoments(pt.stdRisk(), target, sigma, problem.noise())[1];
                        m1Se = 0;
                    } else {
                        ThetaSummary s = summaries[li];
                        m1 = target == Target.NOISY ? s.meanAbsNoisy() : s.meanAbsClean();
                        m1Se = target == Target.NOISY ? s.seNoisy() : s.seClean();
                    }
                    for (double alpha : query.alphas()) {
                        double adv = LinearRisks.adversarial(m2, m1, dual, alpha);
                        double gt = LinearRisks.groundTruthAdversarial(gtDual, alpha, target, sigma, problem.noise());
                        rows.add(new LinearRiskRow(trial, seed, problem.n(), problem.p(), pt.lambda(), alpha,
                                attack.label(), target.label(), problem.design().label(), pt.stdRisk(), adv,
                                2 * alpha * dual * m1Se, gt, pt.normL2(), dual,
                                LinearRisks.crossoverBudget(pt.stdRisk(), pt.normL2Sq()), pt.trainMse()));
                    }
                }
            }
        }
        return rows;
    }

    private static double dualNorm(AttackNorm attack, Target target, PathPoint pt, ThetaSummary s) {
        if (attack.isL2()) {
            return target == Target.CONSISTENT ? Math.sqrt(pt.errL2Sq()) : pt.normL2();
        }
        return target == Target.CONSISTENT ? s.normError(attack.q()) : s.normTheta(attack.q());
    }
}
