package org.advrisk.ntk;

/**
 * Full-batch gradient descent on (1/2)Σ(f(x_i) − y_i)².
 *
 * @param eta          step size; NaN means the default 1/λ_max(Θ̂(0)); must be &lt; 2/λ_max
 * @param steps        number of steps ≥ 0
 * @param trainFirst   train the first layer W
 * @param trainSecond  train the second layer a
 */
public record GdOptions(double eta, int steps, boolean trainFirst, boolean trainSecond) {
    public GdOptions {
        if (!Double.isNaN(eta) && !(eta > 0 && Double.isFinite(eta))) {
            throw new IllegalArgumentException("eta: " + eta + " must be finite and > 0 (or default)");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps: " + steps + " must be >= 0");
        }
        if (!trainFirst && !trainSecond) {
            throw new IllegalArgumentException("layers: at least one layer must be trained");
        }
    }

    /** Default step, first layer only. */
    public static GdOptions firstLayer(int steps) {
        return new GdOptions(Double.NaN, steps, true, false);
    }
}
