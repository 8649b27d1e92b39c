package org.advrisk.stats;


/**
 * One condition of a verdict rule: a statistic with its interval compared with a threshold,
 * e.g. A = 2.79 [2.41, 3.20] &gt; 1.5 (the report's VerdictText writes it). The decision is {@link Decision#HOLDS} when the whole
 * interval is on the required side, {@link Decision#DOES_NOT_HOLD} when it is wholly on the other
 * side, and {@link Decision#INCONCLUSIVE} when it contains the threshold.
 *
 * @param name      the statistic's symbol, e.g. "A(n_max)" or "slope ln R vs ln n"
 * @param interval  estimate and interval
 * @param above     true for "statistic &gt; threshold", false for "statistic &lt; threshold"
 * @param threshold the threshold
 */
public record Criterion(String name, Interval interval, boolean above, double threshold) {
    public Criterion {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold: " + threshold + " is not allowed; allowed: a finite number");
        }
    }

    /** The three-way decision. */
    public Decision decision() {
        if (!interval.defined()) {
            return Decision.INCONCLUSIVE;
        }
        double lo = interval.lo();
        double hi = interval.hi();
        if (above ? lo > threshold : hi < threshold) {
            return Decision.HOLDS;
        }
        if (above ? hi < threshold : lo > threshold) {
            return Decision.DOES_NOT_HOLD;
        }
        return Decision.INCONCLUSIVE;
    }

    /**
     * The distance from the threshold to the near end of the interval, positive when the decision
     * is clear (either way), negative (or NaN) when inconclusive.
     */
    public double margin() {
        if (!interval.defined()) {
            return Double.NaN;
        }
        double lo = interval.lo() - threshold;
        double hi = threshold - interval.hi();
        return Math.max(lo, hi);
    }
}
