package org.advrisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.stats.TrialCells;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figure of {@link RegimesPart}: mean R (solid) and R_α (dashed) against n, one colour per (activation, regime). */
final class RegimesPlots {
    private static final java.awt.Color[] COLORS = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xd62728),
        new java.awt.Color(0x2ca02c), new java.awt.Color(0x9467bd)};

    private RegimesPlots() {
    }

    /** One plot per regime (kernel, lazy, rich), the activations as colours. */
    static List<Plots.Plot> render(Path partDir) throws IOException {
        Path dir = partDir.resolve("plots");
        Files.createDirectories(dir);
        Map<String, List<Map<String, Object>>> cells = RegimesPart.cells(RegimesPart.rows(partDir));
        List<Plots.Plot> out = new ArrayList<>();
        for (String regime : new String[] {"kernel", "lazy", "rich"}) {
            XYChart c = Plots.chart("R (solid) and R_α (dashed) against n, " + regime, "n, log scale",
                    "excess risk, log scale", true, true);
            int k = 0;
            for (Map.Entry<String, List<Map<String, Object>>> e : cells.entrySet()) {
                if (!e.getKey().endsWith("/" + regime)) {
                    continue;
                }
                String act = e.getKey().substring(0, e.getKey().indexOf('/'));
                TrialCells tc = RegimesPart.trialCells(e.getValue());
                double[][] m = tc.means();
                double[] r = new double[m.length];
                double[] ra = new double[m.length];
                for (int j = 0; j < m.length; j++) {
                    r[j] = m[j][0];
                    ra[j] = m[j][1];
                }
                java.awt.Color col = COLORS[k++ % COLORS.length];
                XYSeries s1 = c.addSeries(act + " R", tc.ns(), r);
                s1.setMarker(SeriesMarkers.CIRCLE);
                s1.setLineColor(col);
                s1.setMarkerColor(col);
                XYSeries s2 = c.addSeries(act + " R_α", tc.ns(), ra);
                s2.setMarker(SeriesMarkers.DIAMOND);
                s2.setLineColor(col);
                s2.setMarkerColor(col);
                s2.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                                java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            }
            out.add(Plots.save(c, dir, "regimes-" + regime, "Claim (iii) across activations, " + regime + " regime:"
                    + " mean over training sets of the standard risk R (solid, circles) and the PGD adversarial risk"
                    + " R_α (dashed, diamonds) against n, one colour per activation."));
        }
        return out;
    }
}
