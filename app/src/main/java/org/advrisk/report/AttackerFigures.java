package org.advrisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.experiment.TheoryCurves;
import org.advrisk.report.Figure.Axis;
import org.advrisk.report.Figure.Marker;
import org.advrisk.report.Figure.Role;
import org.advrisk.report.Figure.Series;
import org.advrisk.report.Figure.Stroke;

/**
 * The figures of the part "who the attacker is": R_α(θ̂_mn) over the ground truth's R_α against n for each
 * attacker, with the deterministic equivalents to {@link TheoryLines#FACTOR} × n_max, and ridge's regret
 * ratios A and S over n at G = 1 and G = 0 ({@link RegretFigures}).
 */
final class AttackerFigures {
    private static final int POINTS = 16;

    private AttackerFigures() {
    }

    /** The part's figures (empty when the run lacks the isotropic attacker). */
    static List<Figure> of(RunData data) {
        Map<String, Object> iso = AttackerVerdicts.setting(data, 0, false);
        if (iso == null) {
            return List.of();
        }
        double a = AttackerVerdicts.largestAlpha(data, iso);
        List<Figure> out = new ArrayList<>();
        out.add(ratios(data, iso, a));
        for (double g : new double[] {1, 0}) {
            Map<String, Object> s = AttackerVerdicts.setting(data, g, false);
            Figure f = s == null ? null : RegretFigures.regretVsN(data, s, a, "attacker-regret-g" + (int) g);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static Figure ratios(RunData data, Map<String, Object> iso, double a) {
        List<Group> isoGs = data.groups(iso, g -> g.number(Columns.LAMBDA) == 0);
        double[] ns = RunData.distinct(isoGs, Columns.N);
        double gtIso = RunData.series(isoGs, ns, a, Columns.GT_ADV_RISK)[ns.length - 1];
        Object[][] threats = {{0.0, false, "isotropic ball (G = 0)"}, {0.5, false, "G = 0.5"},
            {1.0, false, "G = 1 (budget in units of spread)"}, {0.0, true, "label-preserving (δ ⊥ θ*, over α²‖θ*‖²)"}};
        Marker[] markers = {Marker.CIRCLE, Marker.SQUARE, Marker.DIAMOND, Marker.CIRCLE};
        List<Series> series = new ArrayList<>();
        int[] grid = TheoryCurves.grid(ns[0], ns[ns.length - 1], TheoryLines.FACTOR, POINTS);
        double[] gx = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            gx[i] = grid[i];
        }
        for (int t = 0; t < threats.length; t++) {
            double g = (Double) threats[t][0];
            boolean lp = (Boolean) threats[t][1];
            Map<String, Object> s = AttackerVerdicts.setting(data, g, lp);
            if (s == null) {
                continue;
            }
            List<Group> gs = data.groups(s, x -> x.number(Columns.LAMBDA) == 0);
            double[] sn = RunData.distinct(gs, Columns.N);
            double ref = lp ? gtIso : RunData.series(gs, sn, a, Columns.GT_ADV_RISK)[sn.length - 1];
            Series pts = Figures.points(threats[t][2] + " (simulated)", sn, gs, a, Columns.ADV_RISK,
                    Figures.PALETTE[t], markers[t]);
            double[] y = pts.y().clone();
            double[] e = pts.errors().clone();
            for (int i = 0; i < y.length; i++) {
                y[i] /= ref;
                e[i] /= ref;
            }
            series.add(Series.points(pts.name(), sn, y, e, Figures.PALETTE[t], markers[t]));
            if (data.hasTheory() && data.spec() != null) {
                double[] de = new double[grid.length];
                for (int i = 0; i < grid.length; i++) {
                    try {
                        de[i] = TheoryCurves.at(data.spec().family(), s, data.spec().seed(), grid[i], 0, a).advRisk() / ref;
                    } catch (IllegalArgumentException tooLarge) {
                        de[i] = Double.NaN;
                    }
                }
                series.add(Series.line(threats[t][2] + " (DE)", Role.THEORY, gx, de, Figures.PALETTE[t], Stroke.DOTTED));
            }
        }
        series.add(Series.line("ratio 1 (the ground truth)", Role.REFERENCE, new double[] {gx[0], gx[gx.length - 1]},
                new double[] {1, 1}, Figures.BLACK, Stroke.DASHED));
        return new Figure("attacker-ratio-vs-n", "Who the attacker is: R_α(θ̂_mn)/R_α(θ*) vs n, α = " + RunData.fmt(a),
                "Min-norm (λ = 0) adversarial risk over the ground truth's under the same attacker, against n (log-log):"
                        + " the isotropic ball of the paper, budgets shaped by the covariance {δ : ‖Σ^{−G/2}δ‖₂ ≤ α}"
                        + " (G = 0.5, 1) and label-preserving attacks (δ ⊥ θ*: the ground truth pays 0, so the ratio is to"
                        + " the isotropic α²‖θ*‖²); means over training sets ±1 standard error, deterministic equivalents"
                        + " (dotted) to " + (int) TheoryLines.FACTOR + "× n_max. " + RunData.label(iso).replace(
                        ", attack scale G = 0", ""),
                new Axis("n (training samples), log scale", true), new Axis("R_α(θ̂)/R_α(θ*), log scale", true), series);
    }
}
