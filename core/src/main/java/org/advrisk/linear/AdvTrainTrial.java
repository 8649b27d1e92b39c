package org.advrisk.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adversarial training on one synthetic training set: the design is held in memory (the ridge rows'
 * training set for the same seed and trial, see {@link SyntheticTrainingSet}), the δ path is fitted
 * with warm starts, and every δ gets the rows of the ridge estimator's code path ({@link LinearTrial})
 * with the columns {@code estimator, delta, train_attack, iterations, train_gap} (relative duality gap)
 * and the thresholds {@code delta0, delta_bar} of the training set; {@code lambda} is NaN.
 */
public final class AdvTrainTrial {
    private AdvTrainTrial() {
    }

    /** Rows (as column maps) for every δ × attack × target × α of the query. */
    public static List<Map<String, Object>> evaluate(LinearProblem problem, LinearQuery query, double[] deltas,
                                                     AttackNorm trainAttack, long seed, long trial, int threads) {
        AdvTrainData data = SyntheticTrainingSet.materialize(problem, seed, trial, threads);
        AdvTrainPath path = new AdversarialTraining(data, trainAttack, AdversarialTraining.Options.DEFAULT).path(deltas);
        int l = deltas.length;
        PathPoint[] points = new PathPoint[l];
        double[][] thetas = new double[l][];
        for (int k = 0; k < l; k++) {
            AdvTrainFit f = path.fits().get(k);
            thetas[k] = f.theta();
            points[k] = ExplicitThetaRisks.point(problem, data, f.theta(), f.intercept(), Double.NaN);
        }
        ThetaSummary[] summaries = null;
        if (LinearTrial.needsSummaries(problem, query)) {
            double[] labels = new double[l];
            java.util.Arrays.fill(labels, Double.NaN);
            summaries = ExplicitThetaRisks.summarize(problem, seed, trial, labels, thetas, LinearTrial.exponents(query),
                    LinearTrial.testSize(problem, query));
        }
        List<LinearRiskRow> rows = LinearTrial.rows(problem, query, points, summaries, seed, trial);
        int perPoint = rows.size() / l;
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AdvTrainFit f = path.fits().get(i / perPoint);
            out.add(withColumns(rows.get(i).toMap(), "advtrain", f.delta(), trainAttack.label(), f.iterations(),
                    f.relativeGap(), path.thresholds()));
        }
        return out;
    }

    /** Adds the estimator columns (after {@code lambda}) to a row map; ridge rows get NaN/empty/0 (thresholds null). */
    public static Map<String, Object> withColumns(Map<String, Object> row, String estimator, double delta,
                                                  String trainAttack, int iterations, double gap,
                                                  AdvTrainThresholds thresholds) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            m.put(e.getKey(), e.getValue());
            if (e.getKey().equals("lambda")) {
                m.put("estimator", estimator);
                m.put("delta", delta);
                m.put("train_attack", trainAttack);
                m.put("iterations", iterations);
                m.put("train_gap", gap);
                m.put("delta0", thresholds == null ? Double.NaN : thresholds.delta0());
                m.put("delta_bar", thresholds == null ? Double.NaN : thresholds.deltaBar());
            }
        }
        return m;
    }
}
