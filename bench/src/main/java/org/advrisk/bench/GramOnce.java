package org.advrisk.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.advrisk.linalg.Blas;
import org.advrisk.linalg.SymmetricEigen;

/**
 * One round of the interleaved Gram / eigendecomposition comparison (bench/micro/pair.sh): draws an
 * n×p standard normal X, then times {@code syrkLower + symmetrizeLower} (XXᵀ) and {@code dsyevd} of
 * XXᵀ, best of REPS after one warm-up. Args: n p threads reps.
 */
public final class GramOnce {
    private GramOnce() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int p = Integer.parseInt(args[1]);
        Blas.threads(Integer.parseInt(args[2]));
        int reps = Integer.parseInt(args[3]);
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] c = new double[n * n];
        double gram = Double.MAX_VALUE;
        double eig = Double.MAX_VALUE;
        for (int k = 0; k <= reps; k++) {
            long t0 = System.nanoTime();
            Blas.syrkLower(n, p, 1.0, x, 0.0, c);
            Blas.symmetrizeLower(n, c);
            long t1 = System.nanoTime();
            SymmetricEigen.of(n, c);
            long t2 = System.nanoTime();
            if (k > 0) {
                gram = Math.min(gram, (t1 - t0) / 1e6);
                eig = Math.min(eig, (t2 - t1) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "{\"tool\": \"advrisk\", \"threads\": %s, \"gram_ms\": %.1f, \"eigen_ms\": %.1f}%n",
                args[2], gram, eig);
    }
}
