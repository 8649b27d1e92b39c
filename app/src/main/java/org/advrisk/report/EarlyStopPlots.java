package org.advrisk.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.ResultStore;
import org.advrisk.report.Figure.Axis;
import org.advrisk.report.Figure.Marker;
import org.advrisk.report.Figure.Role;
import org.advrisk.report.Figure.Series;
import org.advrisk.report.Figure.Stroke;
import org.advrisk.report.Figure.Style;

/**
 * All frontiers of one training-set size on one chart: mean (R, R_α) along λ (ridge), along t (gradient flow),
 * along δ (adversarial training, when the run has it), the oracle frontier of the best linear predictor that
 * knows Σ and θ* ({@link OracleLines}) and the ground truth's R_α. One figure per n and α &gt; 0.
 */
final class EarlyStopPlots {
    private static final String[] COLORS = {"#1f77b4", "#2ca02c", "#d62728"};
    private static final Marker[] MARKERS = {Marker.CIRCLE, Marker.SQUARE, Marker.DIAMOND};
    private static final Stroke[] STROKES = {Stroke.SOLID, Stroke.SOLID, Stroke.DASHED};

    private EarlyStopPlots() {
    }

    /** The figures of a run with ridge and gradient-flow rows (none without them). */
    static List<Figure> figures(RunData data) throws IOException {
        List<Map<String, Object>> rows = EarlyStopVerdicts.advRows(ResultStore.readRows(data.dir()));
        List<Figure> out = new ArrayList<>();
        int k = 0;
        for (Map<String, Object> s : AdvTrainVerdicts.settings(EstimatorPaths.of(rows, "ridge"))) {
            List<Map<String, Object>> rs = AdvTrainVerdicts.matching(rows, s);
            List<EstimatorPaths.Path> paths = EarlyStopVerdicts.paths(rs);
            if (paths.isEmpty()) {
                continue;
            }
            String set = k++ == 0 ? "" : "-" + k;
            for (double a : AdvTrainVerdicts.distinct(EstimatorPaths.of(rs, "ridge"), Columns.ALPHA.name())) {
                for (double n : AdvTrainVerdicts.distinct(rs, Columns.N.name())) {
                    if (a > 0) {
                        out.add(figure(data, s, rs, paths, a, n, "frontiers" + set + "-n" + (int) n + "-a"
                                + RunData.fmt(a).replace('.', '_')));
                    }
                }
            }
        }
        return out;
    }

    /** Renders the figures into {@code dir}. */
    static List<Plots.Plot> render(RunData data, Path dir) throws IOException {
        List<Plots.Plot> out = new ArrayList<>();
        for (Figure f : figures(data)) {
            out.add(Plots.save(Plots.draw(f), dir, f.id(), f.caption()));
        }
        return out;
    }

    static Figure figure(RunData data, Map<String, Object> s, List<Map<String, Object>> rows,
                         List<EstimatorPaths.Path> paths, double a, double n, String id) {
        List<Series> series = new ArrayList<>();
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = 0;
        double gt = Double.NaN;
        for (int k = 0; k < paths.size(); k++) {
            EstimatorPaths.Path p = paths.get(k);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (double v : p.grid()) {
                double r = 0;
                double ra = 0;
                int c = 0;
                for (Map<String, Object> row : EstimatorPaths.of(rows, p.estimator())) {
                    if (AdvTrainVerdicts.num(row, Columns.N.name()) == n && AdvTrainVerdicts.num(row, Columns.ALPHA.name()) == a
                            && AdvTrainVerdicts.num(row, p.key().name()) == v) {
                        r += AdvTrainVerdicts.num(row, Columns.STD_RISK.name());
                        ra += AdvTrainVerdicts.num(row, Columns.ADV_RISK.name());
                        gt = AdvTrainVerdicts.num(row, Columns.GT_ADV_RISK.name());
                        c++;
                    }
                }
                if (c > 0) {
                    xs.add(r / c);
                    ys.add(ra / c);
                    xmin = Math.min(xmin, r / c);
                    xmax = Math.max(xmax, r / c);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            String range = " ∈ [" + RunData.fmt(p.grid()[0]) + ", " + RunData.fmt(p.grid()[p.grid().length - 1]) + "]";
            String name = switch (p.estimator()) {
                case "gf" -> "gradient flow, t" + range;
                case "advtrain" -> "adversarial training, δ" + range;
                default -> "ridge, λ" + range;
            };
            series.add(new Series(name, Role.DATA, Style.LINE_MARKERS, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), null, COLORS[k % 3], STROKES[k % 3],
                    MARKERS[k % 3]));
        }
        if (gt > 0 && xmax > 0) {
            series.add(Series.line("ground truth θ*: R = 0 (off the log axis), R_α = α²‖θ*‖²", Role.REFERENCE,
                    new double[] {xmin, xmax}, new double[] {gt, gt}, Figures.BLACK, Stroke.DASHED));
        }
        series.addAll(OracleLines.series(data, s, a, new double[] {n}, xmin, xmax));
        String gaps = EarlyStopVerdicts.oracleGaps(data, s, rows, paths, a, n);
        return new Figure(id, "All frontiers at n = " + (int) n + ", α = " + RunData.fmt(a),
                "Mean (R, R_α) over the training sets at n = " + (int) n + " along λ (ridge), t (gradient flow from θ = 0,"
                        + " early stopping)" + (paths.size() > 2 ? " and δ (adversarial training)" : "") + ", all on the"
                        + " same training sets; the ground truth's R_α (dashed)." + OracleLines.caption(data, s, a,
                        new double[] {n}) + (gaps.isEmpty() ? "" : " In numbers, " + gaps + ".") + " " + RunData.label(s),
                new Axis("standard risk R, log scale", true), new Axis("adversarial risk R_α, log scale", true), series);
    }
}
