package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.advrisk.linalg.Blas;
import org.advrisk.model.GroundTruth;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.SpectrumSpec;
import org.junit.jupiter.api.Test;

/**
 * The one-eigendecomposition path against a direct Cholesky solve of the ridge system built from the
 * explicit design. Tolerance 1e-9 relative: the systems have condition numbers below ~1e5 here, so
 * both solves agree to ~1e-11; 1e-9 leaves room for the cancellation in R = θ̂ᵀΣθ̂ − 2θ̂ᵀΣθ* + θ*ᵀΣθ*.
 */
class RidgePathTest {
    private static final double[] LAMBDAS = {1e-12, 1e-10, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3,
        1e-2, 3e-2, 0.1, 0.3, 1, 3, 10, 30, 100, 1e3};

    /** θ̂ = Xᵀ(XXᵀ + nλI)⁻¹y by Cholesky. */
    private static double[] directDual(double[] x, double[] y, int n, int p, double lambda) {
        double[] k = new double[n * n];
        Blas.syrkLower(n, p, 1.0, x, 0.0, k);
        for (int i = 0; i < n; i++) {
            k[i + i * n] += n * lambda;
        }
        assertThat(Blas.potrfLowerInPlace(n, k)).isTrue();
        double[] a = y.clone();
        Blas.potrsLower(n, 1, k, a);
        double[] theta = new double[p];
        Blas.gemv(true, n, p, 1.0, x, a, 0.0, theta);
        return theta;
    }

    /** θ̂ = (XᵀX + nλI)⁻¹Xᵀy by Cholesky. */
    private static double[] directPrimal(double[] x, double[] y, int n, int p, double lambda) {
        double[] c = new double[p * p];
        Blas.syrkLowerTrans(n, p, 1.0, x, 0.0, c);
        for (int i = 0; i < p; i++) {
            c[i + i * p] += n * lambda;
        }
        assertThat(Blas.potrfLowerInPlace(p, c)).isTrue();
        double[] g = new double[p];
        Blas.gemv(true, n, p, 1.0, x, y, 0.0, g);
        Blas.potrsLower(p, 1, c, g);
        return g;
    }

    private static void assertMatchesDirect(LinearProblem problem, boolean dual) {
        int n = problem.n();
        int p = (int) problem.p();
        double[] x = Designs.x(problem, 5, 2);
        double[] y = Designs.y(problem, 5, 2, x);
        RidgePath path = RidgePath.fit(problem, 5, 2, 1, TailMode.STREAM); // compares the streamed design itself
        assertThat(path).isInstanceOf(dual ? DualRidgePath.class : PrimalRidgePath.class);
        PathPoint[] pts = path.at(LAMBDAS);
        for (int li = 0; li < LAMBDAS.length; li++) {
            double lambda = LAMBDAS[li];
            double[] t = dual ? directDual(x, y, n, p, lambda) : directPrimal(x, y, n, p, lambda);
            double risk = 0;
            double norm = 0;
            double diff = 0;
            double[] rebuilt = path.theta(lambda);
            for (int j = 0; j < p; j++) {
                double d = t[j] - problem.theta().value(j);
                risk += problem.spectrum().value(j) * d * d;
                norm += t[j] * t[j];
                diff += (rebuilt[j] - t[j]) * (rebuilt[j] - t[j]);
            }
            double[] fit = new double[n];
            Blas.gemv(false, n, p, 1.0, x, t, 0.0, fit);
            double mse = 0;
            for (int i = 0; i < n; i++) {
                mse += (y[i] - fit[i]) * (y[i] - fit[i]);
            }
            mse /= n;
            assertThat(pts[li].stdRisk()).as("risk at λ=%s", lambda).isCloseTo(risk, within(1e-9 * risk));
            assertThat(pts[li].normL2Sq()).as("norm at λ=%s", lambda).isCloseTo(norm, within(1e-9 * norm));
            assertThat(Math.sqrt(diff)).as("θ̂ at λ=%s", lambda).isLessThan(1e-9 * Math.sqrt(norm));
            assertThat(pts[li].trainMse()).as("mse at λ=%s", lambda)
                    .isCloseTo(mse, within(1e-9 * mse + 1e-12 * norm));
        }
    }

    @Test
    void dualPathEqualsCholeskyForTwentyLambdas() {
        assertMatchesDirect(Designs.problem(40, "powerlaw:a=1,b=0", 300, "top:k=3,norm=1", 0.5), true);
    }

    @Test
    void dualPathWithConstantBlocksEqualsCholesky() {
        assertMatchesDirect(Designs.problem(30, "twolevel:spikes=5,spike=1,tail=1", 700, "top:k=5,norm=1", 0.3),
                true);
    }

    @Test
    void primalPathEqualsCholeskyForTwentyLambdas() {
        assertMatchesDirect(Designs.problem(120, "geometric:r=0.97", 50, "random:k=10,norm=2", 0.5), false);
    }

    @Test
    void minNormInterpolates() {
        LinearProblem problem = Designs.problem(60, "powerlaw:a=1,b=2", 2000, "top:k=1,norm=1", 1.0);
        double[] x = Designs.x(problem, 9, 0);
        double[] y = Designs.y(problem, 9, 0, x);
        RidgePath path = RidgePath.fit(problem, 9, 0, 1);
        double[] t = path.theta(0);
        double[] fit = new double[60];
        Blas.gemv(false, 60, 2000, 1.0, x, t, 0.0, fit);
        double res = 0;
        double ny = 0;
        for (int i = 0; i < 60; i++) {
            res += (y[i] - fit[i]) * (y[i] - fit[i]);
            ny += y[i] * y[i];
        }
        assertThat(Math.sqrt(res)).isLessThanOrEqualTo(1e-10 * Math.sqrt(ny));
        // The path's own training MSE (from the eigen-shrinkage nλ/(s_i + nλ), not set by hand): 0 at λ = 0,
        // at most (nλ/s_min)²‖y‖²/n for λ > 0, and clearly positive once nλ is comparable to the spectrum.
        double sMin = path.eigenRange()[0];
        assertThat(path.at(0).trainMse()).isZero();
        double shrink = 60 * 1e-12 / sMin;
        assertThat(path.at(1e-12).trainMse()).isPositive().isLessThanOrEqualTo(shrink * shrink * ny / 60);
        assertThat(path.at(1e-2).trainMse()).isGreaterThan(1e-6 * ny / 60);
    }

    @Test
    void leastSquaresBelowInterpolationThreshold() {
        LinearProblem problem = Designs.problem(200, "isotropic", 20, "top:k=2,norm=1", 0.5);
        PathPoint ols = RidgePath.fit(problem, 3, 0, 1).at(0);
        // OLS residual: E mse = σ²(n − p)/n = 0.225; a single draw is within a few SE (SE ~ 0.025).
        assertThat(ols.trainMse()).isBetween(0.12, 0.33);
    }

    @Test
    void singularMinNormIsTheLimitOfRidge() {
        double[] eig = new double[100];
        for (int i = 0; i < 10; i++) {
            eig[i] = 1;
        }
        SpectrumSpec spec = new SpectrumSpec.Explicit(eig, "file:ten-positive.txt");
        LinearProblem problem = new LinearProblem(20, spec.withSize(100), new GroundTruth(new double[] {1}, 100), 0.5,
                org.advrisk.random.Distribution.GAUSSIAN, org.advrisk.random.Distribution.GAUSSIAN);
        RidgePath path = RidgePath.fit(problem, 1, 0, 1);
        // ten features, twenty samples: XXᵀ has rank 10; λ = 0 is the minimum-norm least-squares fit (the one
        // rule), here against the pseudo-inverse of the explicit design (Commons Math's SVD)
        PathPoint zero = path.at(0);
        double[] x = Designs.x(problem, 1, 0);
        double[] y = Designs.y(problem, 1, 0, x);
        double[][] rows = new double[20][100];
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 100; j++) {
                rows[i][j] = x[i + j * 20];
            }
        }
        var design = new org.apache.commons.math3.linear.Array2DRowRealMatrix(rows);
        double[] theta = new org.apache.commons.math3.linear.SingularValueDecomposition(design).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(y)).toArray();
        double norm = 0;
        for (double t : theta) {
            norm += t * t;
        }
        double[] fit = design.operate(theta);
        double rss = 0;
        for (int i = 0; i < 20; i++) {
            rss += (y[i] - fit[i]) * (y[i] - fit[i]);
        }
        assertThat(zero.normL2Sq()).isCloseTo(norm, within(1e-8 * norm));
        assertThat(zero.trainMse()).isCloseTo(rss / 20, within(1e-8 * rss / 20));
        assertThat(rss).as("twenty samples, ten features: no interpolation").isGreaterThan(1e-3);
    }
}
