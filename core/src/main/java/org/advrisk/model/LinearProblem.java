package org.advrisk.model;

import org.advrisk.random.Distribution;

/**
 * One fully specified linear regression problem: n samples of x = Σ^{1/2} z (z with independent
 * coordinates from {@code design}), y = ⟨x, θ*⟩ + σ·ξ (ξ from {@code noise}).
 *
 * @param n        sample size
 * @param spectrum eigenvalues of Σ (fixes p)
 * @param theta    the ground truth θ* (same p)
 * @param sigma    noise level σ ≥ 0
 * @param noise    distribution of ξ (mean 0, variance 1)
 * @param design   distribution of the coordinates of z (mean 0, variance 1)
 */
public record LinearProblem(int n, Spectrum spectrum, GroundTruth theta, double sigma,
                            Distribution noise, Distribution design) {
    /** Largest σ, λ or α accepted: risks are squares of sums of their products, so 1e50 keeps every one finite. */
    public static final double MAX_SCALE = org.advrisk.param.Parameters.MAX_SCALE;

    public LinearProblem {
        if (n < 1) {
            throw new IllegalArgumentException("n: " + n + " must be >= 1");
        }
        org.advrisk.param.Parameters.SIGMA.check(sigma);
        if (theta.p() != spectrum.p()) {
            throw new IllegalArgumentException("theta: dimension " + theta.p() + " differs from p=" + spectrum.p());
        }
    }

    /** The dimension p. */
    public long p() {
        return spectrum.p();
    }

    /** ‖θ*‖²_Σ, the variance of the clean response. */
    public double signalVariance() {
        return theta.sigmaNormSq(spectrum);
    }
}
