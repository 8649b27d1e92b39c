package org.advrisk.linear;

import org.advrisk.linalg.Blas;
import org.advrisk.linalg.SymmetricEigen;
import org.advrisk.random.OrderedParallel;

/**
 * The congruence UᵀMU of the dual path in fixed column blocks (bit-identical for any thread count), and
 * the one way the dual path runs order-free jobs on worker threads with BLAS single-threaded meanwhile.
 */
final class Congruence {
    private Congruence() {
    }

    /**
     * Column blocks of UᵀMU computed independently: a number depending on n only (never on threads), so
     * the result is bit-identical for any thread count while the n³ products run in parallel.
     */
    static int blocks(int n) {
        return n >= 1024 ? 8 : n >= 512 ? 4 : n >= 256 ? 2 : 1;
    }

    /** UᵀMU (M symmetric, full) by fixed column blocks: block j is Uᵀ(M·U[:, block j]). */
    static double[] of(SymmetricEigen e, double[] m, int threads) {
        int n = e.n();
        int blocks = blocks(n);
        if (blocks == 1) {
            return e.congruence(m);
        }
        double[] u = e.vectors();
        double[] out = new double[n * n];
        Runnable[] jobs = new Runnable[blocks];
        for (int b = 0; b < blocks; b++) {
            int c0 = (int) ((long) n * b / blocks);
            int c1 = (int) ((long) n * (b + 1) / blocks);
            jobs[b] = () -> {
                int w = c1 - c0;
                double[] ub = java.util.Arrays.copyOfRange(u, c0 * n, c1 * n);
                double[] mu = new double[n * w];
                Blas.gemm(false, false, n, w, n, 1.0, m, ub, 0.0, mu);
                double[] res = new double[n * w];
                Blas.gemm(true, false, n, w, n, 1.0, u, mu, 0.0, res);
                System.arraycopy(res, 0, out, c0 * n, n * w);
            };
        }
        runAll(jobs, Math.max(1, Math.min(threads, blocks)));
        return out;
    }

    /** Runs the jobs on up to {@code workers} threads (BLAS single-threaded meanwhile); order-free jobs only. */
    static void runAll(Runnable[] jobs, int workers) {
        int previous = workers > 1 ? Blas.threads(1) : 0;
        try {
            OrderedParallel.map(jobs.length, workers, i -> {
                jobs[i].run();
                return Boolean.TRUE;
            });
        } finally {
            if (previous > 0) {
                Blas.threads(previous);
            }
        }
    }
}
