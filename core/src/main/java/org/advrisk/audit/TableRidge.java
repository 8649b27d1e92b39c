package org.advrisk.audit;

import org.advrisk.data.TrainingStatistics;
import org.advrisk.linear.Estimator;

/**
 * Ridge with an intercept on a user's table, as an {@link Estimator}: fitted on the centred (and
 * standardised) training statistics a streamed table leaves behind (ZᵀZ when p &lt; n, Z when p ≥ n),
 * never on the raw table, so 10⁶ rows never sit in memory. One eigendecomposition serves every λ.
 */
public record TableRidge() implements Estimator<TrainingStatistics, TableRidgePath> {
    @Override
    public TableRidgePath fit(TrainingStatistics data) {
        return TableRidgePath.fit(data);
    }
}
