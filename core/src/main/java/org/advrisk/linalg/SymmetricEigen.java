package org.advrisk.linalg;

/**
 * Eigendecomposition A = U·diag(values)·Uᵀ of a symmetric n×n matrix.
 *
 * @param n       the order
 * @param values  eigenvalues in ascending order
 * @param vectors orthonormal eigenvectors as the columns of an n×n column-major matrix
 */
public record SymmetricEigen(int n, double[] values, double[] vectors) {
    public SymmetricEigen {
        if (values.length != n || vectors.length != (long) n * n) {
            throw new IllegalArgumentException("eigen arrays do not match order n=" + n);
        }
    }

    /** Decomposes a copy of the symmetric matrix a (lower triangle read); a is left untouched. */
    public static SymmetricEigen of(int n, double[] a) {
        double[] u = a.clone();
        double[] w = Blas.syevdInPlace(n, u);
        return new SymmetricEigen(n, w, u);
    }

    /** Decomposes a in place: a becomes the eigenvector matrix (saves an n×n copy). */
    public static SymmetricEigen ofInPlace(int n, double[] a) {
        double[] w = Blas.syevdInPlace(n, a);
        return new SymmetricEigen(n, w, a);
    }

    /** Uᵀ·x for a vector x of length n. */
    public double[] project(double[] x) {
        double[] out = new double[n];
        Blas.gemv(true, n, n, 1.0, vectors, x, 0.0, out);
        return out;
    }

    /** U·c for a vector c of length n (back from the eigenbasis). */
    public double[] expand(double[] c) {
        double[] out = new double[n];
        Blas.gemv(false, n, n, 1.0, vectors, c, 0.0, out);
        return out;
    }

    /** Uᵀ·S·U for a symmetric n×n matrix s (both triangles filled), returned full. */
    public double[] congruence(double[] s) {
        double[] tmp = new double[n * n];
        Blas.gemm(false, false, n, n, n, 1.0, s, vectors, 0.0, tmp);
        double[] out = new double[n * n];
        Blas.gemm(true, false, n, n, n, 1.0, vectors, tmp, 0.0, out);
        return out;
    }

    /** Largest eigenvalue. */
    public double max() {
        return n == 0 ? 0.0 : values[n - 1];
    }

    /** Smallest eigenvalue. */
    public double min() {
        return n == 0 ? 0.0 : values[0];
    }
}
