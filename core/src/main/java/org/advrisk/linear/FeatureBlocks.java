package org.advrisk.linear;

import java.util.SplittableRandom;
import org.advrisk.random.Distribution;
import org.advrisk.random.Purpose;
import org.advrisk.random.RandomStreams;

/**
 * Generates the standardised design z (and hence x = Σ^{1/2} z) one block of features at a time,
 * so the n×p design is never held. Features are grouped in chunks of {@link #CHUNK}; chunk c is
 * drawn from the stream (seed, trial, purpose, c) row by row, so the first n rows do not depend on
 * the total n (designs are nested across n) and any block can be regenerated on its own.
 */
public final class FeatureBlocks {
    /** Features per random stream. Block boundaries are always multiples of it. */
    public static final int CHUNK = 64;

    private FeatureBlocks() {
    }

    /**
     * Block width used for n rows: about 4 MiB of z per block, a multiple of {@link #CHUNK},
     * between 256 and 4096 features (wide enough for syrk to run at full speed).
     */
    public static int blockWidth(int n) {
        long target = Math.max((1L << 19) / Math.max(1, n), n);
        long w = Math.max(256, Math.min(4096, target));
        return (int) (w / CHUNK * CHUNK);
    }

    /**
     * Writes z for rows [0, rows) and features [from, from+len) into dst (rows×len, column-major).
     *
     * @param from first feature, a multiple of {@link #CHUNK}
     */
    public static void fillZ(Distribution design, long seed, long trial, Purpose purpose, long from, int len,
                             int rows, double[] dst) {
        if (from % CHUNK != 0) {
            throw new IllegalArgumentException("block start " + from + " is not a multiple of " + CHUNK);
        }
        double[] row = new double[CHUNK];
        for (int c0 = 0; c0 < len; c0 += CHUNK) {
            int width = Math.min(CHUNK, len - c0);
            SplittableRandom r = RandomStreams.stream(seed, trial, purpose, (from + c0) / CHUNK);
            for (int i = 0; i < rows; i++) {
                design.fill(r, row, 0, CHUNK);
                for (int j = 0; j < width; j++) {
                    dst[i + (c0 + j) * rows] = row[j];
                }
            }
        }
    }

    /** Scales column j of the rows×len matrix a by s[j]. */
    public static void scaleColumns(double[] a, int rows, int len, double[] s) {
        for (int j = 0; j < len; j++) {
            double f = s[j];
            int off = j * rows;
            for (int i = 0; i < rows; i++) {
                a[off + i] *= f;
            }
        }
    }

    /** Training noise ξ_0..ξ_{n−1} (nested across n). */
    public static double[] noise(Distribution noise, long seed, long trial, Purpose purpose, int n) {
        double[] out = new double[n];
        noise.fill(RandomStreams.stream(seed, trial, purpose, 0), out, 0, n);
        return out;
    }
}
