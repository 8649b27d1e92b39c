package org.advrisk.linear;

import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;

/**
 * The early-stopping columns of a row: {@code time}, {@code steps}, {@code eta} and {@code lambda_equiv}
 * (1/t, the ridge λ gradient flow at time t is compared with). gf rows carry t (steps inf), gd rows
 * t = ηK with K and η, every other row of the same output NaN / 0 / NaN / NaN; {@code lambda} is NaN on
 * gf and gd rows.
 */
public final class FlowColumns {
    private FlowColumns() {
    }

    /** A gradient-flow row at time t. */
    public static Row gf(Row row, double time) {
        return row.toBuilder().put(Columns.LAMBDA, Double.NaN).set(Columns.TIME, time).set(Columns.STEPS, "inf")
                .set(Columns.ETA, Double.NaN).set(Columns.LAMBDA_EQUIV, 1 / time).build();
    }

    /** A gradient-descent row after K steps of size η (time ηK). */
    public static Row gd(Row row, double eta, long steps) {
        double time = eta * steps;
        return row.toBuilder().put(Columns.LAMBDA, Double.NaN).set(Columns.TIME, time).set(Columns.STEPS, steps)
                .set(Columns.ETA, eta).set(Columns.LAMBDA_EQUIV, 1 / time).build();
    }

    /** Another estimator's row in an output that also has gf or gd rows. */
    public static Row none(Row row) {
        return row.toBuilder().set(Columns.TIME, Double.NaN).set(Columns.STEPS, 0L).set(Columns.ETA, Double.NaN)
                .set(Columns.LAMBDA_EQUIV, Double.NaN).build();
    }
}
