/**
 * A user's table through estimator paths to certified adversarial risks and a summary: the ridge
 * path on training statistics (one eigendecomposition for every λ), the exact worst case
 * (|r| + α‖Dθ̂‖_q)² of a linear model under per-feature budgets D, and per (attack, α) the λ that
 * minimise the test and adversarial MSE, their regret ratios, the Pareto frontier and the features
 * that carry the dual norm.
 */
package org.advrisk.audit;
