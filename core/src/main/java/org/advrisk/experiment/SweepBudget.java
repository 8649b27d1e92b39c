package org.advrisk.experiment;

import static org.advrisk.linalg.MemoryBudget.linearTrial;
import static org.advrisk.linalg.MemoryBudget.ntkTrial;
import static org.advrisk.linalg.MemoryBudget.require;
import static org.advrisk.linalg.MemoryBudget.requireStreamingFlops;
import static org.advrisk.linalg.MemoryBudget.sat;

/**
 * A whole sweep checked against {@link org.advrisk.linalg.MemoryBudget} before it runs: its trial count
 * and, per grid point, the memory of the trials that run at once and the streaming work.
 */
public final class SweepBudget {
    /** Most trials a sweep may have (each is a small object; 10⁷ alone take gigabytes). */
    public static final long MAX_TRIALS = 2_000_000;

    private SweepBudget() {
    }

    /** Refuses a sweep with more than {@link #MAX_TRIALS} trials, counted without expanding it. */
    public static void requireTrials(Spec spec) {
        long count = 1;
        long[] sizes = {spec.spectrum().size(), spec.theta().size(), spec.p().size(), spec.sigma().size(),
            spec.design().size(), spec.noise().size(), spec.n().size(), spec.trials()};
        for (long s : sizes) {
            count = sat(count, s);
        }
        if (count > MAX_TRIALS) {
            throw new IllegalArgumentException("trials: the sweep has " + (count == Long.MAX_VALUE ? "more than 9e18" : count)
                    + " trials (the product of the grid sizes of spectrum, theta, p, sigma, design, noise, n and"
                    + " trials), more than the " + MAX_TRIALS + " allowed; shorten a grid or split the sweep");
        }
    }

    /**
     * Checks a whole sweep before it runs: its trial count, and for every grid point the memory of
     * {@code min(threads, trials)} concurrent trials and (linear) the streaming work.
     */
    public static void requireSweep(Spec spec, int threads) {
        requireTrials(spec);
        long parallel = Math.max(1, Math.min(threads, spec.trials() * (long) spec.n().size()));
        int widest = spec.width().stream().mapToInt(Integer::intValue).max().orElse(0);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Trial t : Sweep.trials(spec)) {
            Point pt = t.point();
            if (t.trial() != 0 || !seen.add(pt.key())) {
                continue;
            }
            long p = pt.p();
            if (spec.family() == Family.NTK) {
                require("n", pt.n(), v -> parallel * ntkTrial(v, p, NtkTrialEvaluator.TEST_SIZE, widest),
                        parallel + " trial(s) at once, each with n×n kernel matrices and " + NtkTrialEvaluator.TEST_SIZE
                                + " test points in d = " + p + " dimensions");
                continue;
            }
            boolean adv = spec.estimators().advtrain();
            // advtrain holds the n×p design and about one more copy while fitting (see AdvTrainEstimator).
            require("n", pt.n(), v -> parallel * (linearTrial(v, p) + (adv ? 16 * sat(v, p) : 0)), parallel
                    + " trial(s) at once, each with n×n Gram, covariance and eigenvector matrices (p = " + p + ")"
                    + (adv ? " and, for estimator advtrain, the n×p design twice" : ""));
            org.advrisk.model.LinearProblem pr = LinearTrialEvaluator.problem(pt, t.seed());
            org.advrisk.linear.LinearQuery q = new org.advrisk.linear.LinearQuery(
                    spec.lambda().stream().mapToDouble(Double::doubleValue).toArray(),
                    spec.alpha().stream().mapToDouble(Double::doubleValue).toArray(),
                    spec.attack().stream().map(org.advrisk.model.AttackNorm::parse).toList(),
                    spec.target().stream().map(org.advrisk.model.Target::parse).toList(), LinearTrialEvaluator.TEST_SIZE);
            org.advrisk.linear.TailMode mode = LinearTrialEvaluator.tailMode(pr, q, adv);
            if (!(pr.p() >= pr.n() && mode.usesWishart(pr))) {
                requireStreamingFlops(pr.n(), pr.p(), " (n = " + pt.n() + ", spectrum " + pt.spectrum() + ")");
            }
        }
    }
}
