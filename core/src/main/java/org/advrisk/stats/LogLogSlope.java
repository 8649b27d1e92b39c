package org.advrisk.stats;

/**
 * The least-squares slope b of ln y = a + b ln n over the sample sizes: the trend statistic of the
 * verdicts (a power law y ∝ n^b has slope b; b &lt; 0 falls, b &gt; 0 rises). Unweighted, every n counts
 * once.
 */
public final class LogLogSlope {
    private LogLogSlope() {
    }

    /** The slope of ln y on ln n; NaN when some y ≤ 0 (undefined on the log scale). */
    public static double of(double[] ns, double[] ys) {
        if (ns.length != ys.length || ns.length < 2) {
            throw new IllegalArgumentException("n: " + ns.length + " sample sizes with " + ys.length
                    + " values; allowed: the same number, at least 2");
        }
        int k = ns.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            if (!(ys[i] > 0) || !(ns[i] > 0)) {
                return Double.NaN;
            }
            mx += Math.log(ns[i]);
            my += Math.log(ys[i]);
        }
        mx /= k;
        my /= k;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            double dx = Math.log(ns[i]) - mx;
            sxy += dx * (Math.log(ys[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /** The statistic "slope of ln(mean of quantity k) on ln n" over all cells. */
    public static Statistic of(int k) {
        return (ns, means) -> {
            double[] y = new double[ns.length];
            for (int j = 0; j < ns.length; j++) {
                y[j] = means[j][k];
            }
            return of(ns, y);
        };
    }
}
