package org.advrisk.report;

import org.advrisk.columns.Columns;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.experiment.Aggregation.Stats;
import org.advrisk.experiment.SizeRule;
import org.advrisk.linear.GroundTruthSpec;
import org.advrisk.linear.SpectrumSpec;
import org.advrisk.theory.EffectiveRanks;
import org.advrisk.theory.RankSummary;
import org.advrisk.theory.TheorySpectrum;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots (XChart; PNG and SVG each): risks vs n, ‖θ̂‖² vs n, risks vs λ and the
 * trade-off frontier. Simulations are points with ±1 standard error bars (mean over trials), the
 * deterministic equivalents (DE) lines, the ground truth's adversarial risk a dashed reference.
 */
public final class Plots {
    /** Units and conventions shown on every risk axis. */
    public static final String RISK_AXIS = "excess risk (squared error vs the clean response ⟨x,θ*⟩)";

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);
    private static final BasicStroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 5f}, 0f);
    private static final BasicStroke SOLID = new BasicStroke(2.2f);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /**
     * One written plot.
     *
     * @param id      file stem and HTML id
     * @param title   the chart title
     * @param caption what it shows, for the report
     * @param png     the PNG file
     * @param svg     the SVG file
     */
    public record Plot(String id, String title, String caption, Path png, Path svg) {
    }

    /** Writes every plot the run's data supports into {@code dir}; returns them in report order. */
    public static List<Plot> render(RunData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Plot> out = new ArrayList<>();
        List<Map<String, Object>> settings = data.settings();
        // ‖θ̂‖² (and E‖∇f̂‖²) do not depend on the attack or target: one norm plot per remaining setting.
        java.util.Set<String> normPlotted = new java.util.HashSet<>();
        for (int si = 0; si < settings.size(); si++) {
            Map<String, Object> s = settings.get(si);
            String suffix = settings.size() == 1 ? "" : "-" + (si + 1);
            boolean ntk = data.spec().family() == org.advrisk.experiment.Family.NTK;
            List<Group> minNorm = data.groups(s, g -> g.number(Columns.LAMBDA) == 0 && Verdicts.infiniteWidth(g));
            Map<String, Object> normKey = new java.util.LinkedHashMap<>(s);
            normKey.remove(Columns.ATTACK.name());
            normKey.remove(Columns.TARGET.name());
            boolean firstNorm = normPlotted.add(normKey.toString());
            if (ntk && RunData.distinct(minNorm, Columns.N).length >= 2) {
                out.add(save(ntkRiskVsN(data, s, minNorm), dir, "risk-vs-n" + suffix,
                        "NTK (K1, first layer trained) kernel interpolator, λ = 0 (the limit of gradient descent at"
                                + " infinite width): risks against n, log-log. Standard risk R (circles) and PGD"
                                + " adversarial risk R_α per budget α (squares) on the test points; lines: the same risks"
                                + " of linear ridge regression at the implicit ridge λ_eff = tr Σ/n (the linearisation of"
                                + " docs/ntk.md §3); dashed: the ground truth's α²‖θ*‖². " + RunData.label(s)));
                if (firstNorm) out.add(save(ntkGradVsN(s, minNorm), dir, "grad-vs-n" + suffix,
                        "E‖∇ₓf̂‖² of the NTK interpolator (mean over test points of the squared input-gradient norm,"
                                + " the non-linear analogue of ‖θ̂‖² that the attack exploits) against n, with ‖θ̂_ridge‖²"
                                + " of linear ridge at λ_eff = tr Σ/n (line). " + RunData.label(s)));
            } else if (RunData.distinct(minNorm, Columns.N).length >= 2) {
                out.add(save(riskVsN(data, s, minNorm), dir, "risk-vs-n" + suffix,
                        "Min-norm (λ = 0) risks against n, log-log: standard risk R (circles), adversarial risk R_α per"
                                + " budget α (squares), the ground truth's α²‖θ*‖²_q (dashed)"
                                + (data.hasTheory() ? ", deterministic equivalents (lines)" : "") + ". " + RunData.label(s)));
                if (firstNorm) out.add(save(normVsN(data, s, minNorm), dir, "norm-vs-n" + suffix,
                        "‖θ̂‖² of the min-norm interpolator against n with the order σ²n/Σ_{i>k*}λ_i of docs/theory.md §3"
                                + " (k* with b = 1) and the cruder bound σ²n/tr Σ. " + RunData.label(s)));
            }
            List<Group> all = data.groups(s, Verdicts::infiniteWidth);
            if (RunData.distinct(all, Columns.LAMBDA).length >= 3) {
                for (double a : RunData.distinct(all, Columns.ALPHA)) {
                    if (a == 0) {
                        continue;
                    }
                    String as = "-a" + RunData.fmt(a).replace('.', '_');
                    out.add(save(riskVsLambda(data, s, a), dir, "risk-vs-lambda" + suffix + as,
                            (ntk ? "NTK (K1) kernel ridge c = (K + nλI)⁻¹y: R and PGD R_α" : "Ridge risks")
                                    + " against λ (log axis; λ = 0 drawn at the left edge as min-norm) for each n: R"
                                    + " (solid), R_α with α = " + RunData.fmt(a) + " (dashed)"
                                    + (data.hasTheory() ? ", deterministic equivalents (diamonds)" : "") + ". "
                                    + RunData.label(s)));
                    out.add(save(frontier(data, s, a), dir, "frontier" + suffix + as,
                            "Trade-off frontier: (R, R_α) along the λ grid for each n, α = " + RunData.fmt(a)
                                    + "; the ground truth has R = 0 and R_α = α²‖θ*‖²_q (dashed line). A point near"
                                    + " the lower-left corner would make both small. " + RunData.label(s)));
                }
            }
        }
        out.addAll(riskVsGamma(data, dir));
        return out;
    }

    /**
     * Double-descent view: when settings differ only in p (several p at one n), risks against
     * γ = p/n, one curve per λ (up to 3) for the standard risk and the first α > 0.
     */
    static List<Plot> riskVsGamma(RunData data, Path dir) throws IOException {
        Map<String, List<Group>> families = new java.util.LinkedHashMap<>();
        for (Group g : data.groups()) {
            Map<String, Object> k = new java.util.LinkedHashMap<>();
            for (String c : RunData.SETTING) {
                if (!c.equals(Columns.P_RULE.name())) {
                    k.put(c, g.key().get(c));
                }
            }
            k.put(Columns.N.name(), g.number(Columns.N));
            families.computeIfAbsent(k.toString(), x -> new ArrayList<>()).add(g);
        }
        List<Plot> out = new ArrayList<>();
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
            XYChart c = chart("Risks vs p/n at n = " + (int) n + " (" + first.text(Columns.SPECTRUM) + ")",
                    "γ = p/n (features per sample), log scale", RISK_AXIS + ", log scale", true, true);
            double[] gamma = new double[ps.length];
            for (int i = 0; i < ps.length; i++) {
                gamma[i] = ps[i] / n;
            }
            for (int li = 0; li < Math.min(3, lambdas.length); li++) {
                double l = lambdas[li];
                double[] r = new double[ps.length];
                double[] ra = new double[ps.length];
                for (int i = 0; i < ps.length; i++) {
                    double pv = ps[i];
                    double a = alpha;
                    r[i] = gs.stream().filter(g -> g.number(Columns.P) == pv && g.number(Columns.LAMBDA) == l).findFirst()
                            .map(g -> g.mean(Columns.STD_RISK)).orElse(Double.NaN);
                    ra[i] = gs.stream().filter(g -> g.number(Columns.P) == pv && g.number(Columns.LAMBDA) == l
                            && g.number(Columns.ALPHA) == a).findFirst().map(g -> g.mean(Columns.ADV_RISK)).orElse(Double.NaN);
                }
                Color col = PALETTE[li % PALETTE.length];
                line(c, "R, λ = " + RunData.fmt(l), gamma, r, col, SOLID);
                if (alpha > 0) {
                    line(c, "R_α, α = " + RunData.fmt(alpha) + ", λ = " + RunData.fmt(l), gamma, ra, col, DASHED);
                }
            }
            String id = "risk-vs-gamma" + (families.size() == 1 ? "" : "-" + idx);
            out.add(save(c, dir, id, "Risks against γ = p/n at fixed n = " + (int) n + " (double descent: the"
                    + " min-norm risk peaks near γ = 1), standard risk R (solid) and R_α (dashed) per λ. "
                    + first.text(Columns.SPECTRUM) + ", θ* " + first.text(Columns.THETA) + "."));
        }
        return out;
    }

    static XYChart chart(String title, String x, String y, boolean logX, boolean logY) {
        XYChart c = new XYChartBuilder().width(1100).height(600).title(title).xAxisTitle(x).yAxisTitle(y).build();
        Styler st = c.getStyler();
        c.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendLayout(Styler.LegendLayout.Vertical);
        c.getStyler().setXAxisLogarithmicDecadeOnly(false);
        c.getStyler().setYAxisLogarithmicDecadeOnly(false);
        if (logX) {
            c.getStyler().setXAxisTickLabelsFormattingFunction(v -> logTick(v, decades(c, true)));
        }
        if (logY) {
            c.getStyler().setYAxisTickLabelsFormattingFunction(v -> logTick(v, decades(c, false)));
        }
        st.setChartTitleBoxVisible(false);
        st.setPlotBorderVisible(true);
        st.setChartPadding(12);
        return c;
    }

    static XYChart riskVsN(RunData data, Map<String, Object> s, List<Group> gs) {
        XYChart c = chart("Min-norm: risks vs n (" + s.get(Columns.SPECTRUM.name()) + ", p = " + s.get(Columns.P_RULE.name()) + ")",
                "n (training samples), log scale", RISK_AXIS + ", log scale", true, true);
        double[] ns = RunData.distinct(gs, Columns.N);
        double[] alphas = RunData.distinct(gs, Columns.ALPHA);
        points(c, "R (simulated)", ns, gs, alphas[0], Columns.STD_RISK, PALETTE[0], SeriesMarkers.CIRCLE);
        if (data.hasTheory()) {
            line(c, "R (DE)", ns, Verdicts.series(gs, ns, alphas[0], Columns.DE_STD_RISK), PALETTE[0], SOLID);
            TheoryLines.draw(c, data, s, ns, alphas, PALETTE, DOTTED);
        }
        int k = 1;
        for (double a : alphas) {
            if (a == 0) {
                continue;
            }
            Color col = PALETTE[k++ % PALETTE.length];
            points(c, "R_α, α = " + RunData.fmt(a), ns, gs, a, Columns.ADV_RISK, col, SeriesMarkers.SQUARE);
            if (data.hasTheory()) {
                line(c, "R_α (DE), α = " + RunData.fmt(a), ns, Verdicts.series(gs, ns, a, Columns.DE_ADV_RISK), col, SOLID);
            }
            line(c, "α²‖θ*‖² (ground truth), α = " + RunData.fmt(a), ns, Verdicts.series(gs, ns, a, Columns.GT_ADV_RISK), col,
                    DASHED);
        }
        return c;
    }

    /** ", p = " (", d = " for the NTK family, where p is the input dimension). */
    static String dim(RunData data) {
        return data.spec().family() == org.advrisk.experiment.Family.NTK ? ", d = " : ", p = ";
    }

    static XYChart ntkRiskVsN(RunData data, Map<String, Object> s, List<Group> gs) {
        XYChart c = chart("NTK interpolator: risks vs n (" + s.get(Columns.SPECTRUM.name()) + ", d = " + s.get(Columns.P_RULE.name())
                + ")", "n (training samples), log scale", RISK_AXIS + ", log scale", true, true);
        double[] ns = RunData.distinct(gs, Columns.N);
        double[] alphas = RunData.distinct(gs, Columns.ALPHA);
        points(c, "R (NTK)", ns, gs, alphas[0], Columns.STD_RISK, PALETTE[0], SeriesMarkers.CIRCLE);
        line(c, "R (linear ridge at λ_eff)", ns, Verdicts.series(gs, ns, alphas[0], Columns.LIN_STD_RISK), PALETTE[0], SOLID);
        TheoryLines.draw(c, data, s, ns, alphas, PALETTE, DOTTED);
        int k = 1;
        for (double a : alphas) {
            if (a == 0) {
                continue;
            }
            Color col = PALETTE[k++ % PALETTE.length];
            points(c, "R_α PGD (NTK), α = " + RunData.fmt(a), ns, gs, a, Columns.ADV_RISK, col, SeriesMarkers.SQUARE);
            line(c, "R_α (linear ridge at λ_eff), α = " + RunData.fmt(a), ns, Verdicts.series(gs, ns, a, Columns.LIN_ADV_RISK),
                    col, SOLID);
            line(c, "α²‖θ*‖² (ground truth), α = " + RunData.fmt(a), ns, Verdicts.series(gs, ns, a, Columns.GT_ADV_RISK), col,
                    DASHED);
        }
        return c;
    }

    static XYChart ntkGradVsN(Map<String, Object> s, List<Group> gs) {
        XYChart c = chart("NTK interpolator: E‖∇ₓf̂‖² vs n (" + s.get(Columns.SPECTRUM.name()) + ", d = " + s.get(Columns.P_RULE.name())
                + ")", "n (training samples), log scale", "E‖∇ₓf̂(x)‖₂² over test points, log scale", true, true);
        double[] ns = RunData.distinct(gs, Columns.N);
        double a0 = RunData.distinct(gs, Columns.ALPHA)[0];
        points(c, "E‖∇ₓf̂‖² (NTK)", ns, gs, a0, Columns.NORM_L2_SQ, PALETTE[0], SeriesMarkers.CIRCLE);
        double[] lin = Verdicts.series(gs, ns, a0, Columns.LIN_NORM_L2);
        for (int i = 0; i < lin.length; i++) {
            lin[i] *= lin[i];
        }
        line(c, "‖θ̂_ridge‖² (linear ridge at λ_eff)", ns, lin, PALETTE[1], DASHED);
        return c;
    }

    static XYChart normVsN(RunData data, Map<String, Object> s, List<Group> gs) {
        XYChart c = chart("Min-norm: ‖θ̂‖² vs n (" + s.get(Columns.SPECTRUM.name()) + ", p = " + s.get(Columns.P_RULE.name()) + ")",
                "n (training samples), log scale", "‖θ̂‖₂² (squared Euclidean norm), log scale", true, true);
        double[] ns = RunData.distinct(gs, Columns.N);
        double a0 = RunData.distinct(gs, Columns.ALPHA)[0];
        points(c, "‖θ̂‖² (simulated)", ns, gs, a0, Columns.NORM_L2_SQ, PALETTE[0], SeriesMarkers.CIRCLE);
        if (data.hasTheory()) {
            line(c, "‖θ̂‖² (DE)", ns, Verdicts.series(gs, ns, a0, Columns.DE_NORM_L2_SQ), PALETTE[0], SOLID);
        }
        double sigma = ((Number) s.get(Columns.SIGMA.name())).doubleValue();
        double[] ps = Verdicts.keySeries(gs, ns, a0, Columns.P);
        double[] order = new double[ns.length];
        double[] crude = new double[ns.length];
        String template = String.valueOf(s.get(Columns.SPECTRUM.name()));
        boolean haveOrder = true;
        String thetaTemplate = String.valueOf(s.get(Columns.THETA.name()));
        for (int i = 0; i < ns.length; i++) {
            int n = (int) ns[i];
            long p = (long) ps[i];
            TheorySpectrum ts = TheorySpectrum.of(SpectrumSpec.parse(SizeRule.substitute(template, n)).withSize(p),
                    GroundTruthSpec.parse(SizeRule.substitute(thetaTemplate, n)).withSize(p, data.spec().seed()),
                    TheorySpectrum.DEFAULT_TRUNCATION);
            RankSummary rs = new EffectiveRanks(ts).summary(n, 1.0, sigma);
            order[i] = rs.normBoundTail();
            crude[i] = rs.normBoundTrace();
            haveOrder &= Double.isFinite(order[i]);
        }
        if (sigma > 0) {
            if (haveOrder) {
                line(c, "σ²n / Σ_{i>k*} λ_i (order)", ns, order, PALETTE[1], DASHED);
            }
            line(c, "σ²n / tr Σ (lower bound)", ns, crude, PALETTE[2], DOTTED);
        }
        return c;
    }

    static XYChart riskVsLambda(RunData data, Map<String, Object> s, double alpha) {
        XYChart c = chart((data.spec().family() == org.advrisk.experiment.Family.NTK ? "NTK kernel ridge" : "Ridge")
                + ": risks vs λ, α = " + RunData.fmt(alpha) + " (" + s.get(Columns.SPECTRUM.name()) + dim(data)
                + s.get(Columns.P_RULE.name()) + ")", data.spec().family() == org.advrisk.experiment.Family.NTK
                ? "λ (kernel ridge, c = (K + nλI)⁻¹y), log scale" : "λ (ridge; scikit-learn alpha = nλ), log scale",
                RISK_AXIS + ", log scale",
                true, true);
        List<Group> gs = data.groups(s, g -> g.number(Columns.ALPHA) == alpha && Verdicts.infiniteWidth(g));
        double[] ns = RunData.distinct(gs, Columns.N);
        double[] lambdas = RunData.distinct(gs, Columns.LAMBDA);
        double zeroAt = zeroPosition(lambdas);
        for (int i = 0; i < ns.length; i++) {
            double n = ns[i];
            List<Group> atN = gs.stream().filter(g -> g.number(Columns.N) == n).toList();
            double[] x = new double[lambdas.length];
            double[] r = new double[lambdas.length];
            double[] ra = new double[lambdas.length];
            for (int j = 0; j < lambdas.length; j++) {
                x[j] = lambdas[j] == 0 ? zeroAt : lambdas[j];
                double l = lambdas[j];
                Group g = atN.stream().filter(h -> h.number(Columns.LAMBDA) == l).findFirst().orElse(null);
                r[j] = g == null ? Double.NaN : g.mean(Columns.STD_RISK);
                ra[j] = g == null ? Double.NaN : g.mean(Columns.ADV_RISK);
            }
            Color col = PALETTE[i % PALETTE.length];
            line(c, "R, n = " + (int) n, x, r, col, SOLID);
            line(c, "R_α, n = " + (int) n, x, ra, col, DASHED);
            if (data.hasTheory()) {
                double[] dr = new double[lambdas.length];
                double[] dra = new double[lambdas.length];
                for (int j = 0; j < lambdas.length; j++) {
                    double l = lambdas[j];
                    Group g = atN.stream().filter(h -> h.number(Columns.LAMBDA) == l).findFirst().orElse(null);
                    dr[j] = g == null ? Double.NaN : g.mean(Columns.DE_STD_RISK);
                    dra[j] = g == null ? Double.NaN : g.mean(Columns.DE_ADV_RISK);
                }
                XYSeries sr = c.addSeries("R (DE), n = " + (int) n, x, dr);
                XYSeries sa = c.addSeries("R_α (DE), n = " + (int) n, x, dra);
                for (XYSeries d : new XYSeries[] {sr, sa}) {
                    d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    d.setMarker(SeriesMarkers.DIAMOND);
                    d.setMarkerColor(col);
                }
            }
        }
        return c;
    }

    static XYChart frontier(RunData data, Map<String, Object> s, double alpha) {
        XYChart c = chart("Trade-off frontier along λ, α = " + RunData.fmt(alpha) + " (" + s.get(Columns.SPECTRUM.name()) + dim(data)
                + s.get(Columns.P_RULE.name()) + ")", "standard risk R, log scale", "adversarial risk R_α, log scale", true, true);
        List<Group> gs = data.groups(s, g -> g.number(Columns.ALPHA) == alpha && Verdicts.infiniteWidth(g));
        double[] ns = RunData.distinct(gs, Columns.N);
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = 0;
        double gt = Double.NaN;
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
            XYSeries ser = c.addSeries("n = " + (int) n + " (λ from 0 to " + RunData.fmt(atN.get(atN.size() - 1)
                    .number(Columns.LAMBDA)) + ")", x, y);
            ser.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            ser.setLineColor(PALETTE[i % PALETTE.length]);
            ser.setMarkerColor(PALETTE[i % PALETTE.length]);
            ser.setMarker(SeriesMarkers.CIRCLE);
            ser.setLineStyle(SOLID);
        }
        if (gt > 0 && xmax > 0) {
            line(c, "ground truth: R = 0, R_α = α²‖θ*‖²", new double[] {xmin, xmax}, new double[] {gt, gt},
                    Color.BLACK, DASHED);
        }
        return c;
    }

    /** Log-axis tick labels only at 1, 2 and 5 times a power of ten (the others stay as grid lines). */
    static String logTick(Double v, double decades) {
        if (v == null || !(v > 0)) {
            return "";
        }
        double e = Math.floor(Math.log10(v) + 1e-9);
        long lead = Math.round(v / Math.pow(10, e));
        if (lead != 1 && (decades > 2.5 || (lead != 2 && lead != 5))) {
            return "";
        }
        double r = lead * Math.pow(10, e);
        if (r >= 1e-3 && r < 1e5) {
            return new java.math.BigDecimal(r).round(new java.math.MathContext(1)).stripTrailingZeros().toPlainString();
        }
        return lead + "e" + (long) e;
    }

    /** Decades spanned by the positive data on one axis of the chart. */
    static double decades(XYChart c, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (XYSeries s : c.getSeriesCollection()) {
            for (double v : x ? s.getXData() : s.getYData()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > lo ? Math.log10(hi / lo) : 0;
    }

    /** Where λ = 0 is drawn on a log axis: a factor 10 below the smallest positive λ. */
    static double zeroPosition(double[] lambdas) {
        double min = Double.POSITIVE_INFINITY;
        for (double l : lambdas) {
            if (l > 0) {
                min = Math.min(min, l);
            }
        }
        return Double.isFinite(min) ? min / 10 : 1e-8;
    }

    private static void points(XYChart c, String name, double[] ns, List<Group> gs, double alpha, org.advrisk.columns.Column col,
                               Color color, org.knowm.xchart.style.markers.Marker marker) {
        double[] y = new double[ns.length];
        double[] e = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            y[i] = Double.NaN;
            for (Group g : gs) {
                if (g.number(Columns.N) == ns[i] && g.number(Columns.ALPHA) == alpha) {
                    Stats st = g.stats(col);
                    if (st != null) {
                        y[i] = st.mean();
                        double se = Double.isNaN(st.se()) ? 0 : st.se();
                        e[i] = Math.min(se, 0.9 * Math.abs(y[i])); // keep bars inside a log axis
                    }
                    break;
                }
            }
        }
        XYSeries s = c.addSeries(name, ns, y, e);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
        s.setLineColor(color);
    }

    static void line(XYChart c, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        if (c.getStyler().isYAxisLogarithmic() && java.util.Arrays.stream(y).anyMatch(v -> !(v > 0))) {
            return; // a reference line at 0 (e.g. the ground truth under the consistent target) has no log-axis place
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
    }

    /**
     * VectorGraphics2D names clip paths with random numbers; rename them after the plot so files are
     * reproducible and ids stay unique when several plots share one page.
     */
    static String stableIds(String svg, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("clip(\\d+)").matcher(svg);
        java.util.Map<String, String> names = new java.util.HashMap<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.computeIfAbsent(m.group(1), k -> "clip-" + id + "-" + names.size());
            m.appendReplacement(out, name);
        }
        m.appendTail(out);
        return out.toString();
    }

    static Plot save(XYChart chart, Path dir, String id, String caption) throws IOException {
        Path png = dir.resolve(id + ".png");
        Path svg = dir.resolve(id + ".svg");
        try (OutputStream o = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG);
        }
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, buf, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        Files.writeString(svg, stableIds(buf.toString(java.nio.charset.StandardCharsets.UTF_8), id));
        return new Plot(id, chart.getTitle(), caption, png, svg);
    }
}
