package org.advrisk.linear;

import java.util.Optional;

/**
 * Training data held explicitly: the n×p design X (column-major, entry (i, j) at {@code i + j·n}) and
 * the labels y. Sampled data ({@link DesignSampler}) carry their {@link SampleSource}; a user's table
 * ({@link #of}) has none: it should be centred by the caller (no intercept is fitted), and only θ̂,
 * predictions and training errors exist, no population risks.
 *
 * @param n      rows (samples)
 * @param p      columns (features)
 * @param x      the design, n·p numbers
 * @param y      the labels, n numbers
 * @param origin the model and streams it was drawn from, or null for a user's table
 */
public record DesignData(int n, long p, double[] x, double[] y, SampleSource origin) implements TrainingData {
    public DesignData {
        if (n < 1 || p < 1) {
            throw new IllegalArgumentException("design: needs n >= 1 and p >= 1, got n=" + n + ", p=" + p);
        }
        if (x.length != (long) n * p || y.length != n) {
            throw new IllegalArgumentException("design: arrays do not match n=" + n + ", p=" + p + " (x has "
                    + x.length + " numbers, y " + y.length + ")");
        }
        if (origin != null && (origin.problem().n() != n || origin.problem().p() != p)) {
            throw new IllegalArgumentException("design: the source problem has n=" + origin.problem().n() + ", p="
                    + origin.problem().p() + ", not n=" + n + ", p=" + p);
        }
    }

    /** A user's table: X (n×p, column-major, centred by the caller) and y, no known population. */
    public static DesignData of(int n, int p, double[] x, double[] y) {
        return new DesignData(n, p, x, y, null);
    }

    /** p as an int (an explicit design always fits in an array). */
    public int columns() {
        return (int) p;
    }

    @Override
    public Optional<SampleSource> source() {
        return Optional.ofNullable(origin);
    }
}
