package org.advrisk.linear;

import org.advrisk.model.LinearProblem;

/**
 * Where sampled training data came from: the problem (Σ, θ*, σ, noise and design laws) and the key
 * (seed, trial) of the random streams, so that θ̂ can be rebuilt block by block and test points drawn
 * from the same streams.
 *
 * @param problem the population
 * @param seed    experiment seed
 * @param trial   training-set index
 */
public record SampleSource(LinearProblem problem, long seed, long trial) {
    public SampleSource {
        if (problem == null) {
            throw new IllegalArgumentException("source: the problem is missing");
        }
    }
}
