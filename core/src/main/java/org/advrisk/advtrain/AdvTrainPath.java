package org.advrisk.advtrain;

import java.util.List;
import org.advrisk.model.AttackNorm;

/**
 * Adversarial training along a list of budgets δ on one training set.
 *
 * @param attack     the training attack (l2 trains with ‖θ‖₂, linf with ‖θ‖₁)
 * @param thresholds δ₀ and δ̄ of this training set
 * @param fits       one fit per requested δ, in the order requested
 */
public record AdvTrainPath(AttackNorm attack, AdvTrainThresholds thresholds, List<AdvTrainFit> fits) {
    public AdvTrainPath {
        fits = List.copyOf(fits);
    }
}
