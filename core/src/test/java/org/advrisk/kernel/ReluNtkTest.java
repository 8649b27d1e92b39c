package org.advrisk.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The closed-form kernels against the empirical kernel of a width-m network, and their gradients. */
class ReluNtkTest {
    private static final int D = 12;
    private static final int N = 8;
    private static final int M = 40_000;

    private static double[] points(long seed, int d, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[d * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() * (1 + (i / d) % 3) / 2;
        }
        return x;
    }

    private static double dot(double[] x, int i, double[] y, int j, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += x[i * d + k] * y[j * d + k];
        }
        return s;
    }

    /**
     * Empirical kernels of width M with w_j ~ N(0, I): per neuron φ1 = ⟨x,x'⟩ 1{w·x>0}1{w·x'>0} and
     * φ2 = relu(w·x) relu(w·x'); K̂ is their mean, its standard error their sd/√M.
     * K1: on the scale √(K1(x,x)K1(x',x')) = ‖x‖‖x'‖/2 one neuron's term has sd ≤ |u|/… ≤ 1, so
     * 3/√M is a ≥ 3σ bound entrywise. K2: one neuron's term has sd up to 2.24 on that scale (diagonal,
     * E relu(g)⁴ = 3/2), so entries are held to 4 of their own standard errors, and the RMS over
     * off-diagonal pairs (sd ≈ 0.94 there) to 3/√M.
     */
    @Test
    void closedFormsMatchMonteCarloOfFiniteWidth() {
        double[] x = points(1, D, N);
        double[][] mean1 = new double[N][N];
        double[][] mean2 = new double[N][N];
        double[][] sq2 = new double[N][N];
        SplittableRandom r = new SplittableRandom(7);
        double[] w = new double[D];
        double[] h = new double[N];
        for (int j = 0; j < M; j++) {
            for (int k = 0; k < D; k++) {
                w[k] = r.nextGaussian();
            }
            for (int i = 0; i < N; i++) {
                h[i] = dot(w, 0, x, i, D);
            }
            for (int i = 0; i < N; i++) {
                for (int l = 0; l < N; l++) {
                    if (h[i] > 0 && h[l] > 0) {
                        mean1[i][l] += 1;
                        double p = h[i] * h[l];
                        mean2[i][l] += p;
                        sq2[i][l] += p * p;
                    }
                }
            }
        }
        double[] norms = Kernels.columnNorms(D, N, x);
        double[] k1 = Kernels.gram(ReluNtk.K1, D, N, x);
        double[] k2 = Kernels.gram(ReluNtk.K2, D, N, x);
        double[] k12 = Kernels.gram(ReluNtk.K1_PLUS_K2, D, N, x);
        double rms = 0;
        int pairs = 0;
        for (int i = 0; i < N; i++) {
            for (int l = 0; l < N; l++) {
                double g = dot(x, i, x, l, D);
                double e1 = g * mean1[i][l] / M;
                double e2 = mean2[i][l] / M;
                double se2 = Math.sqrt((sq2[i][l] / M - e2 * e2) / M);
                double scale = norms[i] * norms[l] / 2;
                assertThat(Math.abs(e1 - k1[i + l * N]) / scale).isLessThan(3 / Math.sqrt(M));
                assertThat(Math.abs(e2 - k2[i + l * N])).isLessThan(4 * se2);
                assertThat(k12[i + l * N]).isCloseTo(k1[i + l * N] + k2[i + l * N],
                        org.assertj.core.api.Assertions.within(1e-12 * scale));
                if (i != l) {
                    rms += Math.pow((e2 - k2[i + l * N]) / scale, 2);
                    pairs++;
                }
            }
        }
        assertThat(Math.sqrt(rms / pairs)).isLessThan(3 / Math.sqrt(M));
    }

    /**
     * Gradients against central differences with step 1e-5 at random points (u far from ±1, so no
     * kink within the step): the difference error is O(h²·k''') ≈ 1e-10, rounding O(ε/h) ≈ 1e-11;
     * tolerance 1e-6 relative to the gradient's norm.
     */
    @Test
    void inputGradientsMatchFiniteDifferences() {
        int d = 7;
        double[] x = points(3, d, 2);
        double[] z = new double[d];
        System.arraycopy(x, 0, z, 0, d);
        double[] xp = new double[d];
        System.arraycopy(x, d, xp, 0, d);
        double bNorm = Math.sqrt(dot(xp, 0, xp, 0, d));
        for (Kernel k : new Kernel[] {ReluNtk.K1, ReluNtk.K2, ReluNtk.K1_PLUS_K2, LinearKernel.INSTANCE}) {
            KernelPredictor f = new KernelPredictor(k, d, 1, xp, new double[] {bNorm}, new double[] {1.0});
            double[] grad = f.gradient(z);
            double gn = Math.sqrt(dot(grad, 0, grad, 0, d));
            double hStep = 1e-5;
            for (int c = 0; c < d; c++) {
                double[] zp = z.clone();
                double[] zm = z.clone();
                zp[c] += hStep;
                zm[c] -= hStep;
                double fd = (f.value(zp) - f.value(zm)) / (2 * hStep);
                assertThat(Math.abs(fd - grad[c])).as(k.label() + " coordinate " + c).isLessThan(1e-6 * gn);
            }
        }
    }

    /** At u = 1 exactly (x' = 2x) the guard keeps the gradient finite and equal to the radial derivative. */
    @Test
    void gradientIsFiniteForParallelInputs() {
        double[] x = {1, 2, -1};
        double[] xp = {2, 4, -2};
        double b = Math.sqrt(24);
        KernelPredictor f = new KernelPredictor(ReluNtk.K1, 3, 1, xp, new double[] {b}, new double[] {1.0});
        double[] g = f.gradient(x);
        // Along the ray K1(x, x') = ⟨x, x'⟩/2 (θ = 0): the derivative along x is ⟨x', x⟩/2 = ‖x‖² = 6.
        assertThat(g[0] * 1 + g[1] * 2 - g[2]).isCloseTo(6, org.assertj.core.api.Assertions.within(1e-9));
        for (double v : g) {
            assertThat(Double.isFinite(v)).isTrue();
        }
    }
}
