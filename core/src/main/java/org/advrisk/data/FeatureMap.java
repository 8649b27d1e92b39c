package org.advrisk.data;

import java.util.Locale;
import java.util.SplittableRandom;
import org.advrisk.linalg.MemoryBudget;
import org.advrisk.random.Purpose;
import org.advrisk.random.RandomStreams;

/**
 * A seeded random feature map of standardised inputs z ∈ R^d: random ReLU features
 * φ_k(z) = relu(w_kᵀz)/√m with w_k ~ N(0, I/d), or random Fourier features
 * φ_k(z) = √(2/m) cos(w_kᵀz + b_k) with w_k ~ N(0, 2γI), b_k ~ U[0, 2π) (the Gaussian kernel
 * exp(−γ‖z − z'‖²)). Weights come from the stream (seed, 0, NETWORK_INIT, 0x3A9). {@code relu:m=M,activation=A}
 * replaces relu by another activation σ (φ_k(z) = σ(w_kᵀz)/√m; the weights are the same draws).
 *
 * @param kind  relu or rff
 * @param m     number of features
 * @param gamma kernel width (rff only)
 * @param d     input dimension
 * @param w     m×d weights, row-major
 * @param b     phases (rff), or null
 * @param act   the activation of relu-kind features (relu by default)
 */
public record FeatureMap(String kind, int m, double gamma, int d, double[] w, double[] b,
                         org.advrisk.kernel.Activation act) {
    /** Parses {@code relu:m=M} or {@code rff:m=M,gamma=G} for inputs of dimension d. */
    public static FeatureMap parse(String text, int d, long seed) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String kind = t.contains(":") ? t.substring(0, t.indexOf(':')) : t;
        if (!kind.equals("relu") && !kind.equals("rff")) {
            throw new IllegalArgumentException("map: '" + text + "' is not allowed; allowed: none, relu:m=M, rff:m=M,gamma=G, ntk");
        }
        int m = -1;
        double gamma = Double.NaN;
        org.advrisk.kernel.Activation act = org.advrisk.kernel.Activation.RELU;
        if (t.contains(":")) {
            for (String kv : t.substring(t.indexOf(':') + 1).split(",")) {
                String[] p = kv.split("=", 2);
                try {
                    if (p.length == 2 && p[0].trim().equals("m")) {
                        m = Integer.parseInt(p[1].trim());
                    } else if (p.length == 2 && p[0].trim().equals("gamma") && kind.equals("rff")) {
                        gamma = Double.parseDouble(p[1].trim());
                    } else if (p.length == 2 && p[0].trim().equals("activation") && kind.equals("relu")) {
                        try {
                            act = org.advrisk.kernel.Activation.parse(p[1]);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("map: activation '" + p[1].trim() + "' in '" + text
                                    + "' is not allowed; allowed: " + org.advrisk.kernel.Activation.ALLOWED);
                        }
                    } else {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("map: '" + kv + "' in '" + text + "' is not allowed; allowed: m=M"
                            + (kind.equals("rff") ? ", gamma=G" : ", activation=A"));
                }
            }
        }
        if (m < 1) {
            throw new IllegalArgumentException("map: '" + text + "' needs m=M with M >= 1");
        }
        if (kind.equals("rff") && !(gamma > 0 && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("map: '" + text + "' needs gamma=G with G > 0");
        }
        MemoryBudget.require(8L * m * d, "the " + m + "×" + d + " weights of --map " + text);
        SplittableRandom r = RandomStreams.stream(seed, 0, Purpose.NETWORK_INIT, 0x3A9);
        double[] w = new double[m * d];
        double sw = kind.equals("relu") ? 1 / Math.sqrt(d) : Math.sqrt(2 * gamma);
        for (int i = 0; i < w.length; i++) {
            w[i] = sw * r.nextGaussian();
        }
        double[] b = null;
        if (kind.equals("rff")) {
            b = new double[m];
            for (int k = 0; k < m; k++) {
                b[k] = 2 * Math.PI * r.nextDouble();
            }
        }
        return new FeatureMap(kind, m, gamma, d, w, b, act);
    }

    /** φ(z) into out[0, m). */
    public void apply(double[] z, int zOff, double[] out) {
        boolean relu = b == null;
        double s = relu ? 1 / Math.sqrt(m) : Math.sqrt(2.0 / m);
        for (int k = 0; k < m; k++) {
            double a = 0;
            int o = k * d;
            for (int j = 0; j < d; j++) {
                a += w[o + j] * z[zOff + j];
            }
            out[k] = relu ? s * (act == org.advrisk.kernel.Activation.RELU ? Math.max(0, a) : act.value(a))
                    : s * Math.cos(a + b[k]);
        }
    }

    /** ∇_z Σ_k c_k φ_k(z) into grad[0, d). */
    public void gradient(double[] z, int zOff, double[] c, double[] grad) {
        boolean relu = b == null;
        double s = relu ? 1 / Math.sqrt(m) : Math.sqrt(2.0 / m);
        java.util.Arrays.fill(grad, 0, d, 0);
        for (int k = 0; k < m; k++) {
            if (c[k] == 0) {
                continue;
            }
            double a = 0;
            int o = k * d;
            for (int j = 0; j < d; j++) {
                a += w[o + j] * z[zOff + j];
            }
            double g = relu ? (act == org.advrisk.kernel.Activation.RELU ? (a > 0 ? s : 0) : s * act.derivative(a))
                    : -s * Math.sin(a + b[k]);
            g *= c[k];
            if (g != 0) {
                for (int j = 0; j < d; j++) {
                    grad[j] += g * w[o + j];
                }
            }
        }
    }
}
