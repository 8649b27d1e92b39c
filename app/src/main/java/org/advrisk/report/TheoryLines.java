package org.advrisk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Map;
import org.advrisk.experiment.TheoryCurves;
import org.knowm.xchart.XYChart;

/**
 * The deterministic equivalent drawn past the simulated sample sizes: R and R_α (every α) on a
 * geometric grid from n_min to {@link #FACTOR} × n_max, at λ = 0 (min-norm, or the NTK interpolator).
 */
final class TheoryLines {
    /** How far beyond the largest simulated n the curves go. */
    static final double FACTOR = 10;
    /** Points per curve. */
    static final int POINTS = 25;

    private TheoryLines() {
    }

    static void draw(XYChart c, RunData data, Map<String, Object> s, double[] ns, double[] alphas, Color[] palette,
                     BasicStroke stroke) {
        if (data.spec() == null || ns.length == 0) {
            return;
        }
        int[] grid = TheoryCurves.grid(ns[0], ns[ns.length - 1], FACTOR, POINTS);
        double[] x = new double[grid.length];
        double[] r = new double[grid.length];
        double[][] ra = new double[alphas.length][grid.length];
        try {
            for (int i = 0; i < grid.length; i++) {
                x[i] = grid[i];
                for (int j = 0; j < alphas.length; j++) {
                    org.advrisk.theory.DePrediction m = TheoryCurves.at(data.spec().family(), s, data.spec().seed(), grid[i], 0,
                            alphas[j]);
                    r[i] = m.stdRisk();
                    ra[j][i] = m.advRisk();
                }
            }
        } catch (IllegalArgumentException e) {
            return; // no equivalent for this setting (e.g. an attack the theory does not cover)
        }
        String upTo = " to " + (int) FACTOR + "× n_max";
        Plots.line(c, "R (DE" + upTo + ")", x, r, palette[0], stroke);
        int k = 1;
        for (int j = 0; j < alphas.length; j++) {
            if (alphas[j] == 0) {
                continue;
            }
            Plots.line(c, "R_α (DE" + upTo + "), α = " + RunData.fmt(alphas[j]), x, ra[j], palette[k++ % palette.length],
                    stroke);
        }
    }
}
