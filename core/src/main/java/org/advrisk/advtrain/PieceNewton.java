package org.advrisk.advtrain;

import java.util.Arrays;
import org.advrisk.linalg.Blas;

/**
 * One Newton step of l2 adversarial training on a smooth piece (reduced coordinates, see
 * {@link ReducedDesign}). With Z a set of residuals held at 0 and the signs s of the others fixed,
 * nF = Σ_{i∉Z} (s_i r_i + δt)² + |Z|δ²t², t = ‖u‖₂, is smooth and convex; its Newton step subject to the
 * linearised r_Z = 0 is one KKT solve [H M̃_Zᵀ; M̃_Z 0](Δ, λ) = (−g, r_Z). With a_i = s_i r_i + δt,
 * S = Σ_{i∉Z} a_i + |Z|δt, q̃ = (u/t, 0) and c = Σ_{i∉Z} s_i m̃_i, half the gradient and Hessian are
 * g = −Σ_{i∉Z} a_i s_i m̃_i + δS q̃ and
 * H = Σ_{i∉Z} m̃_i m̃_iᵀ − δ(c q̃ᵀ + q̃ cᵀ) + nδ² q̃q̃ᵀ + (δS/t)(Ĩ − q̃q̃ᵀ), Ĩ the identity on u.
 * At the piece's minimum g + M̃_Zᵀλ = 0, i.e. w = (a_i s_i off Z, −λ on Z) satisfies the optimality
 * conditions Xᵀw = δS θ/t (and 1ᵀw = 0), the dual vector of the certificate.
 */
final class PieceNewton {
    /** Largest number of unknowns (m + |Z|) attempted. */
    static final int MAX_SIZE = 6000;

    private PieceNewton() {
    }

    /**
     * A Newton direction: the step Δ of the unknowns (u, b), the change M̃Δ of the fit at every row
     * (residuals move by −M̃Δ) and the multipliers λ of Z (in row order).
     */
    record Direction(double[] du, double[] dr, double[] lambda) {
    }

    /**
     * The direction at (u, r = y − b − Mu, t = ‖u‖) on the piece (zero, sign); null when Z has more rows
     * than unknowns, no row is off Z, or the system is too large. Throws ArithmeticException when the
     * system is singular (dependent rows in Z).
     */
    static Direction direction(ReducedDesign rd, double[] u, double[] r, double t, double delta, boolean[] zero,
                               double[] sign) {
        int n = rd.n();
        int k = rd.k();
        int m = rd.m();
        int nz = 0;
        for (boolean z : zero) {
            nz += z ? 1 : 0;
        }
        int nn = n - nz;
        if (nz > m || nn == 0 || m + nz > MAX_SIZE) {
            return null;
        }
        int[] rowsN = new int[nn];
        int[] rowsZ = new int[nz];
        int a1 = 0;
        int a2 = 0;
        for (int i = 0; i < n; i++) {
            if (zero[i]) {
                rowsZ[a2++] = i;
            } else {
                rowsN[a1++] = i;
            }
        }
        double[] an = rd.rows(rowsN);
        double[] az = rd.rows(rowsZ);
        double[] sgn = new double[nn];
        double[] as = new double[nn];
        double sum = nz * delta * t;
        for (int a = 0; a < nn; a++) {
            int i = rowsN[a];
            sgn[a] = sign[i];
            double ai = sgn[a] * r[i] + delta * t;
            sum += ai;
            as[a] = ai * sgn[a];
        }
        double[] h = new double[m * m];
        Blas.syrkLowerTrans(nn, m, 1.0, an, 0.0, h);
        Blas.symmetrizeLower(m, h);
        double[] c = new double[m];
        Blas.gemv(true, nn, m, 1.0, an, sgn, 0.0, c);
        double[] g = new double[m];
        Blas.gemv(true, nn, m, -1.0, an, as, 0.0, g);
        double[] qv = new double[m];
        for (int j = 0; j < k; j++) {
            qv[j] = u[j] / t;
        }
        double curv = delta * sum / t;
        for (int j = 0; j < m; j++) {
            g[j] += delta * sum * qv[j];
            for (int l = 0; l < m; l++) {
                h[j + l * m] += -delta * (c[j] * qv[l] + qv[j] * c[l]) + (n * delta * delta - curv) * qv[j] * qv[l];
            }
            if (j < k) {
                h[j + j * m] += curv;
            }
        }
        // Δ = −H⁻¹(g + M̃_Zᵀλ), (M̃_Z H⁻¹ M̃_Zᵀ)λ = −M̃_Z H⁻¹g − r_Z.
        double[] rhs = new double[m * (1 + nz)];
        System.arraycopy(g, 0, rhs, 0, m);
        for (int z = 0; z < nz; z++) {
            for (int j = 0; j < m; j++) {
                rhs[j + (1 + z) * m] = az[z + j * nz];
            }
        }
        WeightedRidge.cholSolve(m, h, rhs, 1 + nz);
        double[] hg = Arrays.copyOf(rhs, m);
        double[] lambda = new double[nz];
        double[] du = new double[m];
        if (nz > 0) {
            double[] hiAzT = Arrays.copyOfRange(rhs, m, m * (1 + nz));
            double[] sch = new double[nz * nz];
            Blas.gemm(false, false, nz, nz, m, 1.0, az, hiAzT, 0.0, sch);
            double[] lr = new double[nz];
            Blas.gemv(false, nz, m, -1.0, az, hg, 0.0, lr);
            for (int z = 0; z < nz; z++) {
                lr[z] -= r[rowsZ[z]];
            }
            WeightedRidge.cholSolve(nz, sch, lr, 1);
            lambda = lr;
            Blas.gemv(false, m, nz, -1.0, hiAzT, lambda, 0.0, du);
        }
        for (int j = 0; j < m; j++) {
            du[j] -= hg[j];
        }
        return new Direction(du, rd.fit(du), lambda);
    }
}
