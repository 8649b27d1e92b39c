package org.advrisk.linear;

import java.io.Serializable;

/**
 * The partial Gram statistics of one chunk of consecutive feature blocks (see
 * {@link GramSampler#chunk}): the lower triangles of K and M (column-major, n×n) and the n-vectors
 * XΣθ* and Xθ*. A value that crosses JVMs (it is {@link Serializable}); chunks of a training set are
 * added in chunk order with {@link Sum}, whatever computed them, so every engine gives the same bits.
 *
 * @param n      sample size
 * @param chunk  the chunk index
 * @param k      lower triangle of the chunk's XXᵀ (upper part zero)
 * @param m      lower triangle of the chunk's XΣXᵀ (upper part zero)
 * @param b      the chunk's XΣθ*
 * @param xTheta the chunk's Xθ*
 */
public record GramChunk(int n, long chunk, double[] k, double[] m, double[] b, double[] xTheta) implements Serializable {
    private static final long serialVersionUID = 1L;

    public GramChunk {
        long nn = (long) n * n;
        if (n < 1 || k.length != nn || m.length != nn || b.length != n || xTheta.length != n) {
            throw new IllegalArgumentException("GramChunk arrays do not match n=" + n);
        }
    }

    /** Zero statistics for n samples (chunk index −1: nothing added yet). */
    static GramChunk zero(int n) {
        return new GramChunk(n, -1, new double[n * n], new double[n * n], new double[n], new double[n]);
    }

    /**
     * The running sum of a training set's chunks, which must arrive in chunk order 0, 1, 2, …: the
     * first chunk is copied, each next one added element by element. The one way chunk sums are
     * combined, locally and on a cluster.
     */
    public static final class Sum {
        private final int n;
        private GramChunk total;
        private long next;

        /** An empty sum for n samples. */
        public Sum(int n) {
            this.n = n;
        }

        /** Adds the next chunk; refuses one out of order (that would change the bits). */
        public void add(GramChunk c) {
            if (c.n() != n || c.chunk() != next) {
                throw new IllegalStateException("chunk " + c.chunk() + " (n=" + c.n() + ") arrived where chunk " + next
                        + " (n=" + n + ") was expected");
            }
            if (total == null) {
                total = new GramChunk(n, c.chunk(), c.k().clone(), c.m().clone(), c.b().clone(), c.xTheta().clone());
            } else {
                addInto(total.k(), c.k());
                addInto(total.m(), c.m());
                addInto(total.b(), c.b());
                addInto(total.xTheta(), c.xTheta());
            }
            next++;
        }

        /** Chunks added so far. */
        public long count() {
            return next;
        }

        /** The sum (zero statistics when no chunk was added). */
        public GramChunk total() {
            return total == null ? zero(n) : total;
        }

        private static void addInto(double[] dst, double[] src) {
            for (int i = 0; i < dst.length; i++) {
                dst[i] += src[i];
            }
        }
    }
}
