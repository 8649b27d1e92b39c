package org.advrisk.kernel;

/**
 * Training inputs of a kernel estimator: n points as the columns of a d×n column-major matrix and
 * their responses.
 *
 * @param d input dimension
 * @param n number of points
 * @param x the points (d·n numbers)
 * @param y the responses (n numbers)
 */
public record KernelData(int d, int n, double[] x, double[] y) {
    public KernelData {
        if (d < 1 || n < 1) {
            throw new IllegalArgumentException("kernel ridge: need d >= 1 and n >= 1, got d=" + d + ", n=" + n);
        }
        if (x.length != (long) d * n || y.length != n) {
            throw new IllegalArgumentException("kernel ridge: arrays do not match d=" + d + ", n=" + n);
        }
    }
}
