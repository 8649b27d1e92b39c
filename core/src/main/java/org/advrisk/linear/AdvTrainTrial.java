package org.advrisk.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Rows (as column maps) for every δ × attack × target × α of the query (its λ list is not used). */
    public static List<Map<String, Object>> evaluate(LinearProblem problem, LinearQuery query, double[] deltas,
                                                     AttackNorm trainAttack, long seed, long trial) {
        AdvTrainEstimator.checkSize(problem.n(), problem.p());
        DesignData data = DesignSampler.sample(problem, seed, trial);
        AdvTrainedPath path = new AdvTrainEstimator(trainAttack, deltas).fit(data);
        LinearQuery atDeltas = new LinearQuery(deltas, query.alphas(), query.attacks(), query.targets(),
                query.testSize());
        List<LinearRiskRow> rows = LinearRiskRows.of(path, atDeltas, seed, trial);
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (LinearRiskRow r : rows) {
            AdvTrainFit f = path.fit(r.lambda());
            Map<String, Object> m = withColumns(r.toMap(), "advtrain", f.delta(), trainAttack.label(), f.iterations(),
                    f.relativeGap(), path.fits().thresholds());
            m.put("lambda", Double.NaN);
            out.add(m);
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
