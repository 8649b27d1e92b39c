package org.advrisk.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.random.Purpose;
import org.advrisk.random.RandomStreams;

/**
 * Train/test splits seeded through {@link RandomStreams}: the permutation of repeat r is drawn from
 * the stream (seed, r, {@link Purpose#TEST_DESIGN}, block {@value #SPLIT_BLOCK}), so the same seed
 * gives the same rows on any machine and thread count.
 */
public final class Splits {
    /** The stream block reserved for split permutations. */
    public static final long SPLIT_BLOCK = 0x5B117L;

    private Splits() {
    }

    /**
     * {@code repeats} random splits with ceil(fraction·n) test rows each (as scikit-learn's
     * train_test_split rounds the test size up).
     */
    public static List<Split> fraction(int n, double fraction, long seed, int repeats) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("test-fraction: " + fraction + " is not allowed; allowed: 0 < F < 1");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats: " + repeats + " is not allowed; allowed: an integer >= 1");
        }
        int nTest = (int) Math.ceil(fraction * n);
        if (n - nTest < 2) {
            throw new IllegalArgumentException("test-fraction: " + fraction + " leaves n_train = " + (n - nTest)
                    + " of n = " + n + " rows; at least 2 training rows are needed");
        }
        return random(n, nTest, seed, repeats);
    }

    /**
     * {@code repeats} random splits with exactly {@code nTrain} training rows each: the same permutations
     * as {@link #fraction}, its first n − nTrain rows being the test part.
     */
    public static List<Split> trainSize(int n, int nTrain, long seed, int repeats) {
        if (nTrain < 2 || nTrain >= n) {
            throw new IllegalArgumentException("n_train: " + nTrain + " is not allowed; allowed: 2 <= n_train < n = " + n);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats: " + repeats + " is not allowed; allowed: an integer >= 1");
        }
        return random(n, n - nTrain, seed, repeats);
    }

    private static List<Split> random(int n, int nTest, long seed, int repeats) {
        List<Split> out = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            int[] perm = permutation(n, seed, r);
            boolean[] test = new boolean[n];
            for (int i = 0; i < nTest; i++) {
                test[perm[i]] = true;
            }
            out.add(new Split("split-" + (r + 1), r, test, n - nTest, nTest));
        }
        return out;
    }

    /** K-fold cross-validation on one permutation; the first n mod K folds get one extra row. */
    public static List<Split> crossValidation(int n, int k, long seed) {
        if (k < 2 || k > n || n - (n / k + (n % k > 0 ? 1 : 0)) < 2) {
            throw new IllegalArgumentException("cv: " + k + " is not allowed; allowed: 2 <= K <= n = " + n
                    + " with at least 2 training rows per fold");
        }
        int[] perm = permutation(n, seed, 0);
        List<Split> out = new ArrayList<>();
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            boolean[] test = new boolean[n];
            for (int i = start; i < start + size; i++) {
                test[perm[i]] = true;
            }
            start += size;
            out.add(new Split("fold-" + (f + 1), f, test, n - size, size));
        }
        return out;
    }

    /** All rows of the training table train; the test rows come from another table. */
    public static Split testFile(int nTrain, int nTest) {
        if (nTest < 1) {
            throw new IllegalArgumentException("test: the test file has no usable rows");
        }
        return new Split("test-file", 0, null, nTrain, nTest);
    }

    /** Every row trains (a final refit, or the rows an external model is audited on). */
    public static Split all(int n) {
        return new Split("all", 0, null, n, 0);
    }

    /** A Fisher–Yates permutation of 0..n−1 from the split stream of one repeat. */
    static int[] permutation(int n, long seed, int repeat) {
        SplittableRandom rng = RandomStreams.stream(seed, repeat, Purpose.TEST_DESIGN, SPLIT_BLOCK);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }
}
