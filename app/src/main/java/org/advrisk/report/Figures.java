package org.advrisk.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advrisk.columns.Column;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.experiment.Aggregation.Stats;
import org.advrisk.experiment.Family;
import org.advrisk.experiment.TheoryCurves;
import org.advrisk.report.Figure.Axis;
import org.advrisk.report.Figure.Marker;
import org.advrisk.report.Figure.Role;
import org.advrisk.report.Figure.Series;
import org.advrisk.report.Figure.Stroke;

/**
 * The figures a run's data supports, as data ({@link Figure}), in report order: per setting the
 * min-norm risks and ‖θ̂‖² (or the NTK's E‖∇f̂‖²) against n, then for λ grids the risks against λ and
 * the trade-off frontier ({@link PathFigures}); last the double-descent view against p/n. Simulated
 * values are means over trials with ±1 standard error, deterministic equivalents lines (continued past
 * the simulated n by {@link TheoryLines}), the ground truth's adversarial risk a dashed reference.
 * Everything a figure shows is computed here (theory curves through {@link TheoryCurves}); drawing
 * is {@link Plots}'s.
 */
public final class Figures {
    /** Units and conventions shown on every risk axis. */
    public static final String RISK_AXIS = "excess risk (squared error vs the clean response ⟨x,θ*⟩)";
    /** Series colours (#rrggbb) in order of use. */
    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
        "#17becf"};
    /** The colour of the ground truth on the frontier. */
    static final String BLACK = "#000000";

    static final Axis N_AXIS = new Axis("n (training samples), log scale", true);
    static final Axis RISK = new Axis(RISK_AXIS + ", log scale", true);

    private Figures() {
    }

    /** Every figure the run's data supports, in report order. */
    public static List<Figure> of(RunData data) {
        List<Figure> out = new ArrayList<>();
        List<Map<String, Object>> settings = data.settings();
        // ‖θ̂‖² (and E‖∇f̂‖²) do not depend on the attack or target: one norm figure per remaining setting.
        Set<String> normPlotted = new HashSet<>();
        boolean ntk = data.spec().family() == Family.NTK;
        for (int si = 0; si < settings.size(); si++) {
            Map<String, Object> s = settings.get(si);
            String suffix = settings.size() == 1 ? "" : "-" + (si + 1);
            List<Group> minNorm = data.groups(s, g -> g.number(Columns.LAMBDA) == 0 && RunData.infiniteWidth(g));
            Map<String, Object> normKey = new LinkedHashMap<>(s);
            normKey.remove(Columns.ATTACK.name());
            normKey.remove(Columns.TARGET.name());
            boolean firstNorm = normPlotted.add(normKey.toString());
            if (RunData.distinct(minNorm, Columns.N).length >= 2) {
                if (ntk) {
                    out.add(NtkFigures.riskVsN(data, s, minNorm, "risk-vs-n" + suffix));
                    if (firstNorm) {
                        out.add(NtkFigures.gradVsN(s, minNorm, "grad-vs-n" + suffix));
                    }
                } else {
                    out.add(riskVsN(data, s, minNorm, "risk-vs-n" + suffix));
                    if (firstNorm) {
                        out.add(normVsN(data, s, minNorm, "norm-vs-n" + suffix));
                    }
                }
            }
            List<Group> all = data.groups(s, RunData::infiniteWidth);
            if (RunData.distinct(all, Columns.LAMBDA).length >= 3) {
                for (double a : RunData.distinct(all, Columns.ALPHA)) {
                    if (a == 0) {
                        continue;
                    }
                    String as = "-a" + RunData.fmt(a).replace('.', '_');
                    out.add(PathFigures.riskVsLambda(data, s, a, "risk-vs-lambda" + suffix + as));
                    out.add(PathFigures.frontier(data, s, a, "frontier" + suffix + as));
                    Figure regrets = RegretFigures.regretVsN(data, s, a, "regret-vs-n" + suffix + as);
                    if (regrets != null) {
                        out.add(regrets);
                    }
                }
            }
        }
        out.addAll(riskVsGamma(data));
        return out;
    }

    static Figure riskVsN(RunData data, Map<String, Object> s, List<Group> gs, String id) {
        double[] ns = RunData.distinct(gs, Columns.N);
        double[] alphas = RunData.distinct(gs, Columns.ALPHA);
        List<Series> series = new ArrayList<>();
        series.add(points("R (simulated)", ns, gs, alphas[0], Columns.STD_RISK, PALETTE[0], Marker.CIRCLE));
        if (data.hasTheory()) {
            series.add(Series.line("R (DE)", Role.THEORY, ns, RunData.series(gs, ns, alphas[0], Columns.DE_STD_RISK),
                    PALETTE[0], Stroke.SOLID));
            series.addAll(TheoryLines.series(data, s, ns, alphas));
        }
        series.addAll(perBudget(gs, ns, alphas, "R_α, α = ", data.hasTheory() ? "R_α (DE), α = " : null,
                Columns.DE_ADV_RISK));
        return new Figure(id, "Min-norm: risks vs n (" + s.get(Columns.SPECTRUM.name()) + ", p = "
                + s.get(Columns.P_RULE.name()) + ")", "Min-norm (λ = 0) risks against n, log-log: standard risk R"
                + " (circles), adversarial risk R_α per budget α (squares), the ground truth's α²‖θ*‖²_q (dashed)"
                + (data.hasTheory() ? ", deterministic equivalents (lines)" : "") + ". " + RunData.label(s),
                N_AXIS, RISK, series);
    }

    /**
     * Per budget α > 0 (colours after the first): the simulated R_α (squares), a theory line of
     * {@code theoryColumn} when {@code theoryName} is given, and the ground truth's α²‖θ*‖² (dashed reference).
     */
    static List<Series> perBudget(List<Group> gs, double[] ns, double[] alphas, String dataName, String theoryName,
                                  Column theoryColumn) {
        List<Series> series = new ArrayList<>();
        int k = 1;
        for (double a : alphas) {
            if (a == 0) {
                continue;
            }
            String col = PALETTE[k++ % PALETTE.length];
            series.add(points(dataName + RunData.fmt(a), ns, gs, a, Columns.ADV_RISK, col, Marker.SQUARE));
            if (theoryName != null) {
                series.add(Series.line(theoryName + RunData.fmt(a), Role.THEORY, ns,
                        RunData.series(gs, ns, a, theoryColumn), col, Stroke.SOLID));
            }
            series.add(Series.line("α²‖θ*‖² (ground truth), α = " + RunData.fmt(a), Role.REFERENCE, ns,
                    RunData.series(gs, ns, a, Columns.GT_ADV_RISK), col, Stroke.DASHED));
        }
        return series;
    }

    static Figure normVsN(RunData data, Map<String, Object> s, List<Group> gs, String id) {
        double[] ns = RunData.distinct(gs, Columns.N);
        double a0 = RunData.distinct(gs, Columns.ALPHA)[0];
        List<Series> series = new ArrayList<>();
        series.add(points("‖θ̂‖² (simulated)", ns, gs, a0, Columns.NORM_L2_SQ, PALETTE[0], Marker.CIRCLE));
        if (data.hasTheory()) {
            series.add(Series.line("‖θ̂‖² (DE)", Role.THEORY, ns, RunData.series(gs, ns, a0, Columns.DE_NORM_L2_SQ),
                    PALETTE[0], Stroke.SOLID));
        }
        double sigma = ((Number) s.get(Columns.SIGMA.name())).doubleValue();
        double[] ps = RunData.keySeries(gs, ns, a0, Columns.P);
        double[] order = new double[ns.length];
        double[] crude = new double[ns.length];
        boolean haveOrder = true;
        for (int i = 0; i < ns.length; i++) {
            TheoryCurves.NormBounds b = TheoryCurves.normBounds(s, data.spec().seed(), (int) ns[i], (long) ps[i]);
            order[i] = b.order();
            crude[i] = b.lowerBound();
            haveOrder &= Double.isFinite(order[i]);
        }
        if (sigma > 0) {
            if (haveOrder) {
                series.add(Series.line("σ²n / Σ_{i>k*} λ_i (order)", Role.THEORY, ns, order, PALETTE[1], Stroke.DASHED));
            }
            series.add(Series.line("σ²n / tr Σ (lower bound)", Role.REFERENCE, ns, crude, PALETTE[2], Stroke.DOTTED));
        }
        return new Figure(id, "Min-norm: ‖θ̂‖² vs n (" + s.get(Columns.SPECTRUM.name()) + ", p = "
                + s.get(Columns.P_RULE.name()) + ")", "‖θ̂‖² of the min-norm interpolator against n with the order"
                + " σ²n/Σ_{i>k*}λ_i of docs/theory.md §3 (k* with b = 1) and the cruder bound σ²n/tr Σ. "
                + RunData.label(s), N_AXIS, new Axis("‖θ̂‖₂² (squared Euclidean norm), log scale", true), series);
    }

    /**
     * Double-descent view: when settings differ only in p (several p at one n), risks against
     * γ = p/n, one curve per λ (up to 3) for the standard risk and the first α > 0.
     */
    static List<Figure> riskVsGamma(RunData data) {
        Map<String, List<Group>> families = new LinkedHashMap<>();
        for (Group g : data.groups()) {
            Map<String, Object> k = new LinkedHashMap<>();
            for (String c : RunData.SETTING) {
                if (!c.equals(Columns.P_RULE.name())) {
                    k.put(c, g.key().get(c));
                }
            }
            k.put(Columns.N.name(), g.number(Columns.N));
            families.computeIfAbsent(k.toString(), x -> new ArrayList<>()).add(g);
        }
        List<Figure> out = new ArrayList<>();
        int idx = 0;
        for (List<Group> gs : families.values()) {
            double[] ps = RunData.distinct(gs, Columns.P);
            if (ps.length < 3) {
                continue;
            }
            idx++;
            Group first = gs.get(0);
            double n = first.number(Columns.N);
            double alpha = 0;
            for (double a : RunData.distinct(gs, Columns.ALPHA)) {
                if (a > 0) {
                    alpha = a;
                    break;
                }
            }
            double[] lambdas = RunData.distinct(gs, Columns.LAMBDA);
            double[] gamma = new double[ps.length];
            for (int i = 0; i < ps.length; i++) {
                gamma[i] = ps[i] / n;
            }
            List<Series> series = new ArrayList<>();
            for (int li = 0; li < Math.min(3, lambdas.length); li++) {
                double l = lambdas[li];
                double[] r = new double[ps.length];
                double[] ra = new double[ps.length];
                for (int i = 0; i < ps.length; i++) {
                    r[i] = mean(gs, ps[i], l, Double.NaN, Columns.STD_RISK);
                    ra[i] = mean(gs, ps[i], l, alpha, Columns.ADV_RISK);
                }
                String col = PALETTE[li % PALETTE.length];
                series.add(Series.line("R, λ = " + RunData.fmt(l), Role.DATA, gamma, r, col, Stroke.SOLID));
                if (alpha > 0) {
                    series.add(Series.line("R_α, α = " + RunData.fmt(alpha) + ", λ = " + RunData.fmt(l), Role.DATA,
                            gamma, ra, col, Stroke.DASHED));
                }
            }
            String id = "risk-vs-gamma" + (families.size() == 1 ? "" : "-" + idx);
            out.add(new Figure(id, "Risks vs p/n at n = " + (int) n + " (" + first.text(Columns.SPECTRUM) + ")",
                    "Risks against γ = p/n at fixed n = " + (int) n + " (double descent: the min-norm risk peaks near"
                            + " γ = 1), standard risk R (solid) and R_α (dashed) per λ. " + first.text(Columns.SPECTRUM)
                            + ", θ* " + first.text(Columns.THETA) + ".",
                    new Axis("γ = p/n (features per sample), log scale", true), RISK, series));
        }
        return out;
    }

    /** Mean of a column in the first group at (p, λ[, α]); NaN α matches any budget. */
    private static double mean(List<Group> gs, double p, double lambda, double alpha, Column column) {
        return gs.stream().filter(g -> g.number(Columns.P) == p && g.number(Columns.LAMBDA) == lambda
                && (Double.isNaN(alpha) || g.number(Columns.ALPHA) == alpha)).findFirst().map(g -> g.mean(column))
                .orElse(Double.NaN);
    }

    /** Means over trials of a column at each n (one α) with ±1 standard error bars kept inside a log axis. */
    static Series points(String name, double[] ns, List<Group> gs, double alpha, Column column, String color,
                         Marker marker) {
        double[] y = new double[ns.length];
        double[] e = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            y[i] = Double.NaN;
            for (Group g : gs) {
                if (g.number(Columns.N) == ns[i] && g.number(Columns.ALPHA) == alpha) {
                    Stats st = g.stats(column);
                    if (st != null) {
                        y[i] = st.mean();
                        double se = Double.isNaN(st.se()) ? 0 : st.se();
                        e[i] = Math.min(se, 0.9 * Math.abs(y[i])); // keep bars inside a log axis
                    }
                    break;
                }
            }
        }
        return Series.points(name, ns, y, e, color, marker);
    }

    /** ", p = " (", d = " for the NTK family, where p is the input dimension). */
    static String dim(RunData data) {
        return data.spec().family() == Family.NTK ? ", d = " : ", p = ";
    }

    /** Where λ = 0 is drawn on a log axis: a factor 10 below the smallest positive λ. */
    public static double zeroPosition(double[] lambdas) {
        double min = Double.POSITIVE_INFINITY;
        for (double l : lambdas) {
            if (l > 0) {
                min = Math.min(min, l);
            }
        }
        return Double.isFinite(min) ? min / 10 : 1e-8;
    }
}
