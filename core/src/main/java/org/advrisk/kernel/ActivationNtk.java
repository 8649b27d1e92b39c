package org.advrisk.kernel;

/**
 * Infinite-width NTK of f(x) = (1/√m) Σ_j a_j √d σ(w_jᵀx/√d), w_j ~ N(0, I), a_j = ±1 (docs/ntk.md §6).
 * With p = ‖x‖²/d, q = ‖x'‖²/d, c = ⟨x, x'⟩/d and E1, E2 of {@link GaussianPairs}:
 * K1(x, x') = ⟨x, x'⟩·E1 (first layer), K2(x, x') = d·E2 (second layer), K1 + K2 (both).
 * For relu use {@link #of}, which returns {@link ReluNtk} itself (the same numbers as before).
 * Input gradient ∇ₓk = A·x' + B·x with A = ∂k/∂g and B = (2/d)∂k/∂p: by Price's theorem ∂E2/∂c = E1,
 * so K2's A is E1 exactly; the derivatives of E1 in c and p and of E2 in p are central differences
 * (relative step 1e-5, error ~1e-10 relative, far below the attack's own tolerance).
 *
 * @param activation the activation
 * @param layers     which layers are trained: the relu kernel of the same label
 * @param d          input dimension (the pre-activation is w_jᵀx/√d)
 */
public record ActivationNtk(Activation activation, ReluNtk layers, int d) implements Kernel {
    private static final double STEP = 1e-5;

    public ActivationNtk {
        if (d < 1) {
            throw new IllegalArgumentException("d: " + d + " must be >= 1");
        }
    }

    /** The kernel of these layers for this activation: {@link ReluNtk} for relu. */
    public static Kernel of(Activation activation, ReluNtk layers, int d) {
        return activation == Activation.RELU ? layers : new ActivationNtk(activation, layers, d);
    }

    @Override
    public String label() {
        return layers.label();
    }

    @Override
    public double value(double g, double a, double b) {
        double p = a * a / d;
        double q = b * b / d;
        double c = g / d;
        double[] e = GaussianPairs.expectations(activation, p, q, c);
        double k = 0;
        if (layers.firstLayer()) {
            k += g * e[0];
        }
        if (layers.secondLayer()) {
            k += d * e[1];
        }
        return k;
    }

    @Override
    public void gradientCoefficients(double g, double a, double b, double[] out) {
        double p = a * a / d;
        double q = b * b / d;
        double c = g / d;
        double[] e = GaussianPairs.expectations(activation, p, q, c);
        double hp = STEP * Math.max(p, 1e-300);
        double[] pUp = GaussianPairs.expectations(activation, p + hp, q, c);
        double[] pDown = GaussianPairs.expectations(activation, Math.max(0, p - hp), q, c);
        double dp = p + hp - Math.max(0, p - hp);
        double aCoef = 0;
        double bCoef = 0;
        if (layers.firstLayer()) {
            double hc = STEP * Math.max(Math.sqrt(p * q), 1e-300);
            double[] cUp = GaussianPairs.expectations(activation, p, q, c + hc);
            double[] cDown = GaussianPairs.expectations(activation, p, q, c - hc);
            aCoef += e[0] + c * (cUp[0] - cDown[0]) / (2 * hc);
            bCoef += 2 * c * (pUp[0] - pDown[0]) / dp;
        }
        if (layers.secondLayer()) {
            aCoef += e[0];
            bCoef += 2 * (pUp[1] - pDown[1]) / dp;
        }
        out[0] = aCoef;
        out[1] = bCoef;
    }
}
