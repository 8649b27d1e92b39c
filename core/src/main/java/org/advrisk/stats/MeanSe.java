package org.advrisk.stats;

/**
 * The mean of values and its standard error, sample sd / √n (NaN for fewer than two values), in two
 * passes (the mean, then the squared deviations from it) so the sums stay accurate.
 *
 * @param mean the mean
 * @param se   its standard error
 */
public record MeanSe(double mean, double se) {
    /** Mean and standard error of {@code v}. */
    public static MeanSe of(double[] v) {
        int n = v.length;
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= n;
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return new MeanSe(m, n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN);
    }
}
