package org.advrisk.attack;

/**
 * The exact worst perturbation of a linear model (docs/theory.md §1). For ‖δ‖_p ≤ α and q the dual
 * exponent, sup (e + ⟨δ, θ⟩)² = (|e| + α‖θ‖_q)², attained by
 * <ul>
 *   <li>p = 2: δ = α s θ/‖θ‖₂;</li>
 *   <li>p = ∞: δ = α s sign(θ);</li>
 *   <li>p = 1: δ = α s sign(θ_j) e_j with j = argmax |θ_j| (the largest ABSOLUTE coefficient);</li>
 *   <li>1 &lt; p &lt; ∞: δ_j = α s sign(θ_j) (|θ_j|/‖θ‖_q)^{q−1};</li>
 * </ul>
 * with s = sign(e) (+1 when e = 0).
 */
public final class LinearWorstCase {
    private LinearWorstCase() {
    }

    /** The dual exponent q of p: 1/p + 1/q = 1. */
    public static double dual(double p) {
        checkP(p);
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.isInfinite(p) ? 1 : p / (p - 1);
    }

    /** ‖v‖_q for q in [1, ∞]. */
    public static double norm(double[] v, double q) {
        if (q == 1) {
            double s = 0;
            for (double x : v) {
                s += Math.abs(x);
            }
            return s;
        }
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        if (Double.isInfinite(q) || max == 0) {
            return max;
        }
        double s = 0;
        for (double x : v) {
            s += Math.pow(Math.abs(x) / max, q);
        }
        return max * Math.pow(s, 1 / q);
    }

    /** The worst squared error (|e| + α‖θ‖_q)² for clean error e. */
    public static double value(double error, double[] theta, double alpha, double p) {
        double r = Math.abs(error) + alpha * norm(theta, dual(p));
        return r * r;
    }

    /** The maximising perturbation δ for clean error e (its sign only matters). */
    public static double[] perturbation(double[] theta, double error, double alpha, double p) {
        checkP(p);
        double s = error < 0 ? -1 : 1;
        int d = theta.length;
        double[] delta = new double[d];
        if (p == 2) {
            double nrm = norm(theta, 2);
            if (nrm > 0) {
                for (int k = 0; k < d; k++) {
                    delta[k] = alpha * s * theta[k] / nrm;
                }
            }
        } else if (Double.isInfinite(p)) {
            for (int k = 0; k < d; k++) {
                delta[k] = alpha * s * Math.signum(theta[k]);
            }
        } else if (p == 1) {
            int j = 0;
            for (int k = 1; k < d; k++) {
                if (Math.abs(theta[k]) > Math.abs(theta[j])) {
                    j = k;
                }
            }
            delta[j] = alpha * s * (theta[j] < 0 ? -1 : 1);
        } else {
            double q = dual(p);
            double nq = norm(theta, q);
            if (nq > 0) {
                for (int k = 0; k < d; k++) {
                    delta[k] = alpha * s * Math.signum(theta[k]) * Math.pow(Math.abs(theta[k]) / nq, q - 1);
                }
            }
        }
        return delta;
    }

    private static void checkP(double p) {
        if (!(p >= 1)) {
            throw new IllegalArgumentException("attack: exponent p=" + p + " must be in [1, inf]");
        }
    }
}
