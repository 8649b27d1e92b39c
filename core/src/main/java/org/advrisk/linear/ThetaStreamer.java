package org.advrisk.linear;

import org.advrisk.linalg.Blas;
import org.advrisk.model.GroundTruth;
import org.advrisk.model.LinearProblem;
import org.advrisk.random.Purpose;

/**
 * Rebuilds θ̂ = XᵀV block by block from the design's random streams (the same numbers the sampler
 * used) and accumulates its q-norms, those of θ̂ − θ*, and test-sample projections ⟨x_t, θ̂ − θ*⟩.
 * Per-block partial sums are combined in block order, so the result does not depend on threads.
 */
final class ThetaStreamer {
    private ThetaStreamer() {
    }

    /** Per-block partial norm sums: Σ|x|^q (or max for q = ∞) per (λ, exponent). */
    record BlockSums(double[] theta, double[] error) {
    }

    /**
     * Processes the blocks of one stripe; writes per-block sums into perBlock and returns the stripe's
     * test projections (testSize × L, column-major) or an empty array.
     */
    static double[] stripe(LinearProblem problem, long seed, long trial, double[] v, int l, double[] exponents,
                           int testSize, int stripe, int stripes, int width, BlockSums[] perBlock) {
        int n = problem.n();
        long p = problem.p();
        double[] z = new double[n * width];
        double[] lam = new double[width];
        double[] sq = new double[width];
        double[] th = new double[width * l];
        double[] zt = testSize > 0 ? new double[testSize * width] : null;
        double[] test = testSize > 0 ? new double[testSize * l] : new double[0];
        for (long blk = stripe; blk * width < p; blk += stripes) {
            long from = blk * width;
            int len = (int) Math.min(width, p - from);
            FeatureBlocks.fillZ(problem.design(), seed, trial, Purpose.DESIGN, from, len, n, z);
            problem.spectrum().fill(from, lam, 0, len);
            for (int j = 0; j < len; j++) {
                sq[j] = Math.sqrt(lam[j]);
            }
            FeatureBlocks.scaleColumns(z, n, len, sq);
            // θ̂_block (len × L) = A_blockᵀ V
            Blas.gemm(true, false, len, l, n, 1.0, z, v, 0.0, th);
            perBlock[(int) blk] = sums(th, len, l, exponents, problem.theta(), from);
            if (testSize > 0) {
                // rows of th become √λ_j (θ̂_j − θ*_j); then test += Z_t · that
                for (int k = 0; k < l; k++) {
                    for (int j = 0; j < len; j++) {
                        th[j + k * len] = sq[j] * (th[j + k * len] - problem.theta().value(from + j));
                    }
                }
                FeatureBlocks.fillZ(problem.design(), seed, trial, Purpose.TEST_DESIGN, from, len, testSize, zt);
                Blas.gemm(false, false, testSize, l, len, 1.0, zt, th, 1.0, test);
            }
        }
        return test;
    }

    /** Norm sums of one block of θ̂ (len × L, column-major) and of θ̂ − θ*. */
    static BlockSums sums(double[] th, int len, int l, double[] exponents, GroundTruth theta, long from) {
        int qn = exponents.length;
        double[] a = new double[l * qn];
        double[] e = new double[l * qn];
        for (int k = 0; k < l; k++) {
            for (int j = 0; j < len; j++) {
                double x = th[j + k * len];
                double d = x - theta.value(from + j);
                for (int qi = 0; qi < qn; qi++) {
                    double q = exponents[qi];
                    a[k * qn + qi] = accumulate(a[k * qn + qi], Math.abs(x), q);
                    e[k * qn + qi] = accumulate(e[k * qn + qi], Math.abs(d), q);
                }
            }
        }
        return new BlockSums(a, e);
    }

    static double accumulate(double acc, double abs, double q) {
        if (Double.isInfinite(q)) {
            return Math.max(acc, abs);
        }
        if (q == 1) {
            return acc + abs;
        }
        if (q == 2) {
            return acc + abs * abs;
        }
        return acc + Math.pow(abs, q);
    }

    static double combine(double acc, double part, double q) {
        return Double.isInfinite(q) ? Math.max(acc, part) : acc + part;
    }

    static double finishNorm(double acc, double q) {
        if (Double.isInfinite(q) || q == 1) {
            return acc;
        }
        return q == 2 ? Math.sqrt(acc) : Math.pow(acc, 1 / q);
    }

    /** Combines the per-block sums in block order and turns test projections into E|e| estimates. */
    static ThetaSummary[] finish(LinearProblem problem, long seed, long trial, double[] lambdas, double[] exponents,
                                 BlockSums[] perBlock, double[] test, int testSize) {
        int l = lambdas.length;
        int qn = exponents.length;
        double[] a = new double[l * qn];
        double[] e = new double[l * qn];
        for (BlockSums b : perBlock) {
            for (int k = 0; k < l; k++) {
                for (int qi = 0; qi < qn; qi++) {
                    a[k * qn + qi] = combine(a[k * qn + qi], b.theta()[k * qn + qi], exponents[qi]);
                    e[k * qn + qi] = combine(e[k * qn + qi], b.error()[k * qn + qi], exponents[qi]);
                }
            }
        }
        return assemble(problem, seed, trial, lambdas, exponents, a, e, test, testSize);
    }

    /** Builds the summaries from combined norm sums and test projections (testSize × L). */
    static ThetaSummary[] assemble(LinearProblem problem, long seed, long trial, double[] lambdas,
                                   double[] exponents, double[] a, double[] e, double[] test, int testSize) {
        int l = lambdas.length;
        int qn = exponents.length;
        double[] xi = testSize > 0 ? FeatureBlocks.noise(problem.noise(), seed, trial, Purpose.TEST_NOISE, testSize)
                : null;
        ThetaSummary[] out = new ThetaSummary[l];
        for (int k = 0; k < l; k++) {
            double[] nt = new double[qn];
            double[] ne = new double[qn];
            for (int qi = 0; qi < qn; qi++) {
                nt[qi] = finishNorm(a[k * qn + qi], exponents[qi]);
                ne[qi] = finishNorm(e[k * qn + qi], exponents[qi]);
            }
            double mc = Double.NaN;
            double sc = Double.NaN;
            double mn = Double.NaN;
            double sn = Double.NaN;
            if (testSize > 0) {
                double[] clean = new double[testSize];
                double[] noisy = new double[testSize];
                for (int t = 0; t < testSize; t++) {
                    double err = test[t + k * testSize];
                    clean[t] = Math.abs(err);
                    noisy[t] = Math.abs(err - problem.sigma() * xi[t]);
                }
                mc = mean(clean);
                sc = stdError(clean, mc);
                mn = mean(noisy);
                sn = stdError(noisy, mn);
            }
            out[k] = new ThetaSummary(lambdas[k], exponents.clone(), nt, ne, mc, sc, mn, sn);
        }
        return out;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double stdError(double[] x, double mean) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1) / x.length);
    }
}
