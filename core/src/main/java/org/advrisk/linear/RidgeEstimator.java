package org.advrisk.linear;

/**
 * Ridge regression as an {@link Estimator}: one eigendecomposition per training set serves every λ.
 * Sampled Gram statistics ({@link GramStats}, streamed or Wishart-tailed) give a {@link DualRidgePath};
 * an explicit design ({@link DesignData}, sampled or a user's centred table) gives a
 * {@link PrimalRidgePath} through XᵀX when p &lt; n and a {@link DualRidgePath} through XXᵀ when p ≥ n.
 *
 * @param threads worker threads for the n³ products and θ̂ rebuilding (results do not depend on it)
 */
public record RidgeEstimator(int threads) implements Estimator<TrainingData, RidgePath> {
    public RidgeEstimator {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " must be >= 1");
        }
    }

    @Override
    public RidgePath fit(TrainingData data) {
        if (data instanceof GramStats g) {
            return DualRidgePath.of(g, threads);
        }
        if (data instanceof DesignData d) {
            return d.p() < d.n() ? PrimalRidgePath.of(d) : DualRidgePath.of(d, threads);
        }
        throw new IllegalArgumentException("ridge: cannot fit on " + data.getClass().getSimpleName()
                + "; give GramStats or DesignData");
    }
}
