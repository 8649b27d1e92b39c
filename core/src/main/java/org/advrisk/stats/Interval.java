package org.advrisk.stats;

/**
 * A point estimate with a two-sided confidence interval. {@code lo}/{@code hi} are NaN when the
 * interval could not be formed (one trial per cell, or too many undefined replicates); a decision
 * against such an interval is {@link Decision#INCONCLUSIVE}.
 *
 * @param estimate the statistic on the observed data
 * @param lo       lower end
 * @param hi       upper end
 * @param level    nominal coverage, e.g. 0.95
 */
public record Interval(double estimate, double lo, double hi, double level) {
    /** True when both ends are finite numbers. */
    public boolean defined() {
        return Double.isFinite(lo) && Double.isFinite(hi);
    }
}
