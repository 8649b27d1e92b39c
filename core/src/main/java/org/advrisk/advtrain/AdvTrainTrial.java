package org.advrisk.advtrain;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.DesignData;
import org.advrisk.linear.DesignSampler;
import org.advrisk.linear.EstimatorColumns;
import org.advrisk.linear.GramSampler;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.LinearQuery;
import org.advrisk.linear.LinearRiskRow;
import org.advrisk.linear.LinearRiskRows;

/**
 * Adversarial training on one synthetic training set: the design is held in memory
 * ({@link DesignSampler}: the same feature streams as the ridge rows' {@link GramSampler}), the δ path
 * is fitted by {@link AdvTrainEstimator}, and every δ gets its rows from {@link LinearRiskRows}, the
 * ridge rows' code, with the columns {@code estimator, delta, train_attack, iterations, train_gap}
 * (relative duality gap) and the thresholds {@code delta0, delta_bar}; {@code lambda} is NaN.
 */
public final class AdvTrainTrial {
    private AdvTrainTrial() {
    }

    /** Rows for every δ × attack × target × α of the query (its λ list is not used). */
    public static List<Row> evaluate(LinearProblem problem, LinearQuery query, double[] deltas,
                                     AttackNorm trainAttack, long seed, long trial) {
        AdvTrainEstimator.checkSize(problem.n(), problem.p());
        DesignData data = DesignSampler.sample(problem, seed, trial);
        AdvTrainedPath path = new AdvTrainEstimator(trainAttack, deltas).fit(data);
        LinearQuery atDeltas = new LinearQuery(deltas, query.alphas(), query.attacks(), query.targets(),
                query.testSize());
        List<LinearRiskRow> rows = LinearRiskRows.of(path, atDeltas, seed, trial);
        List<Row> out = new ArrayList<>(rows.size());
        for (LinearRiskRow r : rows) {
            AdvTrainFit f = path.fit(r.lambda());
            out.add(withColumns(r.row(), "advtrain", f.delta(), trainAttack.label(), f.iterations(),
                    f.relativeGap(), path.fits().thresholds()).toBuilder().put(Columns.LAMBDA, Double.NaN).build());
        }
        return out;
    }

    /** A row with the estimator columns set (placed after {@code lambda}); ridge rows get NaN/empty/0 (thresholds null). */
    public static Row withColumns(Row row, String estimator, double delta, String trainAttack, int iterations,
                                  double gap, AdvTrainThresholds thresholds) {
        return EstimatorColumns.withAdvTrain(row, estimator, delta, trainAttack, iterations, gap,
                thresholds == null ? Double.NaN : thresholds.delta0(),
                thresholds == null ? Double.NaN : thresholds.deltaBar());
    }
}
