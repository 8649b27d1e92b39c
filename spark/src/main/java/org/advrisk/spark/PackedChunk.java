package org.advrisk.spark;

import java.io.Serializable;
import org.advrisk.linear.GramChunk;

/**
 * A {@link GramChunk} on the wire: only the lower triangles of K and M (the upper parts are zero),
 * which halves what an executor sends. Packing copies values, so the unpacked chunk has the same bits.
 *
 * @param n      sample size
 * @param chunk  the chunk index
 * @param k      lower triangle of K, column by column
 * @param m      lower triangle of M, column by column
 * @param b      XΣθ* of the chunk
 * @param xTheta Xθ* of the chunk
 */
record PackedChunk(int n, long chunk, double[] k, double[] m, double[] b, double[] xTheta) implements Serializable {

    /** Packs a chunk. */
    static PackedChunk of(GramChunk c) {
        return new PackedChunk(c.n(), c.chunk(), pack(c.k(), c.n()), pack(c.m(), c.n()), c.b(), c.xTheta());
    }

    /** The chunk with full n×n arrays (upper parts zero). */
    GramChunk unpack() {
        return new GramChunk(n, chunk, unpack(k, n), unpack(m, n), b, xTheta);
    }

    private static double[] pack(double[] full, int n) {
        double[] out = new double[(int) ((long) n * (n + 1) / 2)];
        int o = 0;
        for (int j = 0; j < n; j++) {
            int len = n - j;
            System.arraycopy(full, j * n + j, out, o, len);
            o += len;
        }
        return out;
    }

    private static double[] unpack(double[] packed, int n) {
        double[] out = new double[n * n];
        int o = 0;
        for (int j = 0; j < n; j++) {
            int len = n - j;
            System.arraycopy(packed, o, out, j * n + j, len);
            o += len;
        }
        return out;
    }
}
