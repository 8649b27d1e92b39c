package org.advrisk.estimator;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.columns.RowType;
import org.advrisk.linear.EstimatorColumns;
import org.advrisk.linear.FlowColumns;
import org.advrisk.linear.FlowQuery;
import org.advrisk.linear.LinearQuery;
import org.advrisk.linear.LinearRiskRow;
import org.advrisk.linear.LinearRiskRows;
import org.advrisk.linear.RidgePath;
import org.advrisk.linear.SpectralTrial;
import org.advrisk.linear.TailMode;
import org.advrisk.linear.TrainingData;
import org.advrisk.linear.TrainingSampler;
import org.advrisk.linear.LinearTrial;
import org.advrisk.linear.RidgeEstimator;
import org.advrisk.model.LinearProblem;

/**
 * Rows of plug-in spectral estimators on a synthetic training set: the ridge path's one
 * eigendecomposition read through each estimator's {@link org.advrisk.linear.SpectralFamily}, rows from
 * {@link LinearRiskRows} (the code of every estimator) with {@code lambda} NaN, {@code estimator} its
 * name and its parameter in its own column; the other estimators' rows of the same output carry the
 * plug-ins' columns empty ({@link #pad}).
 */
public final class SpectralRows {
    private SpectralRows() {
    }

    /**
     * One training set through ridge (when asked), gf/gd (as {@code flow} asks) and the plug-ins, from
     * one decomposition; {@code advColumns}: advtrain rows share the output.
     */
    public static List<Row> evaluate(LinearProblem problem, LinearQuery query, boolean ridge, FlowQuery flow,
                                     boolean advColumns, List<SpectralSelection> plugins, long seed, long trial,
                                     int threads, TailMode mode) {
        TrainingData data = TrainingSampler.sample(problem, seed, trial, threads, LinearTrial.resolve(problem, query, mode));
        RidgePath path = new RidgeEstimator(threads).fit(data);
        List<Row> out = new ArrayList<>(SpectralTrial.rows(path, query, ridge, flow, advColumns, seed, trial));
        out.addAll(rows(path, query, flow.any(), advColumns, plugins, seed, trial));
        return pad(out, plugins);
    }

    /** The plug-ins' rows on a decomposed path (not yet padded). */
    public static List<Row> rows(RidgePath path, LinearQuery query, boolean flowColumns, boolean advColumns,
                                 List<SpectralSelection> plugins, long seed, long trial) {
        List<Row> out = new ArrayList<>();
        RowType[] types = new RowType[1];
        for (SpectralSelection s : plugins) {
            RidgePath filtered = path.filtered(s.kind().family(s.settings()));
            for (LinearRiskRow r : LinearRiskRows.of(filtered, s.values(), query, seed, trial)) {
                Row row = advColumns ? EstimatorColumns.withoutAdvTrain(r.row(), s.kind().name())
                        : r.row().toBuilder().set(Columns.ESTIMATOR, s.kind().name()).build();
                row = flowColumns ? FlowColumns.none(row) : row;
                RowType type = extended(row.type(), plugins);
                out.add(type.row().putAll(row).put(Columns.LAMBDA, Double.NaN)
                        .set(s.kind().parameter().column(), r.lambda()).build());
            }
        }
        return out;
    }

    /** Every row with the plug-ins' columns, empty where a row has none (identity without plug-ins). */
    public static List<Row> pad(List<Row> rows, List<SpectralSelection> plugins) {
        if (plugins.isEmpty()) {
            return rows;
        }
        List<Column> extra = columns(plugins);
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Row.Builder b = extended(r.type(), plugins).row().putAll(r);
            for (Column c : extra) {
                if (!r.has(c)) {
                    b.put(c, blank(c));
                }
            }
            out.add(b.build());
        }
        return out;
    }

    /** The plug-ins' columns, in selection order. */
    public static List<Column> columns(List<SpectralSelection> plugins) {
        return Estimators.pluginColumns(plugins.stream().map(SpectralSelection::kind).toList());
    }

    /** A row type followed by the plug-ins' columns (optional). */
    public static RowType extended(RowType base, List<SpectralSelection> plugins) {
        List<Column> extra = columns(plugins);
        if (extra.isEmpty() || extra.stream().allMatch(c -> base.indexOf(c) >= 0)) {
            return base;
        }
        RowType.Builder b = RowType.builder("estimators:" + String.join(",", extra.stream().map(Column::name).toList()));
        return base.then(b.optional(extra.toArray(new Column[0])).build());
    }

    /** The empty value of a column: NaN, "", 0 or false. */
    public static Object blank(Column c) {
        return switch (c.kind()) {
            case REAL -> Double.NaN;
            case TEXT -> "";
            case INTEGER, SIZE -> 0L;
            case FLAG -> Boolean.FALSE;
        };
    }
}
