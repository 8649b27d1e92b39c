package org.advrisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.TheoryRegrets;
import org.advrisk.report.Figure.Axis;
import org.advrisk.report.Figure.Marker;
import org.advrisk.report.Figure.Role;
import org.advrisk.report.Figure.Series;
import org.advrisk.report.Figure.Stroke;
import org.advrisk.report.Figure.Style;
import org.advrisk.stats.Regret;

/**
 * The regret ratios over n: the simulated A(n) and S(n) (from mean risks along the λ grid, as the
 * claim (ii) verdict reads them) and their deterministic equivalents on the same grid from n_min to
 * {@link TheoryLines#FACTOR} × n_max ({@link TheoryRegrets}), with the verdicts' threshold.
 */
final class RegretFigures {
    private RegretFigures() {
    }

    /** The figure, or {@code null} with fewer than two n. */
    static Figure regretVsN(RunData data, Map<String, Object> s, double alpha, String id) {
        List<TradeOff> curve = TradeOff.curve(data, s, alpha, Columns.STD_RISK, Columns.ADV_RISK);
        if (curve.size() < 2) {
            return null;
        }
        double[] ns = new double[curve.size()];
        double[] a = new double[curve.size()];
        double[] sr = new double[curve.size()];
        for (int i = 0; i < curve.size(); i++) {
            ns[i] = curve.get(i).n();
            a[i] = curve.get(i).a();
            sr[i] = curve.get(i).s();
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series("A = R_α(λ_std)/min R_α (simulated)", Role.DATA, Style.LINE_MARKERS, ns, a, null,
                Figures.PALETTE[0], Stroke.SOLID, Marker.CIRCLE));
        series.add(new Series("S = R(λ_adv)/min R (simulated)", Role.DATA, Style.LINE_MARKERS, ns, sr, null,
                Figures.PALETTE[1], Stroke.SOLID, Marker.SQUARE));
        series.addAll(theory(data, s, alpha, ns));
        double hi = ns[ns.length - 1] * (series.size() > 2 ? TheoryLines.FACTOR : 1);
        series.add(Series.line("threshold " + RunData.fmt(Verdicts.REGRET), Role.REFERENCE, new double[] {ns[0], hi},
                new double[] {Verdicts.REGRET, Verdicts.REGRET}, Figures.BLACK, Stroke.DASHED));
        return new Figure(id, "Regret ratios A and S over n, α = " + RunData.fmt(alpha) + " (" + s.get(Columns.SPECTRUM.name())
                + Figures.dim(data) + s.get(Columns.P_RULE.name()) + ")",
                "Regret ratios along the λ grid against n, α = " + RunData.fmt(alpha) + ": A = R_α(λ_std)/min_λ R_α"
                        + " (tuning for the standard risk costs this factor in adversarial risk) and S = R(λ_adv)/min_λ R"
                        + " (tuning for robustness costs this in standard risk), from mean risks (markers) and the"
                        + " deterministic equivalent on the same λ grid (dotted) to " + (int) TheoryLines.FACTOR
                        + "× n_max; the dashed line is the verdicts' threshold. " + RunData.label(s),
                new Axis("n, log scale", true), new Axis("regret ratio, log scale", true), series);
    }

    private static List<Series> theory(RunData data, Map<String, Object> s, double alpha, double[] ns) {
        List<Series> out = new ArrayList<>();
        if (data.spec() == null || !data.hasTheory()) {
            return out;
        }
        double[] lambdas = data.spec().lambda().stream().mapToDouble(Double::doubleValue).toArray();
        int[] grid = org.advrisk.experiment.TheoryCurves.grid(ns[0], ns[ns.length - 1], TheoryLines.FACTOR,
                TheoryLines.POINTS);
        List<Double> x = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        List<Double> sr = new ArrayList<>();
        try {
            for (int n : grid) {
                Regret r = TheoryRegrets.at(data.spec().family(), s, data.spec().seed(), n, lambdas, alpha);
                if (r != null) {
                    x.add((double) n);
                    a.add(r.a());
                    sr.add(r.s());
                }
            }
        } catch (IllegalArgumentException e) {
            return out;
        }
        if (x.size() < 2) {
            return out;
        }
        double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
        out.add(Series.line("A (DE to " + (int) TheoryLines.FACTOR + "× n_max)", Role.THEORY, xs,
                a.stream().mapToDouble(Double::doubleValue).toArray(), Figures.PALETTE[0], Stroke.DOTTED));
        out.add(Series.line("S (DE to " + (int) TheoryLines.FACTOR + "× n_max)", Role.THEORY, xs,
                sr.stream().mapToDouble(Double::doubleValue).toArray(), Figures.PALETTE[1], Stroke.DOTTED));
        return out;
    }
}
