package org.advrisk.linear;

import java.util.Optional;

/**
 * What a linear {@link Estimator} is fitted on: n labels and either the design itself
 * ({@link DesignData}) or its n×n statistics ({@link GramStats}). When the data were sampled from a
 * known model the {@link SampleSource} says which (Σ, θ*, noise and the stream key), so that exact
 * risks can be computed and θ̂ or test points redrawn; a user's table has no source.
 */
public interface TrainingData {
    /** Sample size n. */
    int n();

    /** Dimension p. */
    long p();

    /** The labels y (length n; a copy or a shared array that callers must not modify). */
    double[] y();

    /** The model and stream key the data were drawn from, empty for a user's table. */
    Optional<SampleSource> source();
}
