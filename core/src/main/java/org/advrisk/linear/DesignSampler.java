package org.advrisk.linear;

import org.advrisk.linalg.Blas;
import org.advrisk.model.LinearProblem;
import org.advrisk.random.Purpose;

/**
 * Samples the explicit n×p design X = Z Σ^{1/2} of one training set and its labels y = Xθ* + σξ from
 * the same feature streams as {@link GramSampler} (so the two roads see the same training set). For
 * estimators that need X itself (least squares for p &lt; n, adversarial training) and for test
 * points. Refuses designs of more than {@link #MAX_ENTRIES} numbers before allocating.
 */
public final class DesignSampler {
    /** Largest n·p held explicitly (5·10⁷ doubles = 400 MB). */
    public static final long MAX_ENTRIES = 50_000_000L;

    private DesignSampler() {
    }

    /** Training set {@code trial} of the problem with X held explicitly. */
    public static DesignData sample(LinearProblem problem, long seed, long trial) {
        int n = problem.n();
        int p = checkSize(n, problem.p());
        double[] x = design(problem, seed, trial, Purpose.DESIGN, n);
        double[] thetaStar = new double[p];
        for (int j = 0; j < p; j++) {
            thetaStar[j] = problem.theta().value(j);
        }
        double[] clean = new double[n];
        Blas.gemv(false, n, p, 1.0, x, thetaStar, 0.0, clean);
        double[] xi = FeatureBlocks.noise(problem.noise(), seed, trial, Purpose.NOISE, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = clean[i] + problem.sigma() * xi[i];
        }
        return new DesignData(n, p, x, y, new SampleSource(problem, seed, trial));
    }

    /** Refuses an explicit rows×p matrix beyond {@link #MAX_ENTRIES}; returns p as an int. */
    static int checkSize(long rows, long p) {
        if (rows * p > MAX_ENTRIES || p > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("p: " + p + " with " + rows + " rows needs an explicit design of "
                    + rows * p + " numbers, more than " + MAX_ENTRIES + " (400 MB); use p >= n (the streamed Gram)"
                    + " or smaller n, p");
        }
        return (int) p;
    }

    /** The rows×p matrix Z Σ^{1/2} drawn from the given purpose's streams (training design or test points). */
    public static double[] design(LinearProblem problem, long seed, long trial, Purpose purpose, int rows) {
        long size = (long) rows * problem.p();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("p: " + problem.p() + " with " + rows + " rows is too large to hold ("
                    + size + " numbers)");
        }
        int p = (int) problem.p();
        double[] z = new double[rows * p];
        FeatureBlocks.fillZ(problem.design(), seed, trial, purpose, 0, p, rows, z);
        double[] sq = new double[p];
        for (int j = 0; j < p; j++) {
            sq[j] = Math.sqrt(problem.spectrum().value(j));
        }
        FeatureBlocks.scaleColumns(z, rows, p, sq);
        return z;
    }
}
