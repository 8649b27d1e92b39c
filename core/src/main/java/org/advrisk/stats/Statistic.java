package org.advrisk.stats;

/** A statistic of the per-cell means (means[j][k]: cell j, quantity k) at the cells' sample sizes. */
@FunctionalInterface
public interface Statistic {
    /** The value; NaN when undefined for these means (e.g. the log of a non-positive mean). */
    double apply(double[] ns, double[][] means);
}
