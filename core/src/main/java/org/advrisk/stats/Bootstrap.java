package org.advrisk.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * A seeded bootstrap over training sets: each replicate draws, independently within every sample
 * size, as many trials as the cell has, with replacement, and recomputes the statistics from the
 * resampled means (a regret ratio's argmins are recomputed per replicate). The interval is the
 * percentile interval of the replicates at the given level.
 *
 * <p>Small-sample calibration. With T trials in a cell the plain bootstrap mean has variance
 * (T − 1)/T · s²/T, too small by the factor (T − 1)/T (the "adjusted residuals" of Davison and
 * Hinkley, Bootstrap Methods, 1997, §3.3, undo this with √(T/(T − 1))); and like any interval built
 * from an estimated variance it needs Student's t<sub>T−1</sub> quantile instead of the normal one
 * (at T = 4 a ±1.96 s/√T interval covers only 86%). Each resampled mean is therefore spread about
 * the observed mean m by f = √(T/(T − 1)) · t<sub>T−1</sub>(q)/z(q), q = (1 + level)/2:
 * m* = m + f (mean(resample) − m), or, for a quantity whose values in the cell are all positive (risks,
 * norms), the same on the log scale, m* = m · (mean(resample)/m)^f, which keeps m* positive and has
 * the same variance to first order. A statistic driven by one cell (a regret ratio at n_max) then has
 * the width of the t-interval; one pooling several cells (a slope over n) has more degrees of freedom
 * than T − 1 and is covered conservatively. A cell with one trial cannot be resampled: its intervals
 * are undefined.
 *
 * <p>Reproducible: the replicates are drawn in order from one {@link SplittableRandom} seeded with
 * {@code seed}, so the same cells, statistics and seed give bit-identical intervals.
 *
 * @param seed       random seed
 * @param replicates B, the number of bootstrap replicates
 * @param level      nominal two-sided coverage, e.g. 0.95
 */
public record Bootstrap(long seed, int replicates, double level) {
    /** Replicates used by the verdicts. */
    public static final int DEFAULT_REPLICATES = 2000;
    /** Nominal coverage used by the verdicts. */
    public static final double DEFAULT_LEVEL = 0.95;
    /** Largest share of undefined (NaN) replicates before an interval is declared undefined. */
    public static final double MAX_UNDEFINED = 0.01;

    public Bootstrap {
        if (replicates < 100 || replicates > 1_000_000) {
            throw new IllegalArgumentException("replicates: " + replicates + " is not allowed; allowed: 100 to 1000000");
        }
        if (!(level > 0.5 && level < 1)) {
            throw new IllegalArgumentException("level: " + level + " is not allowed; allowed: between 0.5 and 1");
        }
    }

    /** The verdicts' bootstrap: B = {@link #DEFAULT_REPLICATES}, 95%. */
    public static Bootstrap standard(long seed) {
        return new Bootstrap(seed, DEFAULT_REPLICATES, DEFAULT_LEVEL);
    }

    /** Intervals of several statistics on the same replicates, in order. */
    public List<Interval> intervals(TrialCells cells, List<Statistic> statistics) {
        double[][] reps = replicates(cells, statistics);
        double[][] observed = cells.means();
        boolean resamplable = cells.minTrials() >= 2;
        List<Interval> out = new ArrayList<>(statistics.size());
        for (int s = 0; s < statistics.size(); s++) {
            double est = statistics.get(s).apply(cells.ns(), observed);
            if (!resamplable) {
                out.add(new Interval(est, Double.NaN, Double.NaN, level));
                continue;
            }
            double[] finite = Arrays.stream(reps[s]).filter(Double::isFinite).sorted().toArray();
            if (finite.length < (1 - MAX_UNDEFINED) * replicates) {
                out.add(new Interval(est, Double.NaN, Double.NaN, level));
                continue;
            }
            Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            p.setData(finite);
            double tail = (1 - level) / 2 * 100;
            out.add(new Interval(est, p.evaluate(tail), p.evaluate(100 - tail), level));
        }
        return out;
    }

    /** The interval of one statistic. */
    public Interval interval(TrialCells cells, Statistic statistic) {
        return intervals(cells, List.of(statistic)).get(0);
    }

    /** The spread factor f = √(T/(T − 1)) · t_{T−1}(q)/z(q) of a cell with T ≥ 2 trials. */
    public double spread(int trials) {
        double q = (1 + level) / 2;
        double t = new TDistribution(null, trials - 1).inverseCumulativeProbability(q);
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(q);
        return Math.sqrt(trials / (trials - 1.0)) * t / z;
    }

    /** The raw replicates: out[s][b] for statistic s and replicate b (empty rows for one-trial cells). */
    public double[][] replicates(TrialCells cells, List<Statistic> statistics) {
        int cellsN = cells.cells();
        int k = cells.quantities().size();
        double[][] observed = cells.means();
        if (cells.minTrials() < 2) {
            return new double[statistics.size()][0];
        }
        double[][] out = new double[statistics.size()][replicates];
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] means = new double[cellsN][k];
        double[] spreads = new double[cellsN];
        boolean[][] positive = new boolean[cellsN][k];
        for (int j = 0; j < cellsN; j++) {
            spreads[j] = spread(cells.values().get(j).length);
            for (int q = 0; q < k; q++) {
                positive[j][q] = true;
                for (double[] row : cells.values().get(j)) {
                    positive[j][q] &= row[q] > 0;
                }
            }
        }
        for (int b = 0; b < replicates; b++) {
            for (int j = 0; j < cellsN; j++) {
                double[][] c = cells.values().get(j);
                int t = c.length;
                double[] m = means[j];
                Arrays.fill(m, 0);
                for (int i = 0; i < t; i++) {
                    double[] row = c[rng.nextInt(t)];
                    for (int q = 0; q < k; q++) {
                        m[q] += row[q];
                    }
                }
                double spread = spreads[j];
                for (int q = 0; q < k; q++) {
                    double o = observed[j][q];
                    m[q] = positive[j][q] ? o * Math.pow(m[q] / t / o, spread) : o + spread * (m[q] / t - o);
                }
            }
            for (int s = 0; s < statistics.size(); s++) {
                out[s][b] = statistics.get(s).apply(cells.ns(), means);
            }
        }
        return out;
    }
}
