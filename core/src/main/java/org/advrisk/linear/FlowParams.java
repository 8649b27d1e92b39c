package org.advrisk.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.advrisk.param.Lists;
import org.advrisk.param.NumberParam;

/**
 * The parameters of gradient flow ({@code time} t ≥ 0, {@code inf} allowed) and gradient descent
 * ({@code eta} η &gt; 0, {@code steps} K ≥ 0 integers): one parser and one check each, shared by the
 * CLI, spec files, the explorer and the estimators.
 */
public final class FlowParams {
    /** Finite times t ≥ 0 (the list grammar adds {@code inf}). */
    public static final NumberParam TIME = new NumberParam("time", 0, 1e50, "",
            "gradient-flow times t >= 0 (inf = the min-norm interpolator, or least squares for p < n)");
    /** Gradient-descent steps K (integers). */
    public static final NumberParam STEPS = new NumberParam("steps", 0, 1e15, "",
            "gradient-descent steps K >= 0 (integers)");
    /** Gradient-descent step size η &gt; 0. */
    public static final NumberParam ETA = new NumberParam("eta", 0, 1e50, "",
            "gradient-descent step size η > 0 (stable for η < 2n/s_max)", true);
    /** Allowed times, for messages. */
    public static final String ALLOWED_TIME = "numbers >= 0, inf, or a grid " + Lists.RANGES;

    private FlowParams() {
    }

    /** Returns t, or refuses it: t must be ≥ 0 (finite or +∞). */
    public static double checkTime(double t) {
        if (t == Double.POSITIVE_INFINITY) {
            return t;
        }
        if (Double.isNaN(t) || t < 0 || t > TIME.max()) {
            throw new IllegalArgumentException("time: " + t + " is not allowed; allowed: " + ALLOWED_TIME);
        }
        return t;
    }

    /** Returns η, or refuses it (finite, &gt; 0). */
    public static double checkEta(double eta) {
        return ETA.check(eta);
    }

    /** Returns K, or refuses it (an integer ≥ 0). */
    public static double checkSteps(double k) {
        STEPS.check(k);
        if (k != Math.rint(k)) {
            throw new IllegalArgumentException("steps: " + k + " is not an integer; allowed: integers >= 0");
        }
        return k;
    }

    /**
     * Refuses an unstable step: gradient descent diverges along the top eigendirection when
     * η ≥ 2n/s_max (s_max the largest eigenvalue of XXᵀ or XᵀX); the message names that largest stable η.
     */
    public static void checkStable(double eta, int n, double maxEig, String what) {
        double limit = 2.0 * n / maxEig;
        if (maxEig > 0 && !(eta < limit)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "eta: %s is not stable on this training"
                    + " set: gradient descent diverges for η >= 2n/s_max = %.6g (n = %d, s_max = %.6g the largest"
                    + " eigenvalue of %s); allowed: η < %.6g", eta, limit, n, maxEig, what, limit));
        }
    }

    /** Parses a list of times: numbers, {@code inf} and grids (the one list grammar, {@link Lists}), in order. */
    public static double[] parseTimes(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("time: empty list; allowed: " + ALLOWED_TIME);
        }
        List<Double> out = new ArrayList<>();
        for (String item : Lists.items("time", text)) {
            if (item.equalsIgnoreCase("inf")) {
                out.add(Double.POSITIVE_INFINITY);
                continue;
            }
            for (double v : TIME.parseList(item)) {
                out.add(v);
            }
        }
        return distinct("time", out);
    }

    /** Parses a list of step counts K (integers ≥ 0; grids are rounded to integers). */
    public static double[] parseSteps(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("steps: empty list; allowed: integers >= 0 or a grid logspace:LO,HI,COUNT");
        }
        List<Double> out = new ArrayList<>();
        for (String item : Lists.items("steps", text)) {
            boolean range = Lists.isGrid(item);
            for (double v : STEPS.parseList(item)) {
                out.add(checkSteps(range ? Math.rint(v) : v));
            }
        }
        return distinct("steps", out);
    }

    /** Refuses a value given twice (rows would be ambiguous). */
    static double[] distinct(String name, List<Double> values) {
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (values.get(i).equals(values.get(j))) {
                    throw new IllegalArgumentException(name + ": " + label(values.get(i)) + " appears twice; allowed:"
                            + " distinct values");
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A time as users write it ({@code inf} for +∞). */
    public static String label(double t) {
        return t == Double.POSITIVE_INFINITY ? "inf" : Double.toString(t);
    }
}
