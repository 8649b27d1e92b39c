package org.advrisk.linear;

import java.util.List;
import org.advrisk.linalg.Blas;
import org.advrisk.random.OrderedParallel;
import org.advrisk.random.Purpose;

/**
 * Streams the design of one training set by feature blocks and accumulates its {@link GramStats}
 * without ever holding the n×p matrix: memory O(n² + n·block).
 *
 * <p>Parallelism without losing reproducibility: blocks are dealt to a fixed number of stripes that
 * depends on n only (never on the thread count); each stripe sums its blocks in order and the stripes
 * are added in order at the end. Worker threads run BLAS single-threaded.
 */
public final class GramSampler {
    private static final long STRIPE_BUDGET_BYTES = 256L << 20;

    private GramSampler() {
    }

    /** Number of independent partial sums used for n samples (depends on n only). */
    static int stripes(int n) {
        long perStripe = 16L * n * n;
        return (int) Math.max(1, Math.min(8, STRIPE_BUDGET_BYTES / perStripe));
    }

    /**
     * Samples training set {@code trial} of the problem and returns its Gram statistics.
     *
     * @param threads worker threads for the feature blocks (results do not depend on it)
     */
    public static GramStats sample(LinearProblem problem, long seed, long trial, int threads) {
        return sample(problem, seed, trial, threads, problem.p(), null, 0);
    }

    /**
     * Streams only features [0, features) and adds ε·W to K and ε²·W to M, where tailLower (may be
     * null) holds the lower triangle of the tail's Wishart matrix W (see {@link WishartTail}).
     */
    static GramStats sample(LinearProblem problem, long seed, long trial, int threads, long features,
                            double[] tailLower, double eps) {
        int n = problem.n();
        long p = features;
        int width = FeatureBlocks.blockWidth(n);
        long blocks = (p + width - 1) / width;
        int s = (int) Math.max(1, Math.min(stripes(n), blocks));
        int workers = Math.max(1, Math.min(threads, s));
        int previous = workers > 1 ? Blas.threads(1) : 0;
        List<Partial> partials;
        try {
            final int stripeCount = s;
            partials = OrderedParallel.map(s, workers, i -> stripe(problem, seed, trial, i, stripeCount, width, p));
        } finally {
            if (previous > 0) {
                Blas.threads(previous);
            }
        }
        Partial total = partials.get(0);
        for (int i = 1; i < s; i++) {
            total.add(partials.get(i));
        }
        if (tailLower != null) {
            addLower(total.k, tailLower, eps, n);
            addLower(total.m, tailLower, eps * eps, n);
        }
        Blas.symmetrizeLower(n, total.k);
        Blas.symmetrizeLower(n, total.m);
        double[] xi = FeatureBlocks.noise(problem.noise(), seed, trial, Purpose.NOISE, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = total.xTheta[i] + problem.sigma() * xi[i];
        }
        return new GramStats(n, total.k, total.m, total.b, total.xTheta, y, new SampleSource(problem, seed, trial),
                features == problem.p());
    }

    /** Partial sums of one stripe: blocks stripe, stripe + s, stripe + 2s, … in order. */
    private static Partial stripe(LinearProblem problem, long seed, long trial, int stripe, int s, int width,
                                  long p) {
        int n = problem.n();
        Partial acc = new Partial(n);
        double[] z = new double[n * width];
        double[] lam = new double[width];
        double[] scale = new double[width];
        double[] gram = null;
        for (long blk = stripe; blk * width < p; blk += s) {
            long from = blk * width;
            int len = (int) Math.min(width, p - from);
            FeatureBlocks.fillZ(problem.design(), seed, trial, Purpose.DESIGN, from, len, n, z);
            problem.spectrum().fill(from, lam, 0, len);
            accumulateTheta(problem, z, lam, from, len, acc);
            double c = lam[0];
            boolean constant = true;
            for (int j = 1; j < len && constant; j++) {
                constant = lam[j] == c;
            }
            if (constant) {
                // K += c·ZZᵀ and M += c²·ZZᵀ from a single syrk.
                if (gram == null) {
                    gram = new double[n * n];
                }
                Blas.syrkLower(n, len, 1.0, z, 0.0, gram);
                addLower(acc.k, gram, c, n);
                addLower(acc.m, gram, c * c, n);
            } else {
                for (int j = 0; j < len; j++) {
                    scale[j] = Math.sqrt(lam[j]);
                }
                FeatureBlocks.scaleColumns(z, n, len, scale);
                Blas.syrkLower(n, len, 1.0, z, 1.0, acc.k);
                FeatureBlocks.scaleColumns(z, n, len, scale);
                Blas.syrkLower(n, len, 1.0, z, 1.0, acc.m);
            }
        }
        return acc;
    }

    /** Adds the θ* terms of the block (before any column scaling): Xθ* and XΣθ*. */
    private static void accumulateTheta(LinearProblem problem, double[] z, double[] lam, long from, int len,
                                        Partial acc) {
        GroundTruth theta = problem.theta();
        int support = theta.support();
        if (from >= support) {
            return;
        }
        int cols = (int) Math.min(len, support - from);
        double[] wx = new double[cols];
        double[] wb = new double[cols];
        for (int j = 0; j < cols; j++) {
            double t = theta.value(from + j);
            double sq = Math.sqrt(lam[j]);
            wx[j] = sq * t;
            wb[j] = lam[j] * sq * t;
        }
        int n = problem.n();
        Blas.gemv(false, n, cols, 1.0, z, wx, 1.0, acc.xTheta);
        Blas.gemv(false, n, cols, 1.0, z, wb, 1.0, acc.b);
    }

    private static void addLower(double[] dst, double[] src, double f, int n) {
        for (int j = 0; j < n; j++) {
            int off = j * n;
            for (int i = j; i < n; i++) {
                dst[off + i] += f * src[off + i];
            }
        }
    }

    /** Accumulators of one stripe. */
    private static final class Partial {
        final double[] k;
        final double[] m;
        final double[] b;
        final double[] xTheta;

        Partial(int n) {
            k = new double[n * n];
            m = new double[n * n];
            b = new double[n];
            xTheta = new double[n];
        }

        void add(Partial o) {
            for (int i = 0; i < k.length; i++) {
                k[i] += o.k[i];
                m[i] += o.m[i];
            }
            for (int i = 0; i < b.length; i++) {
                b[i] += o.b[i];
                xTheta[i] += o.xTheta[i];
            }
        }
    }
}
