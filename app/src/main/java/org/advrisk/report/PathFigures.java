package org.advrisk.report;

import static org.advrisk.report.Figures.PALETTE;
import static org.advrisk.report.Figures.RISK;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.experiment.Family;
import org.advrisk.report.Figure.Axis;
import org.advrisk.report.Figure.Marker;
import org.advrisk.report.Figure.Role;
import org.advrisk.report.Figure.Series;
import org.advrisk.report.Figure.Stroke;
import org.advrisk.report.Figure.Style;

/** The figures of a λ grid at one budget: risks against λ per n, and the (R, R_α) frontier along λ. */
final class PathFigures {
    private PathFigures() {
    }

    static Figure riskVsLambda(RunData data, Map<String, Object> s, double alpha, String id) {
        boolean ntk = data.spec().family() == Family.NTK;
        List<Group> gs = data.groups(s, g -> g.number(Columns.ALPHA) == alpha && RunData.infiniteWidth(g));
        double[] ns = RunData.distinct(gs, Columns.N);
        double[] lambdas = RunData.distinct(gs, Columns.LAMBDA);
        double zeroAt = Figures.zeroPosition(lambdas);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < ns.length; i++) {
            double n = ns[i];
            List<Group> atN = gs.stream().filter(g -> g.number(Columns.N) == n).toList();
            double[] x = new double[lambdas.length];
            double[] r = new double[lambdas.length];
            double[] ra = new double[lambdas.length];
            double[] dr = new double[lambdas.length];
            double[] dra = new double[lambdas.length];
            for (int j = 0; j < lambdas.length; j++) {
                x[j] = lambdas[j] == 0 ? zeroAt : lambdas[j];
                double l = lambdas[j];
                Group g = atN.stream().filter(h -> h.number(Columns.LAMBDA) == l).findFirst().orElse(null);
                r[j] = g == null ? Double.NaN : g.mean(Columns.STD_RISK);
                ra[j] = g == null ? Double.NaN : g.mean(Columns.ADV_RISK);
                dr[j] = g == null ? Double.NaN : g.mean(Columns.DE_STD_RISK);
                dra[j] = g == null ? Double.NaN : g.mean(Columns.DE_ADV_RISK);
            }
            String col = PALETTE[i % PALETTE.length];
            series.add(Series.line("R, n = " + (int) n, Role.DATA, x, r, col, Stroke.SOLID));
            series.add(Series.line("R_α, n = " + (int) n, Role.DATA, x, ra, col, Stroke.DASHED));
            if (data.hasTheory()) {
                series.add(new Series("R (DE), n = " + (int) n, Role.THEORY, Style.MARKERS, x, dr, null, col, null,
                        Marker.DIAMOND));
                series.add(new Series("R_α (DE), n = " + (int) n, Role.THEORY, Style.MARKERS, x, dra, null, col, null,
                        Marker.DIAMOND));
            }
        }
        String spectrum = " (" + s.get(Columns.SPECTRUM.name()) + Figures.dim(data) + s.get(Columns.P_RULE.name()) + ")";
        return new Figure(id, (ntk ? "NTK kernel ridge" : "Ridge") + ": risks vs λ, α = " + RunData.fmt(alpha)
                + spectrum, (ntk ? "NTK (K1) kernel ridge c = (K + nλI)⁻¹y: R and PGD R_α" : "Ridge risks")
                + " against λ (log axis; λ = 0 drawn at the left edge as min-norm) for each n: R (solid), R_α with"
                + " α = " + RunData.fmt(alpha) + " (dashed)" + (data.hasTheory() ? ", deterministic equivalents"
                + " (diamonds)" : "") + ". " + RunData.label(s),
                new Axis(ntk ? "λ (kernel ridge, c = (K + nλI)⁻¹y), log scale"
                        : "λ (ridge; scikit-learn alpha = nλ), log scale", true), RISK, series);
    }

    static Figure frontier(RunData data, Map<String, Object> s, double alpha, String id) {
        List<Group> gs = data.groups(s, g -> g.number(Columns.ALPHA) == alpha && RunData.infiniteWidth(g));
        double[] ns = RunData.distinct(gs, Columns.N);
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = 0;
        double gt = Double.NaN;
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < ns.length; i++) {
            double n = ns[i];
            List<Group> atN = new ArrayList<>(gs.stream().filter(g -> g.number(Columns.N) == n).toList());
            atN.sort((a, b) -> Double.compare(a.number(Columns.LAMBDA), b.number(Columns.LAMBDA)));
            double[] x = new double[atN.size()];
            double[] y = new double[atN.size()];
            for (int j = 0; j < atN.size(); j++) {
                x[j] = atN.get(j).mean(Columns.STD_RISK);
                y[j] = atN.get(j).mean(Columns.ADV_RISK);
                xmin = Math.min(xmin, x[j]);
                xmax = Math.max(xmax, x[j]);
                gt = atN.get(j).mean(Columns.GT_ADV_RISK);
            }
            series.add(new Series("n = " + (int) n + " (λ from 0 to " + RunData.fmt(atN.get(atN.size() - 1)
                    .number(Columns.LAMBDA)) + ")", Role.DATA, Style.LINE_MARKERS, x, y, null,
                    PALETTE[i % PALETTE.length], Stroke.SOLID, Marker.CIRCLE));
        }
        if (gt > 0 && xmax > 0) {
            series.add(Series.line("ground truth: R = 0, R_α = α²‖θ*‖²", Role.REFERENCE, new double[] {xmin, xmax},
                    new double[] {gt, gt}, Figures.BLACK, Stroke.DASHED));
        }
        series.addAll(OracleLines.series(data, s, alpha, ns, xmin, xmax));
        return new Figure(id, "Trade-off frontier along λ, α = " + RunData.fmt(alpha) + " ("
                + s.get(Columns.SPECTRUM.name()) + Figures.dim(data) + s.get(Columns.P_RULE.name()) + ")",
                "Trade-off frontier: (R, R_α) along the λ grid for each n, α = " + RunData.fmt(alpha) + "; the ground"
                        + " truth has R = 0 and R_α = α²‖θ*‖²_q (dashed line). A point near the lower-left corner would"
                        + " make both small." + OracleLines.caption(data, s, alpha, ns) + " " + RunData.label(s),
                new Axis("standard risk R, log scale", true), new Axis("adversarial risk R_α, log scale", true), series);
    }
}
