package org.advrisk.audit;

import java.util.List;
import java.util.Map;
import org.advrisk.linear.AttackNorm;

/**
 * What an audit computes.
 *
 * @param lambdas      ridge parameters λ ≥ 0 (ours: scikit-learn's alpha = n_train·λ)
 * @param attacks      attack norms
 * @param alphas       budgets α ≥ 0
 * @param alphaScale   units of α
 * @param budgets      per-feature weights d_j (null: all 1)
 * @param standardize  z-score the features with the training statistics
 * @param dropConstant drop constant training columns instead of refusing them
 */
public record AuditOptions(double[] lambdas, List<AttackNorm> attacks, double[] alphas, AlphaScale alphaScale,
                           Map<String, Double> budgets, boolean standardize, boolean dropConstant) {
    public AuditOptions {
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("--lambda: at least one value is needed");
        }
        for (double l : lambdas) {
            if (!(l >= 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("--lambda: " + l + " is not allowed; allowed: finite numbers >= 0");
            }
        }
        for (double a : alphas) {
            if (!(a >= 0) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("--alpha: " + a + " is not allowed; allowed: finite numbers >= 0");
            }
        }
        if (alphas.length == 0 || attacks.isEmpty()) {
            throw new IllegalArgumentException("--alpha/--attack: at least one value is needed");
        }
        attacks = List.copyOf(attacks);
    }
}
