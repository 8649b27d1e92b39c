package org.advrisk.linear;

import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;

/**
 * The estimator columns of a linear row: {@code estimator} and the adversarial-training columns
 * ({@code delta, train_attack, iterations, train_gap, delta0, delta_bar}), placed after {@code lambda}
 * by the row type. Rows of other estimators that share an output with adversarial training carry them
 * as NaN / empty / 0 ({@link #withoutAdvTrain}).
 */
public final class EstimatorColumns {
    private EstimatorColumns() {
    }

    /** A row with {@code estimator} and the adversarial-training columns set. */
    public static Row withAdvTrain(Row row, String estimator, double delta, String trainAttack, int iterations,
                                   double gap, double delta0, double deltaBar) {
        return row.toBuilder().set(Columns.ESTIMATOR, estimator).set(Columns.DELTA, delta)
                .set(Columns.TRAIN_ATTACK, trainAttack).set(Columns.ITERATIONS, iterations)
                .set(Columns.TRAIN_GAP, gap).set(Columns.DELTA0, delta0).set(Columns.DELTA_BAR, deltaBar).build();
    }

    /** A row of estimator {@code estimator} with the adversarial-training columns empty (NaN / empty / 0). */
    public static Row withoutAdvTrain(Row row, String estimator) {
        return withAdvTrain(row, estimator, Double.NaN, "", 0, 0, Double.NaN, Double.NaN);
    }
}
