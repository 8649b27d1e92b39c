package org.advrisk.audit;

import org.advrisk.data.Rows;
import org.advrisk.data.Split;
import org.advrisk.data.TrainingStatistics;
import org.advrisk.linalg.Blas;

/**
 * One streaming pass over test rows that computes, for L models at once (the columns of a p×L
 * coefficient matrix in standardised units, intercept ȳ), the moments of the test residuals. Rows
 * are standardised with the training statistics and buffered in blocks; predictions are one BLAS
 * product per block. Optionally also averages ‖z‖_p over the training rows seen in the same pass
 * (for {@code --alpha-scale mean-norm}).
 */
public final class TestEvaluation {
    private static final int BLOCK_BYTES = 1 << 22;

    private TestEvaluation() {
    }

    /** The outcome: residual moments per model and the mean training ‖z‖_p per requested exponent. */
    public record Result(ResidualMoments[] moments, double[] meanTrainNorms, long trainRowsSeen) {
    }

    /**
     * Evaluates the models on the rows of {@code rows} that are test rows of {@code split}
     * (all rows when {@code allTest}); {@code normExponents} may be empty.
     */
    public static Result run(Rows rows, Split split, boolean allTest, TrainingStatistics st, double[] thetas, int models,
                             double[] normExponents) {
        return run(rows, split, allTest, st, thetas, null, models, normExponents);
    }

    /**
     * As {@link #run(Rows, Split, boolean, TrainingStatistics, double[], int, double[])}, with model l's
     * intercept {@code offsets[l]} in standardised units instead of ȳ (null: ȳ for every model).
     */
    public static Result run(Rows rows, Split split, boolean allTest, TrainingStatistics st, double[] thetas,
                             double[] offsets, int models, double[] normExponents) {
        Pass pass = new Pass(split, allTest, st, thetas, offsets, models, normExponents,
                org.advrisk.data.BlockPipeline.worthwhile());
        rows.forEach(pass);
        return pass.result();
    }

    /**
     * The running sums of one evaluation, fed row by row (by a pass of its own, or by one pass that feeds
     * several splits' evaluations); the same bits either way.
     */
    static final class Pass implements Rows.Visitor {
        private final Split split;
        private final boolean allTest;
        private final TrainingStatistics st;
        private final double[] thetas;
        private final double[] offsets;
        private final int models;
        private final double[] normExponents;
        private final int q;
        private final int block;
        private final org.advrisk.data.BlockPipeline pipeline;
        private double[] zb;
        private double[] yb;
        private final double[] pred;
        private final double[][] sums;
        private final long[] count = {0, 0};
        private final double[] z;
        private final double[] norms;
        private int fill;

        /** An evaluation of {@code models} models (see {@link TestEvaluation#run}). */
        Pass(Split split, boolean allTest, TrainingStatistics st, double[] thetas, double[] offsets, int models,
             double[] normExponents) {
            this(split, allTest, st, thetas, offsets, models, normExponents, false);
        }

        /**
         * With {@code overlap}, each full block's product and residual sums run on a thread of their own while the
         * next block is standardised (two buffers, the blocks in order: the same bits); {@link #result()} waits.
         */
        Pass(Split split, boolean allTest, TrainingStatistics st, double[] thetas, double[] offsets, int models,
             double[] normExponents, boolean overlap) {
            this.pipeline = overlap ? new org.advrisk.data.BlockPipeline("advrisk-test-pass") : null;
            this.split = split;
            this.allTest = allTest;
            this.st = st;
            this.thetas = thetas;
            this.offsets = offsets;
            this.models = models;
            this.normExponents = normExponents;
            this.q = st.p();
            this.block = Math.max(1, Math.min(2048, BLOCK_BYTES / (8 * Math.max(q, models))));
            this.zb = new double[q * block];
            this.yb = new double[block];
            this.pred = new double[models * block];
            this.sums = new double[4][models];
            this.z = new double[q];
            this.norms = new double[normExponents.length];
        }

        @Override
        public void row(int i, double[] x, double y) {
            boolean test = allTest || !split.train(i);
            if (test) {
                st.standardize(x, zb, fill * q);
                yb[fill] = y;
                count[0]++;
                if (++fill == block) {
                    full();
                }
            } else if (norms.length > 0) {
                st.standardize(x, z, 0);
                for (int k = 0; k < norms.length; k++) {
                    norms[k] += org.advrisk.attack.LinearWorstCase.norm(z, normExponents[k]);
                }
                count[1]++;
            }
        }

        /** Hands a full block on (to the pipeline, or evaluates it now) and starts the next one. */
        private void full() {
            if (pipeline == null) {
                evaluate(zb, yb, fill);
            } else {
                double[] z0 = zb;
                double[] y0 = yb;
                int b = fill;
                double[][] next = pipeline.handOn(new double[][] {z0, y0}, () -> evaluate(z0, y0, b));
                zb = next[0];
                yb = next[1];
            }
            fill = 0;
        }

        /** The residual sums of b standardised rows (on one thread at a time, in block order). */
        private void evaluate(double[] zb, double[] yb, int b) {
            if (b == 0) {
                return;
            }
            Blas.gemm(true, false, models, b, q, 1.0, thetas, zb, 0.0, pred);
            double[] s1 = sums[0]; // locals: the quick JIT (C1) does not hoist loads out of the loop
            double[] s2 = sums[1];
            double[] s3 = sums[2];
            double[] s4 = sums[3];
            double[] p = pred;
            double[] off = offsets;
            double yMean = st.yMean();
            int m = models;
            for (int t = 0; t < b; t++) {
                double yt = yb[t];
                for (int l = 0; l < m; l++) {
                    double r = Math.abs((off == null ? yMean : off[l]) + p[l + t * m] - yt);
                    double r2 = r * r;
                    s1[l] += r;
                    s2[l] += r2;
                    s3[l] += r2 * r;
                    s4[l] += r2 * r2;
                }
            }
        }

        /** The moments after the last row (call once). */
        Result result() {
            if (fill > 0) {
                full();
            }
            if (pipeline != null) {
                pipeline.finish();
            }
            ResidualMoments[] out = new ResidualMoments[models];
            for (int l = 0; l < models; l++) {
                out[l] = new ResidualMoments(count[0], sums[0][l], sums[1][l], sums[2][l], sums[3][l]);
            }
            if (count[1] > 0) {
                for (int k = 0; k < norms.length; k++) {
                    norms[k] /= count[1];
                }
            }
            return new Result(out, norms, count[1]);
        }
    }

    /** Mean ‖z‖_p over the training rows of a split (a pass of its own, for a separate test file). */
    public static double[] meanTrainNorms(Rows rows, Split split, TrainingStatistics st, double[] exponents) {
        double[] norms = new double[exponents.length];
        double[] z = new double[st.p()];
        long[] c = {0};
        rows.forEach((i, x, y) -> {
            if (!split.train(i)) {
                return;
            }
            st.standardize(x, z, 0);
            for (int k = 0; k < norms.length; k++) {
                norms[k] += org.advrisk.attack.LinearWorstCase.norm(z, exponents[k]);
            }
            c[0]++;
        });
        for (int k = 0; k < norms.length; k++) {
            norms[k] /= Math.max(1, c[0]);
        }
        return norms;
    }
}
