package org.advrisk.linear;

import org.advrisk.attack.Predictor;

/**
 * The result of one {@link Estimator#fit}: one fitted function per value of the path parameter
 * (λ for ridge and kernel ridge), all from the same fit.
 */
public interface EstimatorPath {
    /** The name of the path parameter, as the output column that carries it ({@code lambda} for ridge). */
    String parameter();

    /** The number of training samples n. */
    int n();

    /** The fitted function at a parameter value, with its input gradient. */
    Predictor predictor(double param);

    /** Training mean squared error (1/n)‖y − f(X)‖² at a parameter value. */
    double trainMse(double param);
}
