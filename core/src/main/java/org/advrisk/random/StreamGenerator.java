package org.advrisk.random;

import java.util.SplittableRandom;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A commons-math3 {@link RandomGenerator} view of one keyed {@link SplittableRandom} stream, so that
 * commons-math samplers (gamma, chi-square) draw reproducible numbers from a (seed, trial, purpose,
 * block) key. Reseeding is refused: the key is the only seed.
 */
public final class StreamGenerator implements RandomGenerator {
    private final SplittableRandom r;

    /** Wraps the stream (it is consumed, not copied). */
    public StreamGenerator(SplittableRandom r) {
        this.r = r;
    }

    @Override
    public void setSeed(int seed) {
        throw new UnsupportedOperationException("keyed streams are seeded by their key only");
    }

    @Override
    public void setSeed(int[] seed) {
        throw new UnsupportedOperationException("keyed streams are seeded by their key only");
    }

    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("keyed streams are seeded by their key only");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        r.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return r.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return r.nextInt(n);
    }

    @Override
    public long nextLong() {
        return r.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return r.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return r.nextFloat();
    }

    @Override
    public double nextDouble() {
        return r.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return r.nextGaussian();
    }
}
