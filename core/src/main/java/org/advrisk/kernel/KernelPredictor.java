package org.advrisk.kernel;

import org.advrisk.attack.Predictor;
import org.advrisk.linalg.Blas;

/**
 * The kernel expansion f(z) = Σ_i c_i k(z, x_i) over training columns x (d×n), with its input
 * gradient ∇f(z) = X (c ∘ A(z)) + z Σ_i c_i B_i(z) (see {@link Kernel#gradientCoefficients}). A
 * batch of q query points costs two d×n×q products.
 */
public final class KernelPredictor implements Predictor {
    private final Kernel kernel;
    private final int d;
    private final int n;
    private final double[] x;
    private final double[] xNorms;
    private final double[] c;

    /** Keeps references to x and xNorms (not copied; callers must not modify them). */
    public KernelPredictor(Kernel kernel, int d, int n, double[] x, double[] xNorms, double[] c) {
        if (x.length != (long) d * n || xNorms.length != n || c.length != n) {
            throw new IllegalArgumentException("kernel predictor: arrays do not match d=" + d + ", n=" + n);
        }
        this.kernel = kernel;
        this.d = d;
        this.n = n;
        this.x = x;
        this.xNorms = xNorms;
        this.c = c.clone();
    }

    /** The coefficients c. */
    public double[] coefficients() {
        return c.clone();
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public void evaluate(int count, double[] z, double[] values, double[] grads) {
        double[] g = new double[n * count];
        Blas.gemm(true, false, n, count, d, 1.0, x, z, 0.0, g);
        double[] zNorms = Kernels.columnNorms(d, count, z);
        double[] ab = new double[2];
        double[] bSum = grads == null ? null : new double[count];
        for (int t = 0; t < count; t++) {
            double v = 0;
            double bs = 0;
            int off = t * n;
            for (int i = 0; i < n; i++) {
                double gi = g[off + i];
                v += c[i] * kernel.value(gi, zNorms[t], xNorms[i]);
                if (grads != null) {
                    kernel.gradientCoefficients(gi, zNorms[t], xNorms[i], ab);
                    g[off + i] = c[i] * ab[0];
                    bs += c[i] * ab[1];
                }
            }
            values[t] = v;
            if (bSum != null) {
                bSum[t] = bs;
            }
        }
        if (grads != null) {
            Blas.gemm(false, false, d, count, n, 1.0, x, g, 0.0, grads);
            for (int t = 0; t < count; t++) {
                int off = t * d;
                double b = bSum[t];
                for (int k = 0; k < d; k++) {
                    grads[off + k] += b * z[off + k];
                }
            }
        }
    }
}
