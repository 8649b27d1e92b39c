package org.advrisk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The XChart renderer of {@link Figure}s (PNG and SVG each): it only draws what the figure data says
 * (axes, series, styles); what to show is decided and computed in {@link Figures}. {@link #chart} and
 * {@link #save} also serve the audit's plots.
 */
public final class Plots {
    /** Units and conventions shown on every risk axis. */
    public static final String RISK_AXIS = Figures.RISK_AXIS;

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

    /** Writes every figure the run's data supports ({@link Figures#of}) into {@code dir}, in report order. */
    public static List<Plot> render(RunData data, Path dir) throws IOException {
        return render(Figures.of(data), dir);
    }

    /** Writes the figures into {@code dir}, in order. */
    static List<Plot> render(List<Figure> figures, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Plot> out = new ArrayList<>();
        for (Figure f : figures) {
            out.add(save(draw(f), dir, f.id(), f.caption()));
        }
        return out;
    }

    /**
     * A small PNG of the figure for the report's first screen ({@code ID.thumb.png}, 640×380 with fonts that
     * stay legible at a card's width); the plot with that PNG and the full-size SVG.
     */
    static Plot thumbnail(Figure f, Plot full) throws IOException {
        XYChart c = draw(f);
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setChartTitleVisible(false);
        c.getStyler().setChartPadding(6);
        Path png = full.png().resolveSibling(f.id() + ".thumb.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(640, 380,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            c.paint(g, 640, 380);
        } finally {
            g.dispose();
        }
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        return new Plot(full.id(), full.title(), full.caption(), png, full.svg());
    }

    /** The chart of one figure. */
    static XYChart draw(Figure f) {
        XYChart c = chart(f.title(), f.x().title(), f.y().title(), f.x().log(), f.y().log());
        for (Figure.Series s : f.series()) {
            add(c, s);
        }
        return c;
    }

    /** Adds one series to a chart (also for charts drawn directly, e.g. {@link AdvTrainPlots}). */
    static void add(XYChart c, Figure.Series s) {
        Color color = new Color(Integer.parseInt(s.color().substring(1), 16));
        XYSeries x;
        switch (s.style()) {
            case POINTS -> {
                x = c.addSeries(s.name(), s.x(), s.y(), s.errors());
                x.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                x.setMarker(marker(s.marker()));
                x.setMarkerColor(color);
                x.setLineColor(color);
            }
            case MARKERS -> {
                x = c.addSeries(s.name(), s.x(), s.y());
                x.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                x.setMarker(marker(s.marker()));
                x.setMarkerColor(color);
            }
            case LINE -> {
                if (c.getStyler().isYAxisLogarithmic() && java.util.Arrays.stream(s.y()).anyMatch(v -> !(v > 0))) {
                    return; // a reference line at 0 (e.g. the ground truth under the consistent target) has no log-axis place
                }
                x = c.addSeries(s.name(), s.x(), s.y());
                x.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                x.setMarker(SeriesMarkers.NONE);
                x.setLineColor(color);
                x.setLineStyle(stroke(s.stroke()));
            }
            case LINE_MARKERS -> {
                x = c.addSeries(s.name(), s.x(), s.y());
                x.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                x.setLineColor(color);
                x.setMarkerColor(color);
                x.setMarker(marker(s.marker()));
                x.setLineStyle(stroke(s.stroke()));
            }
            default -> throw new IllegalStateException("style " + s.style());
        }
    }

    private static Marker marker(Figure.Marker m) {
        return switch (m) {
            case NONE -> SeriesMarkers.NONE;
            case CIRCLE -> SeriesMarkers.CIRCLE;
            case SQUARE -> SeriesMarkers.SQUARE;
            case DIAMOND -> SeriesMarkers.DIAMOND;
        };
    }

    private static BasicStroke stroke(Figure.Stroke s) {
        return switch (s) {
            case SOLID -> SOLID;
            case DASHED -> DASHED;
            case DOTTED -> DOTTED;
        };
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

    /** Where λ = 0 is drawn on a log axis ({@link Figures#zeroPosition}). */
    static double zeroPosition(double[] lambdas) {
        return Figures.zeroPosition(lambdas);
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
