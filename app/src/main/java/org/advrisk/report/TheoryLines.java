package org.advrisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.experiment.TheoryCurves;
import org.advrisk.report.Figure.Role;
import org.advrisk.report.Figure.Series;
import org.advrisk.report.Figure.Stroke;
import org.advrisk.theory.DePrediction;

/**
 * The deterministic equivalent drawn past the simulated sample sizes: R and R_α (every α) on a
 * geometric grid from n_min to {@link #FACTOR} × n_max, at λ = 0 (min-norm, or the NTK interpolator),
 * computed by {@link TheoryCurves} from the setting's columns.
 */
final class TheoryLines {
    /** How far beyond the largest simulated n the curves go. */
    static final double FACTOR = 10;
    /** Points per curve. */
    static final int POINTS = 25;

    private TheoryLines() {
    }

    /** The dotted theory series (none when the setting has no equivalent, e.g. an attack the theory does not cover). */
    static List<Series> series(RunData data, Map<String, Object> s, double[] ns, double[] alphas) {
        List<Series> out = new ArrayList<>();
        if (data.spec() == null || ns.length == 0) {
            return out;
        }
        int[] grid = TheoryCurves.grid(ns[0], ns[ns.length - 1], FACTOR, POINTS);
        double[] x = new double[grid.length];
        double[] r = new double[grid.length];
        double[][] ra = new double[alphas.length][grid.length];
        try {
            for (int i = 0; i < grid.length; i++) {
                x[i] = grid[i];
                for (int j = 0; j < alphas.length; j++) {
                    DePrediction m = TheoryCurves.at(data.spec().family(), s, data.spec().seed(), grid[i], 0, alphas[j]);
                    r[i] = m.stdRisk();
                    ra[j][i] = m.advRisk();
                }
            }
        } catch (IllegalArgumentException e) {
            return out;
        }
        String[] palette = Figures.PALETTE;
        String upTo = " to " + (int) FACTOR + "× n_max";
        out.add(Series.line("R (DE" + upTo + ")", Role.THEORY, x, r, palette[0], Stroke.DOTTED));
        int k = 1;
        for (int j = 0; j < alphas.length; j++) {
            if (alphas[j] == 0) {
                continue;
            }
            out.add(Series.line("R_α (DE" + upTo + "), α = " + RunData.fmt(alphas[j]), Role.THEORY, x, ra[j],
                    palette[k++ % palette.length], Stroke.DOTTED));
        }
        return out;
    }
}
