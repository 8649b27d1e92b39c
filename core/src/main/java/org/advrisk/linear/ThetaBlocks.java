package org.advrisk.linear;

import org.advrisk.model.LinearProblem;

import org.advrisk.linalg.Blas;
import org.advrisk.random.Purpose;

/**
 * Receives the coordinates of θ̂ block by block (see {@link LinearPath#visitTheta}):
 * {@code values[j + k·len]} is coordinate {@code from + j} of θ̂ at the k-th parameter value.
 */
@FunctionalInterface
public interface ThetaBlocks {
    /** Coordinates [from, from + len) of every θ̂ of the visit. */
    void accept(long from, int len, double[] values);

    /** Coordinates per block of the default visit. */
    int BLOCK = 4096;

    /** Visits coordinates [0, h) of explicit vectors thetas[k] in blocks of {@link #BLOCK}. */
    static void ofArrays(double[][] thetas, long h, ThetaBlocks sink) {
        int l = thetas.length;
        for (long from = 0; from < h; from += BLOCK) {
            int len = (int) Math.min(BLOCK, h - from);
            double[] values = new double[len * l];
            for (int k = 0; k < l; k++) {
                System.arraycopy(thetas[k], (int) from, values, k * len, len);
            }
            sink.accept(from, len, values);
        }
    }

    /**
     * Rebuilds coordinates [0, h) of θ̂_k = Xᵀv_k (v: n×l, column-major) from the design streams of a sampled
     * training set, one feature block at a time (the blocks {@link GramSampler} streamed: a Wishart tail's
     * head included), without holding X.
     */
    static void stream(LinearProblem problem, long seed, long trial, double[] v, int l, long h, ThetaBlocks sink) {
        int n = problem.n();
        int width = FeatureBlocks.blockWidth(n);
        double[] z = new double[n * width];
        double[] lam = new double[width];
        for (long from = 0; from < h; from += width) {
            int len = (int) Math.min(width, h - from);
            FeatureBlocks.fillZ(problem.design(), seed, trial, Purpose.DESIGN, from, len, n, z);
            problem.spectrum().fill(from, lam, 0, len);
            double[] part = new double[len * l];
            Blas.gemm(true, false, len, l, n, 1.0, z, v, 0.0, part);
            for (int k = 0; k < l; k++) {
                for (int j = 0; j < len; j++) {
                    part[j + k * len] *= Math.sqrt(lam[j]);
                }
            }
            sink.accept(from, len, part);
        }
    }
}
