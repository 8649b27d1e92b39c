package org.advrisk.data;

import org.advrisk.linalg.Blas;

/**
 * The running primal sums of one split's training rows (see {@link GramAccumulator}): rows shifted by
 * the split's first training row s are buffered in blocks of a size that depends on p only, and each
 * full block is added into Σ(x − s)(x − s)ᵀ and Σ(x − s)(y − s_y) by BLAS, in row order. The result is
 * the same bits however the rows reach it (one pass per split, or one pass feeding every split).
 */
final class PrimalSums implements Rows.Visitor {
    private static final int BLOCK_BYTES = 1 << 22;

    final Split split;
    final int p;
    private final int block;
    private final BlockPipeline pipeline;
    private double[] buf;
    private double[] yb;
    final double[] s;
    final double[] sum;
    final double[] sxy;
    final double[] gram;
    /** Shift of y, Σ(y − sy), Σ(y − sy)², count. */
    final double[] scal = new double[4];
    private int fill;
    private boolean first = true;

    PrimalSums(int p, Split split) {
        this(p, split, false);
    }

    /**
     * With {@code overlap}, each full block's BLAS calls run on a thread of their own while the next block is
     * filled (two buffers, the calls in the same order: the same bits); the visiting thread must then call
     * {@link #flush()} at the end, which waits for them.
     */
    PrimalSums(int p, Split split, boolean overlap) {
        this.split = split;
        this.p = p;
        this.block = block(p);
        this.pipeline = overlap ? new BlockPipeline("advrisk-gram") : null;
        this.buf = new double[p * block];
        this.yb = new double[block];
        this.s = new double[p];
        this.sum = new double[p];
        this.sxy = new double[p];
        this.gram = new double[p * p];
    }

    /** Rows per buffered block for p features. */
    static int block(int p) {
        return Math.max(1, Math.min(4096, BLOCK_BYTES / (8 * p)));
    }

    /** Bytes one accumulator holds for p features. */
    static long bytes(int p) {
        return 8L * ((long) (p + 1) * block(p) + (long) p * p + 3L * p);
    }

    @Override
    public void row(int index, double[] x, double y) {
        if (!split.train(index)) {
            return;
        }
        if (first) {
            System.arraycopy(x, 0, s, 0, p);
            scal[0] = y;
            first = false;
        }
        int off = fill * p;
        double[] shift = s; // locals: the quick JIT (C1) does not hoist field loads out of the loop
        double[] into = buf;
        double[] total = sum;
        for (int j = 0, n = p; j < n; j++) {
            double d = x[j] - shift[j];
            into[off + j] = d;
            total[j] += d;
        }
        double dy = y - scal[0];
        yb[fill] = dy;
        scal[1] += dy;
        scal[2] += dy * dy;
        scal[3]++;
        if (++fill == block) {
            full();
        }
    }

    /** Adds the rows still buffered; call once after the last row. */
    void flush() {
        if (fill > 0) {
            full();
        }
        if (pipeline != null) {
            pipeline.finish();
        }
    }

    /** Hands a full block on (to the pipeline, or adds it now) and starts the next one. */
    private void full() {
        if (pipeline == null) {
            add(buf, yb, fill);
        } else {
            double[] b = buf;
            double[] y = yb;
            int n = fill;
            double[][] next = pipeline.handOn(new double[][] {b, y}, () -> add(b, y, n));
            buf = next[0];
            yb = next[1];
        }
        fill = 0;
    }

    private void add(double[] b, double[] y, int n) {
        if (n > 0) {
            Blas.syrkLower(p, n, 1.0, b, 1.0, gram);
            Blas.gemv(false, p, n, 1.0, b, y, 1.0, sxy);
        }
    }
}
