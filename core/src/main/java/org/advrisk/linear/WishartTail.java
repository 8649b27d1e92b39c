package org.advrisk.linear;

import java.util.SplittableRandom;
import org.advrisk.linalg.Blas;
import org.advrisk.model.LinearProblem;
import org.advrisk.random.Distribution;
import org.advrisk.random.Purpose;
import org.advrisk.random.RandomStreams;
import org.advrisk.random.StreamGenerator;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * Exact sampling of a constant spectral tail (docs/architecture.md, "The path trick"). When λ_h = … = λ_{p−1} = ε
 * and θ* vanishes beyond the head h, the tail features X_T = √ε·Z_T enter every l2 quantity only
 * through K_T = ε·W and M_T = ε²·W with W = Z_T Z_Tᵀ ~ Wishart_n(I, p − h), independent of the
 * head. W is drawn exactly by the Bartlett decomposition W = AAᵀ (A lower triangular,
 * A_ii² ~ χ²_{p−h−i}, A_ij ~ N(0,1) below the diagonal) in O(n³), whatever p is: p = 10⁹ costs what
 * p = 10³ does. Row i of A comes from the stream (seed, trial, WISHART, i), so W (like the streamed
 * design) is nested across n: its leading m×m block is the W of the first m samples.
 *
 * <p>Only for Gaussian designs (the tail Gram of a Rademacher design is not Wishart), and only for
 * l2 quantities: θ̂ itself (l1/linf norms, test samples) needs the tail's coordinates, which this
 * path never draws; paths fitted this way refuse {@code summarize} and {@code theta}.
 */
public final class WishartTail {
    /** AUTO uses the Wishart tail when the tail has at least this many times n features. */
    public static final int AUTO_TAIL_FACTOR = 2;

    private WishartTail() {
    }

    /** The head h: features before the constant tail, and at least the support of θ*. */
    public static long headSize(LinearProblem problem) {
        return Math.max(problem.spectrum().constantTailStart(), problem.theta().support());
    }

    /** Why the Wishart tail cannot be used for this problem, or null when it can. */
    public static String whyNot(LinearProblem problem) {
        if (problem.design() != Distribution.GAUSSIAN) {
            return "the design is " + problem.design().label() + "; the exact tail needs a gaussian design";
        }
        long h = headSize(problem);
        long df = problem.p() - h;
        if (df < problem.n()) {
            return "the constant tail of the spectrum has " + df + " features after the head of " + h
                    + " (spectrum break or θ* support), fewer than n=" + problem.n();
        }
        return null;
    }

    /** Whether the Wishart tail can be used (Gaussian design, tail of at least n equal eigenvalues). */
    public static boolean eligible(LinearProblem problem) {
        return whyNot(problem) == null;
    }

    /**
     * The AUTO rule: eligible and the tail has at least {@link #AUTO_TAIL_FACTOR}·n features, so that
     * streaming it (n²·(p − h) flops) would cost more than the Bartlett draw (n³).
     */
    public static boolean preferred(LinearProblem problem) {
        return eligible(problem) && problem.p() - headSize(problem) >= (long) AUTO_TAIL_FACTOR * problem.n();
    }

    /** The tail eigenvalue ε. */
    static double epsilon(LinearProblem problem) {
        return problem.spectrum().value(problem.p() - 1);
    }

    /**
     * Samples W ~ Wishart_n(I, df) by Bartlett: returns the lower triangle of AAᵀ (upper part zero),
     * column-major n×n. Needs df ≥ n.
     */
    public static double[] bartlettLower(int n, long df, long seed, long trial) {
        if (df < n) {
            throw new IllegalArgumentException("df: " + df + " must be >= n=" + n + " for a Bartlett draw");
        }
        double[] a = new double[n * n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            SplittableRandom r = RandomStreams.stream(seed, trial, Purpose.WISHART, i);
            Distribution.GAUSSIAN.fill(r, row, 0, i);
            for (int j = 0; j < i; j++) {
                a[i + j * n] = row[j];
            }
            // χ²_k = Gamma(k/2, scale 2)
            double chi2 = new GammaDistribution(new StreamGenerator(r), (df - i) / 2.0, 2.0).sample();
            a[i + i * n] = Math.sqrt(chi2);
        }
        double[] w = new double[n * n];
        Blas.syrkLower(n, n, 1.0, a, 0.0, w);
        return w;
    }

    /** Bartlett draw returned as a full symmetric matrix. */
    public static double[] bartlett(int n, long df, long seed, long trial) {
        double[] w = bartlettLower(n, df, seed, trial);
        Blas.symmetrizeLower(n, w);
        return w;
    }

    /**
     * Gram statistics of training set {@code trial} with the head streamed (the same numbers as the
     * streaming path for features [0, h)) and the tail drawn exactly.
     */
    public static GramStats sample(LinearProblem problem, long seed, long trial, int threads) {
        String why = whyNot(problem);
        if (why != null) {
            throw new IllegalArgumentException("exact-tail: not possible: " + why);
        }
        long h = headSize(problem);
        double[] w = bartlettLower(problem.n(), problem.p() - h, seed, trial);
        return GramSampler.sample(problem, seed, trial, threads, h, w, epsilon(problem));
    }
}
