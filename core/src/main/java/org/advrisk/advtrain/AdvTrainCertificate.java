package org.advrisk.advtrain;

import java.util.Arrays;
import org.advrisk.model.Norms;

/**
 * The objective of adversarial training and a lower bound on its minimum by weak duality.
 *
 * <p>For a = |r| + δ‖θ‖_q·1 (r = y − b1 − Xθ), nF = ‖a‖². For any w with 1ᵀw = 0 (only with an
 * intercept), any v ≥ |w| with ‖Xᵀw‖_p ≤ δ‖v‖₁, and any c > 0:
 * ‖a‖² ≥ 2c·vᵀa − c²‖v‖², and vᵀa ≥ Σ|w_i||r_i| + δ‖θ‖_q‖v‖₁ ≥ wᵀr + wᵀXθ = wᵀy (Hölder). Hence
 * min F ≥ D(w) = (wᵀy)₊² / (n‖v‖²), with the best v = max(|w|, β) for the least β ≥ 0 meeting
 * the norm constraint. At the optimum w_i = r_i + δ‖θ‖_q·s_i (s ∈ sign r) attains equality, so the
 * gap F − D → 0 and bounds the suboptimality rigorously.
 */
final class AdvTrainCertificate {
    private AdvTrainCertificate() {
    }

    /** F(θ, b) = (1/n) Σ (|r_i| + δ‖θ‖_q)² from the residuals r and t = ‖θ‖_q. */
    static double objective(double[] r, double t, double delta) {
        double s = 0;
        double c = delta * t;
        for (double ri : r) {
            double a = Math.abs(ri) + c;
            s += a * a;
        }
        return s / r.length;
    }

    /**
     * The lower bound D(w) (w is centred here when the model has an intercept; w is not modified).
     *
     * @param p the attack exponent (2 for l2 training, ∞ for l∞ training)
     */
    static double lowerBound(AdvTrainData data, double[] w0, double delta, double p) {
        int n = data.n();
        double[] w = w0.clone();
        if (data.intercept()) {
            double mean = 0;
            for (double v : w) {
                mean += v;
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                w[i] -= mean;
            }
        }
        double wy = 0;
        for (int i = 0; i < n; i++) {
            wy += w[i] * data.y()[i];
        }
        if (!(wy > 0)) {
            return 0;
        }
        double g = Norms.lq(data.xtv(w), p);
        double beta = beta(w, g, delta);
        if (!Double.isFinite(beta)) {
            return 0;
        }
        double vv = 0;
        for (double wi : w) {
            double v = Math.max(Math.abs(wi), beta);
            vv += v * v;
        }
        return vv > 0 ? wy * wy / (n * vv) : 0;
    }

    /** Least β ≥ 0 with δ Σ max(|w_i|, β) ≥ g (∞ when δ = 0 and g > 0). */
    static double beta(double[] w, double g, double delta) {
        int n = w.length;
        double[] a = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            a[i] = Math.abs(w[i]);
            sum += a[i];
        }
        if (delta * sum >= g) {
            return 0;
        }
        if (delta == 0) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(a);
        double need = g / delta;
        // For β in [a[k−1], a[k]] the sum is k·β + Σ_{i≥k} a_i.
        double suffix = sum;
        for (int k = 1; k <= n; k++) {
            suffix -= a[k - 1];
            double b = (need - suffix) / k;
            double hi = k < n ? a[k] : Double.POSITIVE_INFINITY;
            if (b <= hi) {
                return Math.max(b, a[k - 1]);
            }
        }
        return need / n;
    }
}
