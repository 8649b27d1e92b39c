package org.advrisk.kernel;

import java.util.EnumMap;
import java.util.Map;

/**
 * Fast E1, E2 of {@link GaussianPairs} for activations without a closed form, by Mehler's expansion:
 * with h_k = He_k/√k! the normalised Hermite polynomials and s = √p,
 * E[F(s z1)G(t z2)] (corr ρ) = Σ_k F_k(s)G_k(t)ρ^k, F_k(s) = E[F(s z)h_k(z)]. The coefficients of σ
 * and σ' are tabulated once per activation on s ∈ [0, {@link #S_MAX}] (step 1/256, a 1-D Gauss–Hermite
 * rule of 160 nodes) and read by cubic Lagrange interpolation (smooth in s). Used where the series
 * converges fast, |ρ| ≤ {@link #RHO_MAX} (K = {@value #TERMS} terms; seen ≤ 1e-11 against a 180-node
 * quadrature for |ρ| ≤ 0.65 and variances ≤ 1, while at ρ ≈ 0.8 rounding in the high-order
 * coefficients reaches 1e-7 to 1e-4), and both s, t ≤ S_MAX; elsewhere (near-parallel inputs, the
 * Gram's diagonal) callers use the 2-D quadrature. Checked against it to 1e-9 in the tests.
 */
final class HermiteSeries {
    static final double S_MAX = 2.0;
    static final double RHO_MAX = 0.65;
    static final int TERMS = 120;
    private static final int PER_UNIT = 256;
    private static final int GRID = (int) (S_MAX * PER_UNIT) + 1;
    private static final Map<Activation, double[][]> TABLES = new EnumMap<>(Activation.class);

    private HermiteSeries() {
    }

    /** {E1, E2} by the series, or null when it does not apply (|ρ| &gt; RHO_MAX or a variance beyond S_MAX²). */
    static double[] expectations(Activation act, double p, double q, double c) {
        double s = Math.sqrt(p);
        double t = Math.sqrt(q);
        if (!(s <= S_MAX && t <= S_MAX) || s * t == 0) {
            return null;
        }
        double rho = c / (s * t);
        if (Math.abs(rho) > RHO_MAX) {
            return null;
        }
        double[][] table = table(act);
        double[] fs = new double[2 * TERMS];
        double[] ft = new double[2 * TERMS];
        interpolate(table, s, fs);
        interpolate(table, t, ft);
        double e1 = 0;
        double e2 = 0;
        double pow = 1;
        for (int k = 0; k < TERMS; k++) {
            e2 += fs[k] * ft[k] * pow;
            e1 += fs[TERMS + k] * ft[TERMS + k] * pow;
            pow *= rho;
        }
        return new double[] {e1, e2};
    }

    private static void interpolate(double[][] table, double s, double[] out) {
        double x = s * PER_UNIT;
        int i0 = Math.min(Math.max((int) Math.floor(x) - 1, 0), GRID - 4);
        double[] w = new double[4];
        for (int a = 0; a < 4; a++) {
            double l = 1;
            for (int b = 0; b < 4; b++) {
                if (b != a) {
                    l *= (x - (i0 + b)) / (double) (a - b);
                }
            }
            w[a] = l;
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = w[0] * table[i0][k] + w[1] * table[i0 + 1][k] + w[2] * table[i0 + 2][k] + w[3] * table[i0 + 3][k];
        }
    }

    private static synchronized double[][] table(Activation act) {
        return TABLES.computeIfAbsent(act, HermiteSeries::build);
    }

    private static double[][] build(Activation act) {
        double[][] rule = GaussianPairs.rule(160);
        double[] z = rule[0];
        double[] w = rule[1];
        int nodes = z.length;
        double[][] herm = new double[nodes][TERMS];
        for (int i = 0; i < nodes; i++) {
            herm[i][0] = 1;
            if (TERMS > 1) {
                herm[i][1] = z[i];
            }
            for (int k = 1; k + 1 < TERMS; k++) {
                herm[i][k + 1] = (z[i] * herm[i][k] - Math.sqrt(k) * herm[i][k - 1]) / Math.sqrt(k + 1);
            }
        }
        double[][] table = new double[GRID][2 * TERMS];
        for (int g = 0; g < GRID; g++) {
            double s = g / (double) PER_UNIT;
            for (int i = 0; i < nodes; i++) {
                double v = w[i] * act.value(s * z[i]);
                double dv = w[i] * act.derivative(s * z[i]);
                for (int k = 0; k < TERMS; k++) {
                    table[g][k] += v * herm[i][k];
                    table[g][TERMS + k] += dv * herm[i][k];
                }
            }
        }
        return table;
    }
}
