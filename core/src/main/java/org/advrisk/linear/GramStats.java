package org.advrisk.linear;

/**
 * The n×n statistics of one training set that every ridge quantity needs (DESIGN.md §3):
 * K = XXᵀ, M = XΣXᵀ (both full, column-major), b = XΣθ*, Xθ* and y.
 *
 * @param n      sample size
 * @param k      Gram matrix XXᵀ
 * @param m      XΣXᵀ
 * @param b      XΣθ*
 * @param xTheta Xθ*
 * @param y      labels Xθ* + σξ
 */
public record GramStats(int n, double[] k, double[] m, double[] b, double[] xTheta, double[] y) {
    public GramStats {
        long nn = (long) n * n;
        if (k.length != nn || m.length != nn || b.length != n || xTheta.length != n || y.length != n) {
            throw new IllegalArgumentException("GramStats arrays do not match n=" + n);
        }
    }
}
