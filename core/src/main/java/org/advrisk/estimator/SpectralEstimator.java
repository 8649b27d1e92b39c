package org.advrisk.estimator;

import org.advrisk.linear.SpectralFamily;

/**
 * An estimator that is a spectral filter of the ridge path's one eigendecomposition: defining its
 * {@link SpectralFamily} (the filter g(s) at each parameter value, with its checks) is all it takes for
 * its rows to come from {@code advrisk linear}, spec runs (the synthetic dual and primal paths) and
 * {@code advrisk audit} (the table path). Its rows are the ridge rows' columns with {@code lambda} NaN,
 * {@code estimator} its name and its parameter in its column.
 */
public interface SpectralEstimator extends EstimatorKind {
    /** The filter family, given the values of its settings (by setting name; empty without settings). */
    SpectralFamily family(java.util.Map<String, Double> settings);

    @Override
    default Capabilities capabilities() {
        return Capabilities.SPECTRAL;
    }
}
