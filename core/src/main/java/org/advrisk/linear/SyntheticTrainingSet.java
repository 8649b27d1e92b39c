package org.advrisk.linear;

import org.advrisk.random.Purpose;

/**
 * The training set {@code trial} of a synthetic problem held in memory: X regenerated from the same
 * random streams the ridge path streams (so it is the ridge rows' design, bit for bit),
 * and y taken from the same {@link GramSampler} pass the ridge path uses.
 */
public final class SyntheticTrainingSet {
    /** Largest design held for adversarial training, in doubles (n·p). */
    public static final long MAX_ENTRIES = 50_000_000L;

    private SyntheticTrainingSet() {
    }

    /** Refuses, with a message naming the flags, a design larger than {@link #MAX_ENTRIES} or the heap. */
    public static void checkSize(int n, long p) {
        long entries = (long) n * p;
        long bytes = 8 * entries;
        long heap = Runtime.getRuntime().maxMemory();
        if (entries > MAX_ENTRIES || bytes * 2 > heap) {
            throw new IllegalArgumentException("estimator: advtrain holds the n×p design in memory, but n·p = " + n
                    + "·" + p + " = " + entries + " doubles (" + (bytes >> 20) + " MiB, twice that while fitting)"
                    + " exceeds the limit of " + MAX_ENTRIES + " doubles or half the JVM heap (" + (heap >> 20)
                    + " MiB); lower --n or --p, or use --estimator ridge");
        }
    }

    /** X (column-major n×p) and y of training set {@code trial}, without an intercept. */
    public static AdvTrainData materialize(LinearProblem problem, long seed, long trial, int threads) {
        int n = problem.n();
        long pl = problem.p();
        checkSize(n, pl);
        double[] x = PrimalRidgePath.design(problem, seed, trial, Purpose.DESIGN, n);
        double[] y = GramSampler.sample(problem, seed, trial, threads).y();
        return new AdvTrainData(n, (int) pl, x, y, false);
    }
}
