package org.advrisk.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.linear.LinearRiskRow;
import org.advrisk.linear.LinearTrial;
import org.advrisk.stats.MeanSe;

/**
 * The linear simulation of {@code POST /api/simulate}: per training set the rows of {@code advrisk
 * linear} with the same flags ({@link LinearTrial#evaluate}, or the spectral path with gradient flow).
 */
record LinearSimulation(SimulationRequest request) implements SimulationWork<List<LinearRiskRow>> {
    @Override
    public int trials() {
        return request.trials();
    }

    @Override
    public double flops() {
        return request.flops();
    }

    @Override
    public List<LinearRiskRow> trial(int t) {
        return request.flow().any()
                ? org.advrisk.linear.SpectralTrial.evaluate(request.problem(), request.query(), request.ridge(),
                        request.flow(), false, request.seed(), t, 1, request.mode()).stream()
                        .map(LinearRiskRow::new).toList()
                : LinearTrial.evaluate(request.problem(), request.query(), request.seed(), t, 1, request.mode());
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
     * same at each time t under {@code gf} (with {@code time}, null for inf, and {@code lambda_equiv} = 1/t).
     */
    @Override
    public Map<String, Object> summary(List<List<LinearRiskRow>> trials) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (request.ridge()) {
            double[] lambdas = request.query().lambdas();
            m.put(Columns.LAMBDA.name(), lambdas);
            m.put("trials", trials.size());
            moments(m, trials, 0, lambdas.length);
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
            moments(gf, trials, request.ridge() ? request.query().lambdas().length : 0, times.length);
            m.put("gf", gf);
        }
        if (!trials.isEmpty()) {
            List<Map<String, Object>> flat = new ArrayList<>();
            for (List<LinearRiskRow> tr : trials) {
                for (LinearRiskRow r : tr) {
                    flat.add(r.toMap());
                }
            }
            m.put("rows", flat);
        }
        return m;
    }

    /** Means and standard errors of rows from..from+k−1 of every trial, into m. */
    private static void moments(Map<String, Object> m, List<List<LinearRiskRow>> trials, int from, int k) {
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

    private static double value(LinearRiskRow r, int c) {
        return switch (c) {
            case 0 -> r.stdRisk();
            case 1 -> r.advRisk();
            default -> r.normL2() * r.normL2();
        };
    }
}
