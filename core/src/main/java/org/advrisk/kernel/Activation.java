package org.advrisk.kernel;

import java.util.Locale;

/**
 * Activation σ of a two-layer network f(x) = (1/√m) Σ_j a_j √d σ(w_jᵀx/√d) (docs/ntk.md §6). The √d inside
 * and outside makes positively homogeneous activations (relu, abs) give exactly σ(w_jᵀx), so relu is
 * the network of the earlier waves value for value; for the others the pre-activation has variance
 * ‖x‖²/d ≈ 1. σ' and σ'' are the derivatives (a.e. for relu and abs, whose σ'' is a Dirac mass and is
 * reported as 0 here: only closed forms use it).
 */
public enum Activation {
    RELU("relu", false), ABS("abs", true), ERF("erf", false), QUADRATIC("quadratic", true), TANH("tanh", false),
    SOFTPLUS("softplus", false);

    /** Allowed labels, for messages. */
    public static final String ALLOWED = org.advrisk.param.Choices.ACTIVATION.allowed();
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private final String label;
    private final boolean even;

    Activation(String label, boolean even) {
        this.label = label;
        this.even = even;
    }

    /** The label used on the command line, in specs and in the {@code activation} column. */
    public String label() {
        return label;
    }

    /**
     * True for even σ (abs, quadratic): then E[σ'(g)] = 0 and E[σ(g)g] = 0 for Gaussian g, so the NTK has
     * no linear part (c1 = 0) and does not behave like linear ridge.
     */
    public boolean even() {
        return even;
    }

    /** True when σ(ct) = cσ(t) for c &gt; 0 (relu, abs): the √d scaling then cancels exactly. */
    public boolean homogeneous() {
        return this == RELU || this == ABS;
    }

    /** Parses a label (case-insensitive). */
    public static Activation parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.label.equals(t)) {
                return a;
            }
        }
        org.advrisk.param.Choices.ACTIVATION.parse(text); // refuses in the declaration's words
        throw new IllegalStateException("activation: " + text + " is declared but has no Activation");
    }

    /** σ(t). */
    public double value(double t) {
        return switch (this) {
            case RELU -> t > 0 ? t : 0.0;
            case ABS -> Math.abs(t);
            case ERF -> erf(t);
            case QUADRATIC -> t * t;
            case TANH -> Math.tanh(t);
            case SOFTPLUS -> t > 30 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
        };
    }

    /**
     * erf(t) by the series erf(t) = (2/√π) e^{−t²} Σ_n 2ⁿ t^{2n+1}/(2n+1)!! (all terms of one sign: no
     * cancellation; about t² + 20 terms), ±1 beyond |t| = 6 (erfc(6) &lt; 3e-17). Several times faster
     * than commons-math's incomplete-gamma route, which matters inside networks; checked against it.
     */
    public static double erf(double t) {
        double x = Math.abs(t);
        if (x >= 6) {
            return Math.signum(t);
        }
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        double v = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
        return t < 0 ? -v : v;
    }

    /** σ'(t) (relu: 1{t &gt; 0}; abs: sign t, 0 at 0). */
    public double derivative(double t) {
        return switch (this) {
            case RELU -> t > 0 ? 1.0 : 0.0;
            case ABS -> t > 0 ? 1.0 : (t < 0 ? -1.0 : 0.0);
            case ERF -> TWO_OVER_SQRT_PI * Math.exp(-t * t);
            case QUADRATIC -> 2 * t;
            case TANH -> {
                double th = Math.tanh(t);
                yield 1 - th * th;
            }
            case SOFTPLUS -> 1 / (1 + Math.exp(-t));
        };
    }
}
