package org.advrisk.advtrain;

import java.util.ArrayList;
import java.util.List;
import org.advrisk.model.Norms;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The active-set step of l∞ adversarial training (q = 1). With the support S of θ and its signs σ,
 * the set Z of zero residuals and the signs s of the others fixed, ‖θ‖₁ = σᵀθ_S and |r_i| = s_i r_i
 * are linear, so F is a quadratic on that piece: minimise
 * Σ_{i∉Z} (s_i r_i + δσᵀθ_S)² + |Z|δ²(σᵀθ_S)² subject to r_Z = 0 by one KKT solve. Its multipliers
 * λ give the dual vector w_Z = −λ/2 (w_i = r_i + δ‖θ‖₁ s_i elsewhere) for the duality-gap certificate.
 * The pieces are read off an iterate with several relative thresholds; the caller keeps a candidate
 * only if it lowers F.
 */
final class ActiveSetStep {
    private static final double[] THRESHOLDS = {1e-10, 1e-8, 1e-6, 1e-4, 1e-3};
    /** Largest KKT system attempted (commons-math3 dense LU, O(size³)). */
    static final int MAX_SIZE = 1500;

    private ActiveSetStep() {
    }

    /** A candidate point, its objective and the lower bound certified by its multipliers. */
    record Candidate(double[] theta, double b, double objective, double lowerBound) {
    }

    /** The candidate of lowest F over the thresholds (null when none could be formed). */
    static Candidate best(AdvTrainData data, double[] theta, double b, double[] r, double delta) {
        Candidate best = null;
        double lower = 0;
        for (double tau : THRESHOLDS) {
            Candidate c = step(data, theta, r, delta, tau);
            if (c == null) {
                continue;
            }
            lower = Math.max(lower, c.lowerBound);
            if (best == null || c.objective < best.objective) {
                best = c;
            }
        }
        return best == null ? null : new Candidate(best.theta, best.b, best.objective, lower);
    }

    private static Candidate step(AdvTrainData data, double[] theta, double[] r, double delta, double tau) {
        int n = data.n();
        int p = data.p();
        double tmax = 0;
        for (double v : theta) {
            tmax = Math.max(tmax, Math.abs(v));
        }
        if (!(tmax > 0)) {
            return null;
        }
        List<Integer> support = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (Math.abs(theta[j]) > tau * tmax) {
                support.add(j);
            }
        }
        double t = Norms.lq(theta, 1);
        double rmax = 0;
        for (double v : r) {
            rmax = Math.max(rmax, Math.abs(v));
        }
        double scale = rmax + delta * t;
        boolean[] zero = new boolean[n];
        int nz = 0;
        for (int i = 0; i < n; i++) {
            zero[i] = Math.abs(r[i]) <= tau * scale;
            nz += zero[i] ? 1 : 0;
        }
        int ks = support.size();
        int k = ks + (data.intercept() ? 1 : 0);
        if (k + nz > MAX_SIZE || nz > k) {
            return null;
        }
        double[] x = data.x();
        double[] y = data.y();
        double[] c = new double[k];
        for (int a = 0; a < ks; a++) {
            c[a] = Math.signum(theta[support.get(a)]);
        }
        double[][] kkt = new double[k + nz][k + nz];
        double[] rhs = new double[k + nz];
        double[] row = new double[k];
        int zi = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < ks; a++) {
                row[a] = x[i + support.get(a) * n];
            }
            if (data.intercept()) {
                row[ks] = 1;
            }
            if (zero[i]) {
                for (int a = 0; a < k; a++) {
                    kkt[k + zi][a] = row[a];
                    kkt[a][k + zi] = row[a];
                }
                rhs[k + zi] = y[i];
                zi++;
                continue;
            }
            double s = r[i] >= 0 ? 1 : -1;
            for (int a = 0; a < k; a++) {
                row[a] = s * row[a] - delta * c[a];
            }
            double h = s * y[i];
            for (int a = 0; a < k; a++) {
                rhs[a] += 2 * row[a] * h;
                for (int bb = 0; bb <= a; bb++) {
                    kkt[a][bb] += 2 * row[a] * row[bb];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int bb = 0; bb <= a; bb++) {
                kkt[a][bb] += 2 * nz * delta * delta * c[a] * c[bb];
                kkt[bb][a] = kkt[a][bb];
            }
        }
        Array2DRowRealMatrix m = new Array2DRowRealMatrix(kkt, false);
        RealVector sol;
        try {
            DecompositionSolver solver = new LUDecomposition(m).getSolver();
            sol = solver.solve(new ArrayRealVector(rhs, false));
        } catch (SingularMatrixException e) {
            sol = new SingularValueDecomposition(m).getSolver().solve(new ArrayRealVector(rhs, false));
        }
        double[] th = new double[p];
        for (int a = 0; a < ks; a++) {
            th[support.get(a)] = sol.getEntry(a);
        }
        double b = data.intercept() ? sol.getEntry(ks) : 0;
        double[] rn = data.residuals(th, b);
        double tn = Norms.lq(th, 1);
        double[] w = new double[n];
        zi = 0;
        for (int i = 0; i < n; i++) {
            if (zero[i]) {
                w[i] = -0.5 * sol.getEntry(k + zi);
                zi++;
            } else {
                w[i] = rn[i] + delta * tn * (r[i] >= 0 ? 1 : -1);
            }
        }
        double f = AdvTrainCertificate.objective(rn, tn, delta);
        if (!Double.isFinite(f)) {
            return null;
        }
        double d = AdvTrainCertificate.lowerBound(data, w, delta, Double.POSITIVE_INFINITY);
        return new Candidate(th, b, f, d);
    }
}
