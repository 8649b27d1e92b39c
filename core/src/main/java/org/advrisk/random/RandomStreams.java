package org.advrisk.random;

import java.util.SplittableRandom;

/**
 * Factory of independent, reproducible random streams. A stream is determined by its key
 * (seed, trial, purpose, block) alone, never by the thread that draws it or by the order in which
 * streams are created, so results are bit-identical for any thread count.
 *
 * <p>The key is hashed with the SplitMix64 finaliser into the seed of a {@link SplittableRandom}
 * (itself SplitMix64-based); Gaussians come from its {@code nextGaussian} (a ziggurat-type method).
 */
public final class RandomStreams {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private RandomStreams() {
    }

    /** The stream for one key. */
    public static SplittableRandom stream(long seed, long trial, Purpose purpose, long block) {
        long h = mix(seed ^ 0x5DEECE66DL);
        h = mix(h + GOLDEN * (trial + 1));
        h = mix(h + GOLDEN * (purpose.ordinal() + 1L) * 0x1000193L);
        h = mix(h + GOLDEN * (block + 7));
        return new SplittableRandom(h);
    }

    /** SplitMix64 finaliser (Stafford variant 13): a bijective 64-bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Fills out[from, to) with independent standard normal draws. */
    public static void fillGaussian(SplittableRandom r, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = r.nextGaussian();
        }
    }

    /** Fills out[from, to) with independent ±1 draws (Rademacher). */
    public static void fillRademacher(SplittableRandom r, double[] out, int from, int to) {
        int i = from;
        while (i < to) {
            long bits = r.nextLong();
            int take = Math.min(64, to - i);
            for (int k = 0; k < take; k++) {
                out[i++] = ((bits >>> k) & 1L) == 0 ? 1.0 : -1.0;
            }
        }
    }
}
