package org.advrisk.linear;

import java.util.Optional;

/**
 * The n×n statistics of one sampled training set that every ridge quantity needs (docs/architecture.md, "The path trick"):
 * K = XXᵀ, M = XΣXᵀ (both full, column-major), b = XΣθ*, Xθ* and y. Produced by {@link GramSampler}
 * (every feature streamed: θ̂ can be rebuilt from the source's streams) or {@link WishartTail} (the
 * constant tail drawn exactly: only l2 quantities exist).
 *
 * @param n        sample size
 * @param k        Gram matrix XXᵀ
 * @param m        XΣXᵀ
 * @param b        XΣθ*
 * @param xTheta   Xθ*
 * @param y        labels Xθ* + σξ
 * @param origin   the problem and stream key they were sampled from
 * @param streamed true when every feature was streamed (θ̂ rebuildable), false for a Wishart tail
 */
public record GramStats(int n, double[] k, double[] m, double[] b, double[] xTheta, double[] y,
                        SampleSource origin, boolean streamed) implements TrainingData {
    public GramStats {
        long nn = (long) n * n;
        if (k.length != nn || m.length != nn || b.length != n || xTheta.length != n || y.length != n) {
            throw new IllegalArgumentException("GramStats arrays do not match n=" + n);
        }
        if (origin == null || origin.problem().n() != n) {
            throw new IllegalArgumentException("GramStats: the source problem must have n=" + n);
        }
    }

    @Override
    public long p() {
        return origin.problem().p();
    }

    @Override
    public Optional<SampleSource> source() {
        return Optional.of(origin);
    }
}
