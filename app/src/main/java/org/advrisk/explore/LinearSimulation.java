package org.advrisk.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.estimator.Estimators;
import org.advrisk.estimator.SpectralRows;
import org.advrisk.estimator.SpectralSelection;
import org.advrisk.linear.LinearRiskRow;
import org.advrisk.linear.LinearTrial;
import org.advrisk.stats.MeanSe;

/**
 * The linear simulation of {@code POST /api/simulate}: per training set the rows of {@code advrisk
 * linear} with the same flags ({@link LinearTrial#evaluate}, or the spectral path with gradient flow,
 * gradient descent and the registry's plug-in estimators, {@link SpectralRows#evaluate}).
 */
record LinearSimulation(SimulationRequest request) implements SimulationWork<List<Row>> {
    @Override
    public int trials() {
        return request.trials();
    }

    @Override
    public double flops() {
        return request.flops();
    }

    @Override
    public List<Row> trial(int t) {
        if (!request.plugins().isEmpty()) {
            return SpectralRows.evaluate(request.problem(), request.query(), request.ridge(), request.flow(), false,
                    request.plugins(), request.seed(), t, 1, request.mode());
        }
        return request.flow().any()
                ? org.advrisk.linear.SpectralTrial.evaluate(request.problem(), request.query(), request.ridge(),
                        request.flow(), false, request.seed(), t, 1, request.mode())
                : LinearTrial.evaluate(request.problem(), request.query(), request.seed(), t, 1, request.mode()).stream()
                        .map(LinearRiskRow::row).toList();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exact_tail", request.mode().usesWishart(request.problem()) && request.problem().p() >= request.problem().n());
        return m;
    }

    /**
     * Mean and standard error (sample standard deviation / √trials; null for one trial) of the
     * standard risk, adversarial risk and ‖θ̂‖² at each λ, over the finished training sets; with gf, the
     * same at each time t under {@code gf} (with {@code time}, null for inf, and {@code lambda_equiv} = 1/t);
     * with gd or a plug-in estimator, the same at each of its values under its name (with its parameter).
     */
    @Override
    public Map<String, Object> summary(List<List<Row>> trials) {
        Map<String, Object> m = new LinkedHashMap<>();
        int from = 0;
        if (request.ridge()) {
            double[] lambdas = request.query().lambdas();
            m.put(Columns.LAMBDA.name(), lambdas);
            m.put("trials", trials.size());
            moments(m, trials, 0, lambdas.length);
            from = lambdas.length;
        } else {
            m.put("trials", trials.size());
        }
        if (request.flow().gf()) {
            double[] times = request.flow().times();
            Map<String, Object> gf = new LinkedHashMap<>();
            double[] equiv = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                equiv[i] = 1 / times[i];
            }
            gf.put(Columns.TIME.name(), times);
            gf.put(Columns.LAMBDA_EQUIV.name(), equiv);
            moments(gf, trials, from, times.length);
            m.put("gf", gf);
            from += times.length;
        }
        if (request.flow().gd()) {
            from = section(m, trials, from, Estimators.GD.name(), Columns.STEPS.name(), request.flow().steps());
        }
        for (SpectralSelection s : request.plugins()) {
            from = section(m, trials, from, s.kind().name(), s.kind().parameter().name(), s.values());
        }
        if (!trials.isEmpty()) {
            List<Map<String, Object>> flat = new ArrayList<>();
            for (List<Row> tr : trials) {
                for (Row r : tr) {
                    flat.add(r.toMap());
                }
            }
            m.put("rows", flat);
        }
        return m;
    }

    /** One estimator's means under its name, from row {@code from}; returns the next estimator's first row. */
    private static int section(Map<String, Object> m, List<List<Row>> trials, int from, String name, String parameter,
                               double[] values) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(parameter, values);
        moments(one, trials, from, values.length);
        m.put(name, one);
        return from + values.length;
    }

    /** Means and standard errors of rows from..from+k−1 of every trial, into m. */
    private static void moments(Map<String, Object> m, List<List<Row>> trials, int from, int k) {
        int t = trials.size();
        String[] names = {Columns.STD_RISK.name(), Columns.ADV_RISK.name(), Columns.NORM_SQ.name()};
        for (int c = 0; c < names.length; c++) {
            double[] mean = new double[k];
            Double[] se = new Double[k];
            for (int i = 0; i < k; i++) {
                int row = from + i;
                int col = c;
                MeanSe ms = MeanSe.of(trials.stream().mapToDouble(tr -> value(tr.get(row), col)).toArray());
                mean[i] = ms.mean();
                se[i] = t < 2 ? null : ms.se();
            }
            m.put(names[c] + "_mean", mean);
            m.put(names[c] + "_se", se);
        }
    }

    private static double value(Row r, int c) {
        return switch (c) {
            case 0 -> r.number(Columns.STD_RISK);
            case 1 -> r.number(Columns.ADV_RISK);
            default -> r.number(Columns.NORM_L2) * r.number(Columns.NORM_L2);
        };
    }
}
