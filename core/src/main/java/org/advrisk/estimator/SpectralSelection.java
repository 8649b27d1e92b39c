package org.advrisk.estimator;

import java.util.Map;

/**
 * A spectral estimator asked for by a door: the kind, its parameter values and its settings' values.
 *
 * @param kind     the estimator
 * @param values   its path parameter's values, in order
 * @param settings its settings' values by name (empty without settings)
 */
public record SpectralSelection(SpectralEstimator kind, double[] values, Map<String, Double> settings) {
    public SpectralSelection {
        values = values.clone();
        settings = Map.copyOf(settings);
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
