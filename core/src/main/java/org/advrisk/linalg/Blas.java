package org.advrisk.linalg;

import org.bytedeco.openblas.global.openblas;

/**
 * Dense BLAS/LAPACK operations on column-major {@code double[]} matrices, named after the shape of
 * the work they do. This class is the only place in advrisk that imports the BLAS library.
 *
 * <p>Every native call is counted by {@link NativeGate}: at shutdown (Ctrl-C, SIGTERM) the JVM
 * waits for the calls under way to return and starts no new one, so OpenBLAS's buffers are never
 * released under a running call.
 *
 * <p>Thread policy: OpenBLAS threads are a process-wide setting. {@link #threads(int)} sets it;
 * callers that are themselves parallel run BLAS with one thread to avoid oversubscription.
 */
public final class Blas {
    private static final int COL = openblas.CblasColMajor;
    private static final int LOWER = openblas.CblasLower;
    private static final int NO_TRANS = openblas.CblasNoTrans;
    private static final int TRANS = openblas.CblasTrans;

    static {
        // Deterministic default: single-threaded until a caller asks for more.
        openblas.blas_set_num_threads(1);
    }

    private Blas() {
    }

    /** Sets the number of BLAS threads for the whole process and returns the previous value. */
    public static synchronized int threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("BLAS threads must be >= 1, got " + count);
        }
        int previous = openblas.blas_get_num_threads();
        NativeGate.BLAS.enter();
        try {
            openblas.blas_set_num_threads(count);
        } finally {
            NativeGate.BLAS.leave();
        }
        return previous;
    }

    /** The current number of BLAS threads. */
    public static int threads() {
        return openblas.blas_get_num_threads();
    }

    /** OpenBLAS version and thread setting, for manifests and benchmarks. */
    public static String config() {
        return openblas.OPENBLAS_VERSION.trim() + " via bytedeco javacpp, threads=" + threads();
    }

    /**
     * Rank-k update of the lower triangle: C(n×n) = beta·C + alpha·A·Aᵀ, A is n×k column-major.
     * Only the lower triangle of C is written; call {@link #symmetrizeLower} before using both.
     */
    public static void syrkLower(int n, int k, double alpha, double[] a, double beta, double[] c) {
        if (k == 0) {
            if (beta != 1.0) {
                for (int j = 0; j < n; j++) {
                    for (int i = j; i < n; i++) {
                        c[i + j * n] *= beta;
                    }
                }
            }
            return;
        }
        NativeGate.BLAS.enter();
        try {
            openblas.cblas_dsyrk(COL, LOWER, NO_TRANS, n, k, alpha, a, n, beta, c, n);
        } finally {
            NativeGate.BLAS.leave();
        }
    }

    /**
     * Transposed rank-k update of the lower triangle: C(k×k) = beta·C + alpha·Aᵀ·A, A is n×k
     * column-major (the p×p covariance XᵀX of an n×p design).
     */
    public static void syrkLowerTrans(int n, int k, double alpha, double[] a, double beta, double[] c) {
        if (k == 0) {
            return;
        }
        NativeGate.BLAS.enter();
        try {
            openblas.cblas_dsyrk(COL, LOWER, TRANS, k, n, alpha, a, Math.max(1, n), beta, c, k);
        } finally {
            NativeGate.BLAS.leave();
        }
    }

    /** Copies the lower triangle of the n×n column-major matrix c onto its upper triangle. */
    public static void symmetrizeLower(int n, double[] c) {
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                c[j + i * n] = c[i + j * n];
            }
        }
    }

    /**
     * General product C(m×n) = beta·C + alpha·op(A)·op(B), column-major, op = transpose when the flag
     * is set. A is stored m×k (or k×m when transposed), B is k×n (or n×k when transposed).
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, double[] b, double beta, double[] c) {
        if (m == 0 || n == 0) {
            return;
        }
        int lda = Math.max(1, transA ? k : m);
        int ldb = Math.max(1, transB ? n : k);
        NativeGate.BLAS.enter();
        try {
            openblas.cblas_dgemm(COL, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                    alpha, a, lda, b, ldb, beta, c, Math.max(1, m));
        } finally {
            NativeGate.BLAS.leave();
        }
    }

    /** Matrix–vector product y = beta·y + alpha·op(A)·x with A stored m×n column-major. */
    public static void gemv(boolean transA, int m, int n, double alpha, double[] a, double[] x,
                            double beta, double[] y) {
        if (m == 0 || n == 0) {
            if (beta != 1.0) {
                int len = transA ? n : m;
                for (int i = 0; i < len; i++) {
                    y[i] *= beta;
                }
            }
            return;
        }
        NativeGate.BLAS.enter();
        try {
            openblas.cblas_dgemv(COL, transA ? TRANS : NO_TRANS, m, n, alpha, a, Math.max(1, m), x, 1, beta, y, 1);
        } finally {
            NativeGate.BLAS.leave();
        }
    }

    /**
     * Symmetric eigendecomposition by LAPACK dsyevd (divide and conquer) of the n×n matrix a
     * (lower triangle read). On return a holds the orthonormal eigenvectors as columns and the
     * returned array the eigenvalues in ascending order.
     */
    public static double[] syevdInPlace(int n, double[] a) {
        return dsyevd((byte) 'V', n, a);
    }

    /**
     * Eigenvalues only (ascending) of the symmetric n×n matrix a (lower triangle read) by LAPACK
     * dsyevd without vectors; a is destroyed. Much cheaper than {@link #syevdInPlace} for large n.
     */
    public static double[] eigenvaluesInPlace(int n, double[] a) {
        return dsyevd((byte) 'N', n, a);
    }

    /** LAPACK dsyevd (lower triangle) with jobz 'V' (vectors into a) or 'N' (values only). */
    private static double[] dsyevd(byte jobz, int n, double[] a) {
        double[] w = new double[n];
        if (n == 0) {
            return w;
        }
        int info;
        NativeGate.BLAS.enter();
        try {
            info = openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, jobz, (byte) 'L', n, a, n, w);
        } finally {
            NativeGate.BLAS.leave();
        }
        if (info != 0) {
            throw new ArithmeticException("LAPACK dsyevd failed to converge (info=" + info + ", n=" + n + ")");
        }
        return w;
    }

    /**
     * Cholesky factorisation (lower) in place of the n×n symmetric matrix a.
     *
     * @return true when a was positive definite; false leaves a partly overwritten
     */
    public static boolean potrfLowerInPlace(int n, double[] a) {
        int info;
        NativeGate.BLAS.enter();
        try {
            info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, a, n);
        } finally {
            NativeGate.BLAS.leave();
        }
        if (info < 0) {
            throw new IllegalStateException("LAPACK dpotrf argument " + (-info) + " invalid");
        }
        return info == 0;
    }

    /** Solves A·X = B in place of b (n×nrhs) given the lower Cholesky factor from {@link #potrfLowerInPlace}. */
    public static void potrsLower(int n, int nrhs, double[] factor, double[] b) {
        int info;
        NativeGate.BLAS.enter();
        try {
            info = openblas.LAPACKE_dpotrs(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, nrhs, factor, n, b, n);
        } finally {
            NativeGate.BLAS.leave();
        }
        if (info != 0) {
            throw new IllegalStateException("LAPACK dpotrs failed (info=" + info + ")");
        }
    }
}
