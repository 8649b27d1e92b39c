package org.advrisk.report;

import org.advrisk.columns.Columns;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.advrisk.experiment.Aggregation;
import org.advrisk.experiment.Aggregation.Group;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The frontier of adversarial training next to ridge's: mean (R, R_α) along the λ grid (solid) and along
 * the δ grid (dashed) for each n, the points δ = α marked, and the ground truth's R_α = α²‖θ*‖²_q.
 */
final class AdvTrainPlots {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};
    private static final BasicStroke SOLID = new BasicStroke(2.2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);

    private AdvTrainPlots() {
    }

    /** One frontier plot per setting, α > 0 and training attack; none without adversarial-training rows. */
    static List<Plots.Plot> render(RunData data, Path dir) throws IOException {
        List<Map<String, Object>> adv = AdvTrainVerdicts.rows(data.dir());
        List<Plots.Plot> out = new ArrayList<>();
        if (adv.isEmpty()) {
            return out;
        }
        Files.createDirectories(dir);
        int k = 0;
        for (Map<String, Object> s : data.settings()) {
            List<Map<String, Object>> as = AdvTrainVerdicts.matching(adv, s);
            for (String ta : new java.util.TreeSet<>(as.stream().map(r -> String.valueOf(r.get(Columns.TRAIN_ATTACK.name()))).toList())) {
                List<Group> ag = Aggregation.summarize(as.stream()
                        .filter(r -> ta.equals(String.valueOf(r.get(Columns.TRAIN_ATTACK.name())))).toList());
                for (double a : RunData.distinct(data.groups(s, g -> true), Columns.ALPHA)) {
                    if (a == 0) {
                        continue;
                    }
                    String id = "frontier-advtrain" + (k++ == 0 ? "" : "-" + k) + "-a" + RunData.fmt(a).replace('.', '_');
                    out.add(Plots.save(chart(data, s, ag, a, ta), dir, id, "Ridge against adversarial training:"
                            + " mean (R, R_α) along the λ grid (solid, circles) and along the δ grid (dashed, diamonds;"
                            + " trained against " + ta + ") for each n, α = " + RunData.fmt(a) + "; black squares: δ = α;"
                            + " the ground truth has R = 0 and R_α = α²‖θ*‖²_q (dashed black line). A δ path"
                            + " reaching further into the lower-left corner than the λ path would escape the trade-off."
                            + OracleLines.caption(data, s, a, RunData.distinct(data.groups(s, g -> true), Columns.N))
                            + " " + RunData.label(s)));
                }
            }
        }
        return out;
    }

    static XYChart chart(RunData data, Map<String, Object> s, List<Group> adv, double alpha, String trainAttack) {
        XYChart c = Plots.chart("Frontiers along λ (ridge) and δ (adversarial training, " + trainAttack + "), α = "
                + RunData.fmt(alpha), "standard risk R, log scale", "adversarial risk R_α, log scale", true, true);
        List<Group> ridge = data.groups(s, g -> g.number(Columns.ALPHA) == alpha);
        List<Group> at = adv.stream().filter(g -> g.number(Columns.ALPHA) == alpha).toList();
        double[] ns = RunData.distinct(ridge, Columns.N);
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = 0;
        double gt = Double.NaN;
        List<double[]> marks = new ArrayList<>();
        for (int i = 0; i < ns.length; i++) {
            double n = ns[i];
            Color col = COLORS[i % COLORS.length];
            for (boolean isRidge : new boolean[] {true, false}) {
                String key = isRidge ? "lambda" : "delta";
                List<Group> path = new ArrayList<>((isRidge ? ridge : at).stream().filter(g -> g.number(Columns.N) == n).toList());
                if (path.isEmpty()) {
                    continue;
                }
                path.sort(Comparator.comparingDouble(g -> g.number(key)));
                double[] x = path.stream().mapToDouble(g -> g.mean(Columns.STD_RISK)).toArray();
                double[] y = path.stream().mapToDouble(g -> g.mean(Columns.ADV_RISK)).toArray();
                for (int j = 0; j < x.length; j++) {
                    xmin = Math.min(xmin, x[j]);
                    xmax = Math.max(xmax, x[j]);
                    if (!isRidge && path.get(j).number(Columns.DELTA) == alpha) {
                        marks.add(new double[] {x[j], y[j]});
                    }
                }
                gt = path.get(0).mean(Columns.GT_ADV_RISK);
                XYSeries ser = c.addSeries("n = " + (int) n + (isRidge ? ", ridge λ ∈ [0, " : ", adv. training δ ∈ ["
                        + RunData.fmt(path.get(0).number(key)) + ", ") + RunData.fmt(path.get(path.size() - 1).number(key))
                        + "]", x, y);
                ser.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                ser.setLineColor(col);
                ser.setMarkerColor(col);
                ser.setMarker(isRidge ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
                ser.setLineStyle(isRidge ? SOLID : DASHED);
            }
        }
        if (!marks.isEmpty()) {
            XYSeries m = c.addSeries("δ = α = " + RunData.fmt(alpha), marks.stream().mapToDouble(v -> v[0]).toArray(),
                    marks.stream().mapToDouble(v -> v[1]).toArray());
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            m.setMarker(SeriesMarkers.SQUARE);
            m.setMarkerColor(Color.BLACK);
        }
        if (gt > 0 && xmax > 0) {
            XYSeries g = c.addSeries("ground truth: R = 0, R_α = α²‖θ*‖²", new double[] {xmin, xmax},
                    new double[] {gt, gt});
            g.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            g.setMarker(SeriesMarkers.NONE);
            g.setLineColor(Color.BLACK);
            g.setLineStyle(DASHED);
        }
        for (org.advrisk.report.Figure.Series o : OracleLines.series(data, s, alpha, ns, xmin, xmax)) {
            Plots.add(c, o);
        }
        return c;
    }
}
