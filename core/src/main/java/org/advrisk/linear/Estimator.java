package org.advrisk.linear;

/**
 * An estimator: configured once, fitted on training data, and returning the whole path of its
 * parameter from that one fit (scikit-learn's {@code fit(X, y)}; EJML's "set the matrix once, solve
 * many"). The estimator never samples: samplers ({@link TrainingSampler}, {@link GramSampler},
 * {@link WishartTail}, {@link DesignSampler}) or a user's table produce the data.
 *
 * <p>Implementations: {@link RidgeEstimator} (primal, dual and Wishart-tailed statistics, or an explicit
 * design) and {@code org.advrisk.kernel.KernelRidge}. Every implementation passes the abstract contract
 * test {@code EstimatorContract} (core tests).
 *
 * @param <D> the training data it accepts
 * @param <P> the path it returns
 */
@FunctionalInterface
public interface Estimator<D, P extends EstimatorPath> {
    /** Fits the whole path on the data; refuses data it cannot use with a message naming what is missing. */
    P fit(D data);
}
