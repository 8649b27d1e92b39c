package org.advrisk.linear;

import org.advrisk.model.LinearProblem;

/**
 * Samples one training set of a problem in the cheapest form a ridge-type fit needs: for p ≥ n the
 * n×n statistics ({@link GramSampler} streaming every feature, or {@link WishartTail} drawing a long
 * constant tail exactly, as the {@link TailMode} says); for p &lt; n the explicit design
 * ({@link DesignSampler}). Estimators that need X itself call {@link DesignSampler} directly.
 */
public final class TrainingSampler {
    private TrainingSampler() {
    }

    /** Training set {@code trial} of the problem. */
    public static TrainingData sample(LinearProblem problem, long seed, long trial, int threads, TailMode mode) {
        if (problem.p() >= problem.n()) {
            return mode.usesWishart(problem) ? WishartTail.sample(problem, seed, trial, threads)
                    : GramSampler.sample(problem, seed, trial, threads);
        }
        if (mode == TailMode.EXACT) {
            mode.usesWishart(problem); // throws with the reason (p < n leaves no tail of n features)
        }
        return DesignSampler.sample(problem, seed, trial);
    }
}
