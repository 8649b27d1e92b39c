/**
 * A user's table through estimator paths to certified adversarial risks and a summary: the ridge
 * path on training statistics (one eigendecomposition for every λ), the exact worst case
 * (|r| + α‖Dθ̂‖_q)² of a linear model under per-feature budgets D, and per (attack, α) the λ that
 * minimise the test and adversarial MSE, their regret ratios, the Pareto frontier and the features
 * that carry the dual norm. Beside ridge: adversarial training with a joint free intercept
 * ({@code AdvTrainAudit}), nonlinear models of the standardised inputs attacked by PGD
 * ({@link org.advrisk.audit.MappedAudit}: random features, or K1 kernel ridge with an intercept,
 * {@link org.advrisk.audit.InterceptKernelRidgePath}; saved as {@link org.advrisk.audit.MappedModel}),
 * and claims (i)/(ii) decided on real spectra ({@link org.advrisk.audit.RealDataClaims}).
 */
package org.advrisk.audit;
