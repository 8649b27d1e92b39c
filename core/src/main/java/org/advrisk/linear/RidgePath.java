package org.advrisk.linear;

import org.advrisk.model.LinearProblem;

/**
 * The spectral path of one training set: ridge by default and, through {@link #filtered}, gradient flow
 * or gradient descent from the same decomposition ({@link SpectralFamily}). The whole ridge path θ̂_λ = argmin (1/n)‖y − Xθ‖² + λ‖θ‖² of one training set, from a single
 * eigendecomposition (docs/architecture.md, "The path trick"). For p ≥ n it works with the n×n Gram matrix (λ = 0 is the
 * min-norm interpolator); for p &lt; n with the p×p covariance XᵀX (λ = 0 is least squares).
 * Fitted by {@link RidgeEstimator} on {@link TrainingData}; the path parameter is λ.
 */
public sealed interface RidgePath extends LinearPath permits DualRidgePath, PrimalRidgePath {

    /**
     * Samples training set {@code trial} and fits its whole path, with {@link TailMode#AUTO}: a long
     * constant spectral tail of a Gaussian design is drawn exactly (Wishart, cost independent of p;
     * then only l2 quantities are available, {@link #summarize} and {@link #theta} refuse).
     * Shorthand for {@code new RidgeEstimator(threads).fit(TrainingSampler.sample(...))}.
     */
    static RidgePath fit(LinearProblem problem, long seed, long trial, int threads) {
        return fit(problem, seed, trial, threads, TailMode.AUTO);
    }

    /**
     * Samples and fits with an explicit tail mode: {@link TailMode#STREAM} keeps θ̂ available (l1/linf
     * norms, test samples), {@link TailMode#EXACT} forces the Wishart tail.
     */
    static RidgePath fit(LinearProblem problem, long seed, long trial, int threads, TailMode mode) {
        return new RidgeEstimator(threads).fit(TrainingSampler.sample(problem, seed, trial, threads, mode));
    }

    /** The filter family this path applies ({@link SpectralFamily#RIDGE} unless {@link #filtered}). */
    SpectralFamily family();

    /**
     * The same eigendecomposition through another filter family (gradient flow, gradient descent): no new
     * decomposition, the path parameter becomes the family's ({@link #parameter()}).
     */
    RidgePath filtered(SpectralFamily family);

    /** Smallest and largest eigenvalue of XXᵀ (dual) or XᵀX (primal), for conditioning checks. */
    double[] eigenRange();

    /** Validates λ (finite, ≥ 0); λ = 0 on a singular matrix is the minimum-norm fit ({@link MinNormRule}). */
    static void checkLambda(double lambda, double minEig, double maxEig, String what) {
        org.advrisk.param.Parameters.LAMBDA.check(lambda);
    }
}
