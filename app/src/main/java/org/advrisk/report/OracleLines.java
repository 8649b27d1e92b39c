package org.advrisk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.experiment.Family;
import org.advrisk.experiment.TheoryCurves;
import org.advrisk.report.Figure.Marker;
import org.advrisk.report.Figure.Role;
import org.advrisk.report.Figure.Series;
import org.advrisk.report.Figure.Stroke;
import org.advrisk.report.Figure.Style;
import org.advrisk.theory.OracleFrontier;

/**
 * The oracle frontier of a setting drawn beside the estimators' frontiers: the path θ(μ) of the best linear
 * predictor that knows Σ and θ* (black, dotted) and its Pareto points (black, solid with diamonds), computed by
 * {@link TheoryCurves#oracle}. The ground truth (μ = 0, R = 0) has no place on a log axis and is left out (the
 * figures draw its R_α as a line); the path is clipped to the estimators' range of R (a factor 3 either side)
 * so that it does not squeeze them. One curve per distinct oracle over the n values (it changes with n only when
 * the spectrum or θ* does). None when the setting has no oracle (a non-Gaussian design, an attack other than l2
 * and linf).
 */
final class OracleLines {
    /** The oracle's colour. */
    static final String COLOR = Figures.BLACK;

    private OracleLines() {
    }

    /** The oracle frontier at each n (n without one are left out). */
    static Map<Double, OracleFrontier> frontiers(RunData data, Map<String, Object> s, double alpha, double[] ns) {
        Map<Double, OracleFrontier> out = new LinkedHashMap<>();
        if (data.spec() == null) {
            return out;
        }
        try {
            for (double n : ns) {
                OracleFrontier f = TheoryCurves.oracle(data.spec().family(), s, data.spec().seed(), (int) n, alpha);
                if (f != null) {
                    out.put(n, f);
                }
            }
        } catch (IllegalArgumentException e) {
            out.clear();
        }
        return out;
    }

    /** The oracle's series for a frontier figure whose estimator points span R ∈ [xmin, xmax]. */
    static List<Series> series(RunData data, Map<String, Object> s, double alpha, double[] ns, double xmin,
                               double xmax) {
        List<Series> out = new ArrayList<>();
        if (!(xmax > 0)) {
            return out;
        }
        String who = data.spec() != null && data.spec().family() == Family.NTK ? "linear oracle" : "oracle";
        List<OracleFrontier> seen = new ArrayList<>();
        List<Double> seenN = new ArrayList<>();
        for (Map.Entry<Double, OracleFrontier> e : frontiers(data, s, alpha, ns).entrySet()) {
            OracleFrontier f = e.getValue();
            if (seen.stream().noneMatch(g -> Arrays.equals(g.stdRisk(), f.stdRisk())
                    && Arrays.equals(g.advRisk(), f.advRisk()))) {
                seen.add(f);
                seenN.add(e.getKey());
            }
        }
        for (int k = 0; k < seen.size(); k++) {
            String at = seen.size() == 1 ? "" : ", n = " + (int) (double) seenN.get(k);
            OracleFrontier f = seen.get(k);
            out.add(Series.line(who + " path θ(μ) (knows Σ, θ*)" + at, Role.THEORY, pick(f, xmin, xmax, false, true),
                    pick(f, xmin, xmax, false, false), COLOR, Stroke.DOTTED));
            double[] px = pick(f, xmin, xmax, true, true);
            if (px.length > 0) {
                out.add(new Series(who + " frontier (Pareto points of the path)" + at, Role.THEORY, Style.LINE_MARKERS,
                        px, pick(f, xmin, xmax, true, false), null, COLOR, Stroke.SOLID, Marker.DIAMOND));
            }
        }
        return out;
    }

    /** R (x) or R_α of the path points with R in [xmin/3, 3·xmax], R &gt; 0, optionally only the Pareto ones. */
    private static double[] pick(OracleFrontier f, double xmin, double xmax, boolean paretoOnly, boolean x) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            double r = f.stdRisk()[i];
            if (r > 0 && r >= xmin / 3 && r <= 3 * xmax && (!paretoOnly || f.pareto()[i])) {
                out.add(x ? r : f.advRisk()[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A sentence for a caption: what the oracle is and, when its frontier is θ* alone, that fact. */
    static String caption(RunData data, Map<String, Object> s, double alpha, double[] ns) {
        Map<Double, OracleFrontier> fs = frontiers(data, s, alpha, ns);
        if (fs.isEmpty()) {
            return "";
        }
        boolean alone = fs.values().stream().allMatch(f -> {
            for (int i = 1; i < f.size(); i++) {
                if (f.pareto()[i]) {
                    return false;
                }
            }
            return true;
        });
        return " Black: the oracle θ(μ) = argmin ‖θ − θ*‖²_Σ + μ·pen(θ) (pen = ‖θ‖²₂ for l2, ‖θ‖₁ for linf), the best"
                + " (R, R_α) any linear predictor knowing Σ and θ* reaches (dotted: its path; solid: its Pareto points)"
                + (alone ? "; here no θ(μ) beats the ground truth's R_α, so the oracle frontier is θ* alone (R = 0)."
                        : ".");
    }
}
