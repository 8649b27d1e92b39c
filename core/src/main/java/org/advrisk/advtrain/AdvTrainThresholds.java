package org.advrisk.advtrain;

/**
 * The two budgets between which adversarial training does something other than a closed form.
 *
 * @param delta0     θ̂_δ = 0 exactly for δ ≥ δ₀ = ‖X_cᵀy_c‖_p / ‖y_c‖₁ (p the attack exponent; centred
 *                   data with an intercept, raw data without)
 * @param deltaBar   for p > n: θ̂_δ is the minimum-norm (l2 training) or minimum-l1 (l∞ training)
 *                   interpolator for δ ≤ δ̄; NaN when it does not apply (p ≤ n, a singular Gram matrix,
 *                   or an LP too large to solve, see {@code deltaBarNote})
 * @param deltaBarNote why δ̄ is NaN, or "" when it is a number
 */
public record AdvTrainThresholds(double delta0, double deltaBar, String deltaBarNote) {
}
