package org.advrisk.linear;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.model.LinearProblem;

/**
 * One training set through the spectral estimators: sampled once, decomposed once
 * ({@link RidgeEstimator}), then read through the ridge filter at every λ, the gradient-flow filter at
 * every time t and the gradient-descent filter at every step count K ({@link SpectralFamily}): the
 * whole t path costs what the λ path costs. Rows come from {@link LinearRiskRows} (the same risk code
 * for every estimator) with the {@code estimator} column and the early-stopping columns
 * ({@link FlowColumns}).
 */
public final class SpectralTrial {
    private SpectralTrial() {
    }

    /**
     * Rows of ridge (when {@code ridge}) and of gf/gd as {@code flow} asks, all on training set
     * {@code trial}, with the tail mode resolved as {@link LinearTrial#resolve} does. Every row carries
     * {@code estimator}; ridge rows NaN early-stopping columns; with {@code advColumns} also the
     * adversarial-training columns (NaN / empty / 0), for outputs that hold advtrain rows too.
     */
    public static List<Row> evaluate(LinearProblem problem, LinearQuery query, boolean ridge, FlowQuery flow,
                                     boolean advColumns, long seed, long trial, int threads, TailMode mode) {
        TrainingData data = TrainingSampler.sample(problem, seed, trial, threads, LinearTrial.resolve(problem, query, mode));
        return rows(new RidgeEstimator(threads).fit(data), query, ridge, flow, advColumns, seed, trial);
    }

    /** Rows of an already decomposed path (any filter family: it is re-read through each). */
    public static List<Row> rows(RidgePath path, LinearQuery query, boolean ridge, FlowQuery flow,
                                 boolean advColumns, long seed, long trial) {
        List<Row> out = new ArrayList<>();
        if (ridge) {
            for (LinearRiskRow r : LinearRiskRows.of(path.filtered(SpectralFamily.RIDGE), query, seed, trial)) {
                out.add(tag("ridge", flow.any() ? FlowColumns.none(r.row()) : r.row(), advColumns));
            }
        }
        if (flow.gf()) {
            RidgePath gf = path.filtered(SpectralFamily.FLOW);
            for (LinearRiskRow r : LinearRiskRows.of(gf, flow.times(), query, seed, trial)) {
                out.add(tag("gf", FlowColumns.gf(r.row(), r.lambda()), advColumns));
            }
        }
        if (flow.gd()) {
            RidgePath gd = path.filtered(SpectralFamily.steps(flow.eta()));
            for (LinearRiskRow r : LinearRiskRows.of(gd, flow.steps(), query, seed, trial)) {
                out.add(tag("gd", FlowColumns.gd(r.row(), flow.eta(), (long) r.lambda()), advColumns));
            }
        }
        return out;
    }

    /** Sets {@code estimator} (and, when advtrain rows share the output, its columns: NaN / empty / 0). */
    private static Row tag(String estimator, Row row, boolean advColumns) {
        return advColumns ? EstimatorColumns.withoutAdvTrain(row, estimator)
                : row.toBuilder().set(Columns.ESTIMATOR, estimator).build();
    }
}
