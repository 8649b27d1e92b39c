package org.advrisk.kernel;

import java.util.Locale;

/**
 * Infinite-width neural tangent kernels of f(x) = (1/√m) Σ a_j relu(w_jᵀx), w_j ~ N(0, I), a_j = ±1
 * (docs/ntk.md §2), with u = ⟨x,x'⟩/(‖x‖‖x'‖), θ = arccos u, s = sin θ:
 * <ul>
 *   <li>{@link #K1} (first layer trained): ⟨x,x'⟩(π − θ)/(2π);</li>
 *   <li>{@link #K2} (second layer trained): ‖x‖‖x'‖(s + (π − θ)u)/(2π);</li>
 *   <li>{@link #K1_PLUS_K2} (both layers).</li>
 * </ul>
 * Input gradients: ∇K1 = x'(π−θ)/(2π) + ⟨x,x'⟩/(2πs)·(x'/(‖x‖‖x'‖) − u x/‖x‖²), whose second part is
 * dropped when s &lt; 1e-7 (u → ±1: x and x' parallel, the direction of the orthogonal part is
 * undefined); ∇K2 = x'(π−θ)/(2π) + x ‖x'‖s/(2π‖x‖), smooth.
 */
public enum ReluNtk implements Kernel {
    K1("k1"), K2("k2"), K1_PLUS_K2("k1+k2");

    /** Allowed labels, for messages. */
    public static final String ALLOWED = "k1, k2, k1+k2";
    private static final double TWO_PI = 2 * Math.PI;
    private static final double S_GUARD = 1e-7;

    private final String label;

    ReluNtk(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Parses k1, k2 or k1+k2. */
    public static ReluNtk parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ReluNtk k : values()) {
            if (k.label.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kernel: unknown kernel '" + text + "'; allowed: " + ALLOWED);
    }

    /** True when the first layer is trained (K1 part present). */
    public boolean firstLayer() {
        return this != K2;
    }

    /** True when the second layer is trained (K2 part present). */
    public boolean secondLayer() {
        return this != K1;
    }

    @Override
    public double value(double g, double a, double b) {
        double ab = a * b;
        if (ab == 0) {
            return 0;
        }
        double u = clamp(g / ab);
        double theta = Math.acos(u);
        double k1 = g * (Math.PI - theta) / TWO_PI;
        if (this == K1) {
            return k1;
        }
        double s = Math.sqrt(Math.max(0, 1 - u * u));
        double k2 = (ab * s + g * (Math.PI - theta)) / TWO_PI;
        return this == K2 ? k2 : k1 + k2;
    }

    @Override
    public void gradientCoefficients(double g, double a, double b, double[] out) {
        double ab = a * b;
        if (ab == 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        double u = clamp(g / ab);
        double theta = Math.acos(u);
        double s = Math.sqrt(Math.max(0, 1 - u * u));
        double base = (Math.PI - theta) / TWO_PI;
        double aCoef = 0;
        double bCoef = 0;
        if (firstLayer()) {
            aCoef += base;
            if (s >= S_GUARD) {
                aCoef += u / (TWO_PI * s);
                bCoef -= g * u / (TWO_PI * s * a * a);
            }
        }
        if (secondLayer()) {
            aCoef += base;
            bCoef += b * s / (TWO_PI * a);
        }
        out[0] = aCoef;
        out[1] = bCoef;
    }

    private static double clamp(double u) {
        return u > 1 ? 1 : (u < -1 ? -1 : u);
    }
}
