package org.advrisk.linalg;

import java.util.function.Supplier;

/**
 * The one Cholesky helper: solves symmetric positive definite systems A·X = B through LAPACK's
 * {@code dpotrf}/{@code dpotrs} (lower factor), either refusing a matrix that is not positive definite
 * ({@link #solveInPlace}, {@link #factor}) or, where a positive definite matrix may fail by rounding,
 * retrying once with 1e-13·(mean diagonal) added to its diagonal ({@link #factorWithJitter},
 * {@link #solveWithJitter}). Used by adversarial training's intercept and weighted-ridge solves and the
 * NTK's linear ridge reference.
 */
public final class Cholesky {
    private Cholesky() {
    }

    /** The lower factor of a (a is untouched), or null when a is not positive definite. */
    public static double[] factor(int n, double[] a) {
        double[] f = a.clone();
        return Blas.potrfLowerInPlace(n, f) ? f : null;
    }

    /**
     * Factors a in place and solves a·x = b (nrhs columns) in place of b; false (b untouched) when a is not
     * positive definite.
     */
    public static boolean solveInPlace(int n, double[] a, double[] b, int nrhs) {
        if (!Blas.potrfLowerInPlace(n, a)) {
            return false;
        }
        Blas.potrsLower(n, nrhs, a, b);
        return true;
    }

    /**
     * The lower factor of a; when a is not positive definite by rounding, a's diagonal gets the jitter
     * ({@link #jitter}, in place) and it is factored again; still not: {@link ArithmeticException} with the message.
     */
    public static double[] factorWithJitter(int n, double[] a, Supplier<String> failure) {
        double[] f = factor(n, a);
        if (f == null) {
            jitter(n, a);
            f = factor(n, a);
            if (f == null) {
                throw new ArithmeticException(failure.get());
            }
        }
        return f;
    }

    /** Solves a·x = rhs (nrhs columns) in place of rhs, with {@link #factorWithJitter}'s one retry. */
    public static void solveWithJitter(int n, double[] a, double[] rhs, int nrhs, Supplier<String> failure) {
        Blas.potrsLower(n, nrhs, factorWithJitter(n, a, failure), rhs);
    }

    /** Adds 1e-13·(mean diagonal) to the diagonal of the n×n matrix a (only when a Cholesky failed by rounding). */
    public static void jitter(int n, double[] a) {
        double tr = 0;
        for (int i = 0; i < n; i++) {
            tr += a[i + i * n];
        }
        double e = 1e-13 * Math.max(tr / n, Double.MIN_NORMAL);
        for (int i = 0; i < n; i++) {
            a[i + i * n] += e;
        }
    }
}
