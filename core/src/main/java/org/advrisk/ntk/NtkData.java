package org.advrisk.ntk;

import java.util.SplittableRandom;
import org.advrisk.model.GroundTruth;
import org.advrisk.model.Spectrum;
import org.advrisk.random.Distribution;
import org.advrisk.random.Purpose;
import org.advrisk.random.RandomStreams;

/**
 * How inputs and responses are drawn in the NTK setting: x = Σ^{1/2} z with z standard Gaussian and
 * Σ diagonal with the given spectrum, or (sphere) x uniform on the sphere of radius √d (covariance I);
 * f*(x) = ⟨x, θ*⟩; y = f*(x) + σξ, ξ from {@code noise}. Point i of a sample is drawn from the stream
 * (seed, trial, purpose, i), noise from (seed, trial, noise purpose, 0) in order.
 *
 * @param spectrum eigenvalues of Σ (dimension d); isotropic when {@code sphere}
 * @param sphere   inputs on the sphere of radius √d instead of Gaussian
 * @param theta    θ* in the coordinates of x (Σ is diagonal)
 * @param sigma    noise level σ ≥ 0
 * @param noise    distribution of ξ
 */
public record NtkData(Spectrum spectrum, boolean sphere, GroundTruth theta, double sigma, Distribution noise) {
    public NtkData {
        if (spectrum.p() > 1_000_000) {
            throw new IllegalArgumentException("d: " + spectrum.p() + " is too large for the NTK setting (max 1e6)");
        }
        if (theta.p() != spectrum.p()) {
            throw new IllegalArgumentException("theta: dimension " + theta.p() + " differs from d=" + spectrum.p());
        }
        org.advrisk.param.Parameters.SIGMA.check(sigma);
        if (sigma > org.advrisk.model.LinearProblem.MAX_SCALE) {
            throw new IllegalArgumentException("sigma: " + sigma + " is too large: the risks (squares of sums of its products) would overflow double precision; allowed: 0 to 1e50");
        }
    }

    /** The input dimension d. */
    public int d() {
        return (int) spectrum.p();
    }

    /** tr Σ (d on the sphere). */
    public double traceSigma() {
        return sphere ? d() : spectrum.trace();
    }

    /** tr Σ² (d on the sphere). */
    public double traceSigmaSq() {
        return sphere ? d() : spectrum.traceOfSquare();
    }

    /** θ* as a dense vector of length d. */
    public double[] thetaVector() {
        double[] t = new double[d()];
        for (int k = 0; k < Math.min(theta.support(), t.length); k++) {
            t[k] = theta.value(k);
        }
        return t;
    }

    /**
     * A sample of n points.
     *
     * @param x     inputs as columns, d×n column-major
     * @param fStar clean responses f*(x_i)
     * @param y     noisy responses
     */
    public record Sample(int d, int n, double[] x, double[] fStar, double[] y) {
    }

    /** The training sample (purposes DESIGN, NOISE). */
    public Sample train(int n, long seed, long trial) {
        return sample(n, seed, trial, Purpose.DESIGN, Purpose.NOISE);
    }

    /** A test sample (purposes TEST_DESIGN, TEST_NOISE). */
    public Sample test(int n, long seed, long trial) {
        return sample(n, seed, trial, Purpose.TEST_DESIGN, Purpose.TEST_NOISE);
    }

    private Sample sample(int n, long seed, long trial, Purpose design, Purpose noisePurpose) {
        if (n < 1) {
            throw new IllegalArgumentException("n: " + n + " must be >= 1");
        }
        int d = d();
        double[] scale = new double[d];
        if (!sphere) {
            spectrum.fill(0, scale, 0, d);
            for (int k = 0; k < d; k++) {
                scale[k] = Math.sqrt(scale[k]);
            }
        }
        double[] th = thetaVector();
        double[] x = new double[d * n];
        double[] fStar = new double[n];
        double[] y = new double[n];
        SplittableRandom nr = RandomStreams.stream(seed, trial, noisePurpose, 0);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = RandomStreams.stream(seed, trial, design, i);
            int off = i * d;
            RandomStreams.fillGaussian(r, x, off, off + d);
            if (sphere) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += x[off + k] * x[off + k];
                }
                double f = Math.sqrt(d / s);
                for (int k = 0; k < d; k++) {
                    x[off + k] *= f;
                }
            } else {
                for (int k = 0; k < d; k++) {
                    x[off + k] *= scale[k];
                }
            }
            double f = 0;
            for (int k = 0; k < d; k++) {
                f += x[off + k] * th[k];
            }
            fStar[i] = f;
            y[i] = f + sigma * noise.draw(nr);
        }
        return new Sample(d, n, x, fStar, y);
    }
}
