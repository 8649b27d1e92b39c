package org.advrisk.linear;

import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.LinearProblem;
import org.advrisk.random.Distribution;

/**
 * Evaluates one training set: samples it ({@link TrainingSampler}), fits the whole ridge path with one
 * eigendecomposition ({@link RidgeEstimator}), and returns a row per (λ, attack, target, α) with exact
 * standard and adversarial risks ({@link LinearRiskRows}).
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
        TrainingData data = TrainingSampler.sample(problem, seed, trial, threads, resolve(problem, query, mode));
        return evaluate(new RidgeEstimator(threads).fit(data), query, seed, trial);
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

    /** Evaluates an already fitted path (see {@link LinearRiskRows#of(LinearPath, LinearQuery, long, long)}). */
    public static List<LinearRiskRow> evaluate(LinearPath path, LinearQuery query, long seed, long trial) {
        return LinearRiskRows.of(path, query, seed, trial);
    }
}
