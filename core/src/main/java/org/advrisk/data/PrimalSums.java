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
    private final double[] buf;
    private final double[] yb;
    final double[] s;
    final double[] sum;
    final double[] sxy;
    final double[] gram;
    /** Shift of y, Σ(y − sy), Σ(y − sy)², count. */
    final double[] scal = new double[4];
    private int fill;
    private boolean first = true;

    PrimalSums(int p, Split split) {
        this.split = split;
        this.p = p;
        this.block = block(p);
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
        for (int j = 0; j < p; j++) {
            double d = x[j] - s[j];
            buf[off + j] = d;
            sum[j] += d;
        }
        double dy = y - scal[0];
        yb[fill] = dy;
        scal[1] += dy;
        scal[2] += dy * dy;
        scal[3]++;
        if (++fill == block) {
            flush();
        }
    }

    /** Adds the rows still buffered; call once after the last row. */
    void flush() {
        if (fill > 0) {
            Blas.syrkLower(p, fill, 1.0, buf, 1.0, gram);
            Blas.gemv(false, p, fill, 1.0, buf, yb, 1.0, sxy);
            fill = 0;
        }
    }
}
