package org.advrisk.linear;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.advrisk.linalg.Blas;
import org.advrisk.model.GroundTruth;
import org.advrisk.model.LinearProblem;
import org.advrisk.random.OrderedParallel;
import org.advrisk.random.Purpose;

/**
 * Streams the design of one training set by feature blocks and accumulates its {@link GramStats}
 * without ever holding the n×p matrix: memory O(n² + n·block) per worker.
 *
 * <p>One summation order for every engine: the feature range is cut into chunks of
 * {@link #chunkBlocks(int)} consecutive blocks (a number fixed by n, never by threads or a cluster);
 * {@link #chunk} sums one chunk's blocks in block order from zero, and the chunk sums are added in
 * chunk order ({@link GramChunk.Sum}). Locally the chunks run on a few worker threads (BLAS
 * single-threaded) and are folded in order as they come; a cluster engine computes the same chunks
 * on its executors and folds them in the same order, so both give the same bits.
 */
public final class GramSampler {
    private static final long STRIPE_BUDGET_BYTES = 256L << 20;
    /** About this many features per chunk: each chunk's work (≈ 2n²·features flops) dwarfs moving its 8n² bytes. */
    static final int CHUNK_FEATURES = 16_384;

    private GramSampler() {
    }

    /** Number of independent partial sums held at once for n samples (depends on n only; 256 MiB budget). */
    static int stripes(int n) {
        long perStripe = 16L * n * n;
        return (int) Math.max(1, Math.min(8, STRIPE_BUDGET_BYTES / perStripe));
    }

    /** Feature blocks per chunk for n samples: about {@value #CHUNK_FEATURES} features, at least one block. */
    public static int chunkBlocks(int n) {
        return Math.max(1, CHUNK_FEATURES / FeatureBlocks.blockWidth(n));
    }

    /** Number of chunks that cover features [0, features) for n samples. */
    public static long chunkCount(int n, long features) {
        long perChunk = (long) chunkBlocks(n) * FeatureBlocks.blockWidth(n);
        return (features + perChunk - 1) / perChunk;
    }

    /**
     * Samples training set {@code trial} of the problem and returns its Gram statistics.
     *
     * @param threads worker threads for the chunks (results do not depend on it)
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
        long chunks = chunkCount(n, features);
        int workers = (int) Math.max(1, Math.min(Math.min(threads, stripes(n)), chunks));
        GramChunk.Sum sum = new GramChunk.Sum(n);
        if (workers == 1) {
            for (long c = 0; c < chunks; c++) {
                sum.add(chunk(problem, seed, trial, features, c));
            }
        } else {
            foldInParallel(problem, seed, trial, features, chunks, workers, sum);
        }
        return finish(problem, seed, trial, sum.total(), tailLower, eps, features == problem.p());
    }

    /** Runs chunks on {@code workers} threads, at most {@code workers} ahead of the fold, folding in chunk order. */
    private static void foldInParallel(LinearProblem problem, long seed, long trial, long features, long chunks,
                                       int workers, GramChunk.Sum sum) {
        int previous = Blas.threads(1);
        ExecutorService pool = OrderedParallel.pool(workers, "advrisk-gram");
        try {
            ArrayDeque<Future<GramChunk>> ahead = new ArrayDeque<>();
            long submitted = 0;
            while (sum.count() < chunks) {
                while (submitted < chunks && ahead.size() < workers) {
                    long c = submitted++;
                    ahead.add(pool.submit(() -> chunk(problem, seed, trial, features, c)));
                }
                sum.add(OrderedParallel.await(ahead.poll()));
            }
        } finally {
            pool.shutdownNow();
            Blas.threads(previous);
        }
    }

    /**
     * The statistics of a training set from the sum of its chunks: adds the Wishart tail (tailLower
     * may be null), mirrors the lower triangles and draws the labels. Consumes {@code total}.
     * {@code streamedAll}: every feature was streamed (no Wishart tail), so θ̂ can be rebuilt.
     */
    public static GramStats finish(LinearProblem problem, long seed, long trial, GramChunk total, double[] tailLower,
                                   double eps, boolean streamedAll) {
        int n = problem.n();
        if (total.n() != n) {
            throw new IllegalArgumentException("chunk sum: n=" + total.n() + " differs from the problem's n=" + n);
        }
        if (tailLower != null) {
            addLower(total.k(), tailLower, eps, n);
            addLower(total.m(), tailLower, eps * eps, n);
        }
        Blas.symmetrizeLower(n, total.k());
        Blas.symmetrizeLower(n, total.m());
        double[] xi = FeatureBlocks.noise(problem.noise(), seed, trial, Purpose.NOISE, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = total.xTheta()[i] + problem.sigma() * xi[i];
        }
        return new GramStats(n, total.k(), total.m(), total.b(), total.xTheta(), y, new SampleSource(problem, seed, trial),
                streamedAll);
    }

    /**
     * Chunk {@code c} of training set {@code trial}: the sums over its blocks (features
     * [c·B·w, min((c+1)·B·w, features)) with B = {@link #chunkBlocks} and w the block width), added
     * in block order starting from zero. A pure function of its arguments (BLAS single-threaded).
     */
    public static GramChunk chunk(LinearProblem problem, long seed, long trial, long features, long c) {
        int n = problem.n();
        int width = FeatureBlocks.blockWidth(n);
        long perChunk = (long) chunkBlocks(n) * width;
        if (c < 0 || c >= chunkCount(n, features)) {
            throw new IllegalArgumentException("chunk: " + c + " is outside 0.." + (chunkCount(n, features) - 1));
        }
        long end = Math.min(features, (c + 1) * perChunk);
        GramChunk acc = GramChunk.zero(n);
        double[] z = new double[n * width];
        double[] lam = new double[width];
        double[] scale = new double[width];
        double[] gram = null;
        for (long from = c * perChunk; from < end; from += width) {
            int len = (int) Math.min(width, end - from);
            FeatureBlocks.fillZ(problem.design(), seed, trial, Purpose.DESIGN, from, len, n, z);
            problem.spectrum().fill(from, lam, 0, len);
            accumulateTheta(problem, z, lam, from, len, acc);
            double cst = lam[0];
            boolean constant = true;
            for (int j = 1; j < len && constant; j++) {
                constant = lam[j] == cst;
            }
            if (constant) {
                // K += c·ZZᵀ and M += c²·ZZᵀ from a single syrk.
                if (gram == null) {
                    gram = new double[n * n];
                }
                Blas.syrkLower(n, len, 1.0, z, 0.0, gram);
                addLower(acc.k(), gram, cst, n);
                addLower(acc.m(), gram, cst * cst, n);
            } else {
                for (int j = 0; j < len; j++) {
                    scale[j] = Math.sqrt(lam[j]);
                }
                FeatureBlocks.scaleColumns(z, n, len, scale);
                Blas.syrkLower(n, len, 1.0, z, 1.0, acc.k());
                FeatureBlocks.scaleColumns(z, n, len, scale);
                Blas.syrkLower(n, len, 1.0, z, 1.0, acc.m());
            }
        }
        return new GramChunk(n, c, acc.k(), acc.m(), acc.b(), acc.xTheta());
    }

    /** Adds the θ* terms of the block (before any column scaling): Xθ* and XΣθ*. */
    private static void accumulateTheta(LinearProblem problem, double[] z, double[] lam, long from, int len,
                                        GramChunk acc) {
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
        Blas.gemv(false, n, cols, 1.0, z, wx, 1.0, acc.xTheta());
        Blas.gemv(false, n, cols, 1.0, z, wb, 1.0, acc.b());
    }

    private static void addLower(double[] dst, double[] src, double f, int n) {
        for (int j = 0; j < n; j++) {
            int off = j * n;
            for (int i = j; i < n; i++) {
                dst[off + i] += f * src[off + i];
            }
        }
    }
}
