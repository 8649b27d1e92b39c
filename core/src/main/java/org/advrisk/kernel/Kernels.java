package org.advrisk.kernel;

import org.advrisk.linalg.Blas;

/** Gram and cross-kernel matrices: inner products by one gemm, then the kernel's elementwise map. */
public final class Kernels {
    private Kernels() {
    }

    /** Column norms ‖x_i‖ of a d×n column-major matrix. */
    public static double[] columnNorms(int d, int n, double[] x) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int off = i * d;
            for (int k = 0; k < d; k++) {
                s += x[off + k] * x[off + k];
            }
            out[i] = Math.sqrt(s);
        }
        return out;
    }

    /** The n×n Gram K_ij = k(x_i, x_j) of the columns of x (d×n), both triangles filled. */
    public static double[] gram(Kernel kernel, int d, int n, double[] x) {
        double[] g = new double[n * n];
        Blas.gemm(true, false, n, n, d, 1.0, x, x, 0.0, g);
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = Math.sqrt(Math.max(0, g[i + i * n]));
        }
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                g[i + j * n] = kernel.value(g[i + j * n], norms[i], norms[j]);
            }
        }
        Blas.symmetrizeLower(n, g);
        return g;
    }

    /** The n×count matrix K_it = k(z_t, x_i) between training columns x (d×n) and query columns z. */
    public static double[] cross(Kernel kernel, int d, int n, double[] x, double[] xNorms, int count, double[] z) {
        double[] g = new double[n * count];
        Blas.gemm(true, false, n, count, d, 1.0, x, z, 0.0, g);
        double[] zNorms = columnNorms(d, count, z);
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < n; i++) {
                int idx = i + t * n;
                g[idx] = kernel.value(g[idx], zNorms[t], xNorms[i]);
            }
        }
        return g;
    }
}
