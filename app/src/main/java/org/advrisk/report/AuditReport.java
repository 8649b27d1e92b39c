package org.advrisk.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.advrisk.audit.AuditResult;
import org.advrisk.audit.AuditRow;
import org.advrisk.audit.AuditSummary;
import org.advrisk.io.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Plots and the HTML page of {@code advrisk audit --out DIR}: test and adversarial MSE against λ
 * (one chart per attack, a line per α), the (test, adversarial) frontier, adversarial MSE against α
 * at λ_std and λ_adv, and the coefficient profile at both λ. Values are means over the splits.
 */
public final class AuditReport {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private AuditReport() {
    }

    /** Writes plots/*.png|svg and report.html into dir. */
    public static void write(Path dir, AuditResult r, String label, List<Map<String, Object>> summaryRows) throws IOException {
        Path plots = dir.resolve("plots");
        Files.createDirectories(plots);
        List<Plots.Plot> out = new ArrayList<>();
        double[] lambdas = r.lambdas();
        boolean path = lambdas.length > 1;
        Set<String> attacks = new LinkedHashSet<>();
        Set<Double> alphas = new LinkedHashSet<>();
        for (AuditRow row : r.rows()) {
            attacks.add(row.attack());
            alphas.add(row.alpha());
        }
        double zero = Plots.zeroPosition(lambdas);
        double[] x = Arrays.stream(lambdas).map(l -> l == 0 ? zero : l).toArray();
        if (path) {
            for (String att : attacks) {
                XYChart c = Plots.chart("test and adversarial MSE vs λ, " + att + " attack", "λ (λ = 0 drawn at " + fmt(zero) + ")",
                        "mean squared error on the test rows", true, true);
                line(c, "test MSE", x, mean(r, lambdas, att, alphas.iterator().next(), false), Color.BLACK, true);
                int k = 0;
                for (double a : alphas) {
                    line(c, "adversarial, α = " + fmt(a), x, mean(r, lambdas, att, a, true), PALETTE[k++ % PALETTE.length], false);
                }
                out.add(Plots.save(c, plots, "risk-vs-lambda-" + att,
                        "Certified adversarial test MSE (|f(x) − y| + α‖Dθ̂‖_q)² and test MSE over the ridge path, " + att + " attack."));
            }
            String att = attacks.iterator().next();
            XYChart f = Plots.chart("frontier: test vs adversarial MSE over λ, " + att, "test MSE", "adversarial test MSE", false, false);
            int k = 0;
            for (double a : alphas) {
                XYSeries s = f.addSeries("α = " + fmt(a), mean(r, lambdas, att, alphas.iterator().next(), false), mean(r, lambdas, att, a, true));
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setLineColor(PALETTE[k % PALETTE.length]);
                s.setMarkerColor(PALETTE[k++ % PALETTE.length]);
            }
            out.add(Plots.save(f, plots, "frontier", "Each point is one λ; the lower-left envelope is the Pareto frontier."));
        }
        if (alphas.size() > 1) {
            double[] as = alphas.stream().mapToDouble(Double::doubleValue).toArray();
            XYChart c = Plots.chart("adversarial MSE vs α", "α", "adversarial test MSE", false, true);
            int k = 0;
            for (String att : attacks) {
                double[] atStd = new double[as.length];
                double[] atAdv = new double[as.length];
                for (int i = 0; i < as.length; i++) {
                    for (AuditSummary s : r.summaries()) {
                        if (s.attack().equals(att) && s.alpha() == as[i]) {
                            atStd[i] = s.advAtStd();
                            atAdv[i] = s.advAtAdv();
                        }
                    }
                }
                line(c, att + " at λ_std", as, atStd, PALETTE[k % PALETTE.length], true);
                line(c, att + " at λ_adv(α)", as, atAdv, PALETTE[k++ % PALETTE.length], false);
            }
            out.add(Plots.save(c, plots, "adv-vs-alpha", "At λ_std (best test MSE) and at each α's own λ_adv."));
        }
        AuditSummary s0 = r.summaries().get(0);
        int p = r.featureNames().size();
        double[] idx = new double[p];
        for (int j = 0; j < p; j++) {
            idx[j] = j + 1;
        }
        XYChart c = Plots.chart("coefficient profile (attack units)", "feature index (column order)", "θ̂_j", false, false);
        int iStd = Arrays.binarySearch(lambdas, s0.lambdaStd());
        int iAdv = Arrays.binarySearch(lambdas, s0.lambdaAdv());
        if (iStd >= 0) {
            line(c, "λ_std = " + fmt(s0.lambdaStd()), idx, Arrays.copyOfRange(r.meanTheta(), iStd * p, (iStd + 1) * p), PALETTE[0], true);
        }
        if (iAdv >= 0 && iAdv != iStd) {
            line(c, "λ_adv = " + fmt(s0.lambdaAdv()) + " (" + s0.attack() + ", α = " + fmt(s0.alpha()) + ")", idx,
                    Arrays.copyOfRange(r.meanTheta(), iAdv * p, (iAdv + 1) * p), PALETTE[1], true);
        }
        if (!c.getSeriesCollection().isEmpty()) {
            out.add(Plots.save(c, plots, "coefficients", "Mean over splits of the coefficients θ̂ in the units the attack lives in."));
        }
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>advrisk audit</title><style>")
                .append(Html.CSS).append("</style></head><body>");
        h.append("<h1>advrisk audit</h1><p class=\"note\">data: ").append(Html.esc(label)).append("</p>");
        for (String n : r.notes()) {
            h.append("<p class=\"note\">").append(Html.esc(n)).append("</p>");
        }
        h.append("<h2>The answer</h2>");
        for (String a : AuditAnswer.of(summaryRows)) {
            h.append("<p class=\"sentence\">").append(Html.esc(a)).append("</p>");
        }
        h.append("<div class=\"headlines\">");
        for (int i = 0; i < out.size() && i < 3; i++) {
            h.append("<section class=\"card\">").append(FirstScreen.figure(out.get(i), dir, "thumb", false))
                    .append("</section>");
        }
        h.append("</div>");
        h.append("<details><summary>Summary per (attack, α)</summary>").append(table(summaryRows)).append("</details>");
        h.append("<p class=\"rule\">A = adversarial MSE at λ_std / its minimum over λ; S = test MSE at λ_adv / its minimum. "
                + "The adversarial MSE of a linear model is exact (certified): the mean of (|f(x) − y| + α‖Dθ̂‖_q)².</p>");
        h.append("<h2>Plots</h2>");
        for (Plots.Plot pl : out) {
            h.append(FirstScreen.figure(pl, dir, "plot", true));
        }
        h.append("<p class=\"note\">All rows: results.csv.</p></body></html>\n");
        AtomicFiles.write(dir.resolve("report.html"), h.toString());
    }

    private static String table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<table><tr>");
        for (String k : rows.get(0).keySet()) {
            b.append("<th>").append(Html.esc(k)).append("</th>");
        }
        b.append("</tr>");
        for (Map<String, Object> r : rows) {
            b.append("<tr>");
            for (Object v : r.values()) {
                String cell = v instanceof Double d ? fmt(d) : String.valueOf(v);
                b.append(v instanceof Number ? "<td class=\"num\">" : "<td>").append(Html.esc(cell)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    private static double[] mean(AuditResult r, double[] lambdas, String att, double alpha, boolean adv) {
        double[] s = new double[lambdas.length];
        int[] c = new int[lambdas.length];
        for (AuditRow row : r.rows()) {
            if (row.attack().equals(att) && row.alpha() == alpha) {
                int l = Arrays.binarySearch(lambdas, row.lambda());
                if (l >= 0) {
                    s[l] += adv ? row.advTestMse() : row.testMse();
                    c[l]++;
                }
            }
        }
        for (int l = 0; l < s.length; l++) {
            s[l] /= Math.max(1, c[l]);
        }
        return s;
    }

    private static void line(XYChart c, String name, double[] x, double[] y, Color color, boolean dashed) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        s.setLineColor(color);
        if (dashed) {
            s.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 6f}, 0f));
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
