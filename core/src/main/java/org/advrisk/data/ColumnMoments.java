package org.advrisk.data;

/**
 * Means and standard deviations (ddof = 0) of the features of some rows, by Welford's one-pass
 * update (stable without a second pass).
 *
 * @param n    rows seen
 * @param mean per-feature mean
 * @param sd   per-feature standard deviation
 */
public record ColumnMoments(long n, double[] mean, double[] sd) {
    /** Over the rows selected by {@code split} as training rows (all rows when it has no mask). */
    public static ColumnMoments of(Rows rows, Split split) {
        int p = rows.p();
        double[] mean = new double[p];
        double[] m2 = new double[p];
        long[] n = {0};
        rows.forEach((i, x, y) -> {
            if (!split.train(i)) {
                return;
            }
            n[0]++;
            for (int j = 0; j < p; j++) {
                double d = x[j] - mean[j];
                mean[j] += d / n[0];
                m2[j] += d * (x[j] - mean[j]);
            }
        });
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(m2[j] / Math.max(1, n[0]));
        }
        return new ColumnMoments(n[0], mean, sd);
    }
}
