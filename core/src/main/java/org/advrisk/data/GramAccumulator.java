package org.advrisk.data;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.linalg.Blas;
import org.advrisk.linalg.MemoryBudget;

/**
 * Streams the training rows of one split into {@link TrainingStatistics}.
 *
 * <p>Primal path (p &lt; n_train): rows are buffered in blocks, shifted by the first training row s
 * (which keeps the one-pass sums well conditioned), and added into Σ(x − s)(x − s)ᵀ by a BLAS rank-k
 * update; the centred Gram follows exactly as Σ(x − s)(x − s)ᵀ − n·(x̄ − s)(x̄ − s)ᵀ. Memory is
 * O(p² + p·block): the table is never held. Dual path (p ≥ n_train): the n×p training matrix is
 * held (its size checked against the heap first), centred and scaled by two exact passes.
 *
 * <p>A constant training column (sd = 0 up to rounding) is refused, naming it, unless
 * {@code dropConstant}; a constant training target is refused.
 */
public final class GramAccumulator {
    private GramAccumulator() {
    }

    /** Accumulates the training rows of {@code split} (all rows when it has no test mask). */
    public static TrainingStatistics accumulate(Rows rows, Split split, boolean standardize, boolean dropConstant) {
        int p = rows.p();
        int n = split.nTrain();
        return p < n ? primal(rows, split, standardize, dropConstant) : dual(rows, split, standardize, dropConstant);
    }

    /**
     * The training statistics of every split from ONE pass over the rows (split k's sums fed on one of up to
     * {@code threads} threads, in row order: the same bits as {@link #accumulate} split by split), when there
     * are several splits, all on the primal path (p &lt; n_train), and their accumulators use at most
     * {@code maxBytes}; null otherwise (then accumulate split by split). Results are in split order, the
     * first failing split's message thrown.
     */
    public static List<TrainingStatistics> accumulateAll(Rows rows, List<Split> splits, boolean standardize,
                                                         boolean dropConstant, int threads, long maxBytes) {
        int p = rows.p();
        if (splits.size() < 2 || splits.stream().anyMatch(sp -> p >= sp.nTrain())
                || (double) splits.size() * PrimalSums.bytes(p) > maxBytes) {
            return null;
        }
        MemoryBudget.require(4L * p * p * 8, "the p×p Gram matrix of p = " + p + " features (--features/--drop)");
        List<PrimalSums> sums = new ArrayList<>();
        for (Split sp : splits) {
            sums.add(new PrimalSums(p, sp));
        }
        RowFanOut.run(rows, sums, threads);
        List<TrainingStatistics> out = new ArrayList<>();
        for (PrimalSums acc : sums) {
            out.add(finish(rows, acc, standardize, dropConstant));
        }
        return out;
    }

    private static TrainingStatistics primal(Rows rows, Split split, boolean standardize, boolean dropConstant) {
        int p = rows.p();
        MemoryBudget.require(4L * p * p * 8, "the p×p Gram matrix of p = " + p + " features (--features/--drop)");
        PrimalSums acc = new PrimalSums(p, split, BlockPipeline.worthwhile());
        rows.forEach(acc);
        return finish(rows, acc, standardize, dropConstant);
    }

    /** The statistics of one split from its complete primal sums. */
    static TrainingStatistics finish(Rows rows, PrimalSums acc, boolean standardize, boolean dropConstant) {
        acc.flush();
        int p = acc.p;
        Split split = acc.split;
        double[] gram = acc.gram;
        double[] sxy = acc.sxy;
        double[] sum = acc.sum;
        double[] s = acc.s;
        double[] scal = acc.scal;
        Blas.symmetrizeLower(p, gram);
        int n = (int) scal[3];
        if (n != split.nTrain()) {
            throw new IllegalStateException("split " + split.label() + ": counted " + n + " training rows, expected " + split.nTrain());
        }
        double[] d = new double[p];
        for (int j = 0; j < p; j++) {
            d[j] = sum[j] / n;
        }
        double dy = scal[1] / n;
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < p; j++) {
                gram[j + k * p] -= n * d[j] * d[k];
            }
            sxy[k] -= n * d[k] * dy;
        }
        double yy = scal[2] - n * dy * dy;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = s[j] + d[j];
            sd[j] = Math.sqrt(Math.max(0, gram[j + j * p]) / n);
        }
        checkTarget(rows, split, yy, scal[0] + dy, n);
        List<String> names = rows.featureNames();
        int[] kept = keptColumns(names, mean, sd, dropConstant, split);
        int q = kept.length;
        double[] g = new double[q * q];
        double[] c = new double[q];
        double[] m = pick(mean, kept);
        double[] scale = standardize ? pick(sd, kept) : ones(q);
        for (int b = 0; b < q; b++) {
            for (int a = 0; a < q; a++) {
                g[a + b * q] = gram[kept[a] + kept[b] * p] / (scale[a] * scale[b]);
            }
            c[b] = sxy[kept[b]] / scale[b];
        }
        return new TrainingStatistics(pick(names, kept), kept, n, m, scale, standardize, scal[0] + dy, g, c, yy,
                null, null, droppedNames(names, kept));
    }

    private static TrainingStatistics dual(Rows rows, Split split, boolean standardize, boolean dropConstant) {
        int p = rows.p();
        int n = split.nTrain();
        MemoryBudget.require(8L * n * p + 4L * 8 * n * n,
                "holding the " + n + "×" + p + " training matrix (p >= n: dual path)");
        double[] z = new double[n * p];
        double[] y = new double[n];
        int[] at = {0};
        rows.forEach((i, x, t) -> {
            if (!split.train(i)) {
                return;
            }
            int r = at[0]++;
            for (int j = 0; j < p; j++) {
                z[r + j * n] = x[j];
            }
            y[r] = t;
        });
        if (at[0] != n) {
            throw new IllegalStateException("split " + split.label() + ": counted " + at[0] + " training rows, expected " + n);
        }
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += z[r + j * n];
            }
            double mu = s / n;
            double v = 0;
            for (int r = 0; r < n; r++) {
                double e = z[r + j * n] - mu;
                v += e * e;
            }
            mean[j] = mu;
            sd[j] = Math.sqrt(v / n);
        }
        double ys = 0;
        for (double t : y) {
            ys += t;
        }
        double ym = ys / n;
        double yy = 0;
        for (int r = 0; r < n; r++) {
            y[r] -= ym;
            yy += y[r] * y[r];
        }
        checkTarget(rows, split, yy, ym, n);
        List<String> names = rows.featureNames();
        int[] kept = keptColumns(names, mean, sd, dropConstant, split);
        int q = kept.length;
        double[] zk = q == p ? z : new double[n * q];
        double[] m = pick(mean, kept);
        double[] scale = standardize ? pick(sd, kept) : ones(q);
        for (int b = 0; b < q; b++) {
            int kb = kept[b];
            for (int r = 0; r < n; r++) {
                zk[r + b * n] = (z[r + kb * n] - m[b]) / scale[b];
            }
        }
        return new TrainingStatistics(pick(names, kept), kept, n, m, scale, standardize, ym, null, null, yy, zk, y,
                droppedNames(names, kept));
    }

    /** v at the kept columns. */
    private static double[] pick(double[] v, int[] kept) {
        double[] out = new double[kept.length];
        for (int b = 0; b < kept.length; b++) {
            out[b] = v[kept[b]];
        }
        return out;
    }

    private static double[] ones(int q) {
        double[] out = new double[q];
        java.util.Arrays.fill(out, 1.0);
        return out;
    }

    private static void checkTarget(Rows rows, Split split, double yy, double ym, int n) {
        if (!Double.isFinite(yy) || !Double.isFinite(ym)) { // not "constant": its sum of squares overflowed
            throw new IllegalArgumentException("target: '" + rows.targetName() + "': values too large for double precision"
                    + " (the sum of squares over the training rows of " + split.label() + " overflows); rescale the column"
                    + " (e.g. divide it by a power of ten) so that its values stay well below 1e100");
        }
        if (!(yy > 1e-24 * n * Math.max(1, ym * ym))) {
            throw new IllegalArgumentException("target: '" + rows.targetName() + "' is constant (" + ym
                    + ") in the training rows of " + split.label() + "; a constant target cannot be audited");
        }
    }

    /** Constant columns: sd at most 1e-12 of the magnitude of their mean (rounding level), or exactly 0. */
    public static boolean constant(double mean, double sd) {
        return sd <= 1e-12 * Math.abs(mean) || sd == 0;
    }

    private static int[] keptColumns(List<String> names, double[] mean, double[] sd, boolean dropConstant, Split split) {
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (constant(mean[j], sd[j])) {
                if (!dropConstant) {
                    throw new IllegalArgumentException("feature '" + names.get(j) + "' is constant (" + mean[j]
                            + ") in the training rows of " + split.label() + "; drop it (--drop " + names.get(j)
                            + ") or use --drop-constant");
                }
            } else {
                kept.add(j);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("every feature is constant in the training rows of " + split.label());
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> pick(List<String> names, int[] kept) {
        List<String> out = new ArrayList<>();
        for (int k : kept) {
            out.add(names.get(k));
        }
        return out;
    }

    private static List<String> droppedNames(List<String> names, int[] kept) {
        List<String> out = new ArrayList<>();
        int k = 0;
        for (int j = 0; j < names.size(); j++) {
            if (k < kept.length && kept[k] == j) {
                k++;
            } else {
                out.add(names.get(j));
            }
        }
        return out;
    }
}
